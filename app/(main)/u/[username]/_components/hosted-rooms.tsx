import Link from "next/link";
import { RelativeTime } from "@/components/relative-time";
import { EmptyBox } from "../../../_components/empty-box";
import { TopicChip } from "../../../_components/topic-chip";
import type { ProfileRoom } from "@/lib/db/profiles";

export interface HostedRoomsProps {
  rooms: ProfileRoom[];
  /** All rooms hosted, when more exist than are listed. */
  total: number;
  isSelf: boolean;
  name: string;
}

export function HostedRooms({ rooms, total, isSelf, name }: HostedRoomsProps) {
  if (rooms.length === 0) {
    return (
      <EmptyBox testId="hosted-rooms-empty">
        {isSelf ? "You do not host any rooms yet." : `${name} does not host any rooms yet.`}
      </EmptyBox>
    );
  }

  return (
    <>
      <ul data-testid="hosted-rooms" className="space-y-3">
        {rooms.map((room) => (
          <li key={room.id}>
            <Link
              href={`/rooms/${room.slug}`}
              className="group block rounded-xl border border-line bg-surface p-4 shadow-sm transition hover:border-accent/40 hover:shadow-md hover:shadow-indigo-900/[0.05] focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring motion-reduce:transition-none"
            >
              <span className="flex items-center justify-between gap-3">
                <TopicChip name={room.topic.name} maxWidth="max-w-[60%]" />
                <RelativeTime date={room.lastActivityAt} prefix="active" className="shrink-0 text-xs text-ink-subtle" />
              </span>
              <span className="mt-2 block font-semibold tracking-tight break-words text-ink group-hover:text-accent-ink">
                {room.name}
              </span>
              {room.description ? (
                <span className="mt-1 line-clamp-2 block text-sm text-ink-muted">{room.description}</span>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
      {total > rooms.length ? (
        <p className="mt-3 text-sm text-ink-muted">
          and {total - rooms.length} more {total - rooms.length === 1 ? "room" : "rooms"}.
        </p>
      ) : null}
    </>
  );
}
