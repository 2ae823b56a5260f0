import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import type { RoomWithMessages } from "@/lib/db/messages";

export interface RoomHeaderProps {
  room: Pick<RoomWithMessages, "name" | "description" | "topic" | "host" | "participantCount" | "createdAt">;
}

const openedOn = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric" });
const focusRing = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";

export function RoomHeader({ room }: RoomHeaderProps) {
  const participants = `${room.participantCount} ${room.participantCount === 1 ? "participant" : "participants"}`;
  return (
    <header data-testid="room-header" className="rounded-2xl border border-line bg-surface p-5 shadow-sm sm:p-6">
      <div className="flex flex-wrap items-center gap-2">
        <Link
          href={{ pathname: "/", query: { q: room.topic.name } }}
          data-testid="room-topic"
          className={`inline-flex max-w-full items-center truncate rounded-full bg-accent-soft px-2.5 py-1 text-xs font-medium text-accent-ink ring-1 ring-accent/15 transition ring-inset hover:bg-accent/15 ${focusRing}`}
        >
          <span className="truncate">{room.topic.name}</span>
        </Link>
      </div>
      <h1 className="mt-3 text-2xl font-bold tracking-tight break-words text-ink sm:text-3xl">{room.name}</h1>
      {room.description ? (
        <p data-testid="room-description" className="mt-2 max-w-3xl text-[0.9375rem] leading-relaxed whitespace-pre-line break-words text-ink-muted">
          {room.description}
        </p>
      ) : (
        <p className="mt-2 text-sm text-ink-subtle italic">No description yet.</p>
      )}

      <div className="mt-5 flex flex-wrap items-center gap-x-6 gap-y-3 border-t border-line pt-4 text-sm">
        <div data-testid="room-host" className="flex min-w-0 items-center gap-2">
          {room.host ? (
            <>
              <span className="text-ink-subtle">Hosted by</span>
              <Link href={`/u/${room.host.username}`} className={`-m-1 flex min-w-0 items-center gap-2 rounded-lg p-1 font-medium text-ink transition hover:text-accent-ink ${focusRing}`}>
                <Avatar name={room.host.name} image={room.host.avatarUrl} size="sm" />
                <span className="truncate">@{room.host.username}</span>
              </Link>
            </>
          ) : (
            <span className="flex items-center gap-2 text-ink-subtle">
              <span aria-hidden="true" className="size-6 rounded-full border border-dashed border-line-strong" />
              No host
            </span>
          )}
        </div>
        <span className="text-ink-muted">{participants}</span>
        <span className="text-ink-muted">
          Opened <time dateTime={room.createdAt.toISOString()}>{openedOn.format(room.createdAt)}</time>
        </span>
      </div>
    </header>
  );
}
