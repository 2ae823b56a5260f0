"use client";

// The feed's loading placeholder (a Suspense fallback). A client component only so that its markup
// is not repeated in every page's RSC payload.
import { ROOM_GRID } from "./room-grid";
import { Bone, Skeleton } from "@/components/skeleton";

export interface RoomListSkeletonProps {
  /** How many placeholder cards to draw; four fill a screen. */
  count?: number;
}

/** A round bone (the topic chip, the host's avatar) beside a text line, as a card row shows them. */
function ChipAndLine({ className, chip, line }: { className: string; chip: string; line: string }) {
  return (
    <div className={`flex items-center ${className}`}>
      <Bone round className={chip} />
      <Bone className={line} />
    </div>
  );
}

function SkeletonCard() {
  return (
    <div className="flex h-full flex-col rounded-2xl border border-line bg-surface p-5 shadow-sm">
      <ChipAndLine className="justify-between" chip="h-6 w-20" line="h-3 w-24" />
      <Bone className="mt-4 h-5 w-3/4" />
      <div className="mt-3 mb-5 space-y-2">
        {["w-full", "w-11/12", "w-2/3"].map((width) => (
          <Bone key={width} className={`h-3.5 ${width}`} />
        ))}
      </div>
      <div className="mt-auto flex items-center justify-between border-t border-line pt-4">
        <ChipAndLine className="gap-2" chip="size-6" line="h-3.5 w-20" />
        <Bone className="h-3.5 w-24" />
      </div>
    </div>
  );
}

export function RoomListSkeleton({ count = 4 }: RoomListSkeletonProps) {
  return (
    <Skeleton label="Loading rooms" testId="room-list-skeleton">
      <Bone className="mb-5 h-5 w-28" />
      <div aria-hidden="true" className={ROOM_GRID}>
        {Array.from({ length: count }, (_, i) => (
          <SkeletonCard key={i} />
        ))}
      </div>
    </Skeleton>
  );
}
