"use client";

// The feed's loading placeholder (a Suspense fallback). A client component only so that its markup
// is not repeated in every page's RSC payload.
import { ROOM_GRID } from "./room-grid";

export interface RoomListSkeletonProps {
  /** How many placeholder cards to draw; four fill a screen. */
  count?: number;
}

function SkeletonCard() {
  return (
    <div className="flex h-full flex-col rounded-2xl border border-line bg-surface p-5 shadow-sm">
      <div className="flex items-center justify-between">
        <div className="h-6 w-20 rounded-full bg-line" />
        <div className="h-3 w-24 rounded bg-line" />
      </div>
      <div className="mt-4 h-5 w-3/4 rounded bg-line" />
      <div className="mt-3 mb-5 space-y-2">
        <div className="h-3.5 w-full rounded bg-line" />
        <div className="h-3.5 w-11/12 rounded bg-line" />
        <div className="h-3.5 w-2/3 rounded bg-line" />
      </div>
      <div className="mt-auto flex items-center justify-between border-t border-line pt-4">
        <div className="flex items-center gap-2">
          <div className="size-6 rounded-full bg-line" />
          <div className="h-3.5 w-20 rounded bg-line" />
        </div>
        <div className="h-3.5 w-24 rounded bg-line" />
      </div>
    </div>
  );
}

export function RoomListSkeleton({ count = 4 }: RoomListSkeletonProps) {
  return (
    <div
      role="status"
      aria-busy="true"
      aria-label="Loading rooms"
      data-testid="room-list-skeleton"
      className="animate-pulse motion-reduce:animate-none"
    >
      <div className="mb-5 h-5 w-28 rounded bg-line" />
      <div aria-hidden="true" className={ROOM_GRID}>
        {Array.from({ length: count }, (_, i) => (
          <SkeletonCard key={i} />
        ))}
      </div>
    </div>
  );
}
