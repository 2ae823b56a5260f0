import Link from "next/link";
import { Highlight, snippetAround } from "@/components/highlight";
import { RelativeTime } from "@/components/relative-time";
import { Avatar } from "@/components/ui/avatar";
import type { RoomCard as RoomCardData } from "@/lib/db/rooms";
import type { RoomSort } from "@/lib/validation/rooms";

export interface RoomCardProps {
  room: RoomCardData;
  /** The search, highlighted wherever it matched (name, description, topic, host). */
  query?: string;
  /** Under "Newest" the card says when the room was opened rather than when it was last active. */
  sort?: RoomSort;
}

function PeopleIcon({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" className={className}>
      <circle cx="7.5" cy="7" r="2.75" />
      <path d="M2.75 16c.5-2.6 2.4-4.25 4.75-4.25S11.75 13.4 12.25 16" />
      <path d="M12.75 4.6a2.6 2.6 0 0 1 0 4.8M14.5 11.9c1.5.6 2.5 2 2.75 4.1" />
    </svg>
  );
}

const focusRing = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";

export function RoomCard({ room, query, sort = "active" }: RoomCardProps) {
  const participants = `${room.participantCount} ${room.participantCount === 1 ? "participant" : "participants"}`;

  return (
    <article
      data-testid="room-card"
      data-slug={room.slug}
      className="group relative flex h-full flex-col rounded-2xl border border-line bg-surface p-4 shadow-sm shadow-slate-900/[0.03] transition hover:-translate-y-0.5 hover:border-accent/40 hover:shadow-md hover:shadow-indigo-900/[0.06] motion-reduce:transition-none motion-reduce:hover:translate-y-0 sm:p-5"
    >
      <div className="flex items-center justify-between gap-3">
        {/* Above the stretched room link (z-10) so the chip stays its own target. */}
        <Link
          href={`/?topic=${encodeURIComponent(room.topic.slug)}`}
          data-testid="room-topic"
          className={`relative z-10 inline-flex max-w-[60%] items-center truncate rounded-full bg-accent-soft px-2.5 py-1 text-xs font-medium text-accent-ink ring-1 ring-accent/15 transition ring-inset hover:bg-accent/15 ${focusRing}`}
        >
          <span className="sr-only">Topic: </span>
          <span className="truncate">
            <Highlight text={room.topic.name} query={query} />
          </span>
        </Link>
        {sort === "newest" ? (
          <RelativeTime date={room.createdAt} prefix="opened" className="shrink-0 text-xs text-ink-subtle" />
        ) : (
          <RelativeTime date={room.lastActivityAt} prefix="active" className="shrink-0 text-xs text-ink-subtle" />
        )}
      </div>

      <h3 className="mt-2.5 text-lg leading-snug font-semibold tracking-tight break-words text-ink">
        {/* The ::after overlay makes the whole card clickable while the link's name stays the room name. */}
        <Link
          href={`/rooms/${room.slug}`}
          className="rounded-sm outline-none after:absolute after:inset-0 after:rounded-2xl after:content-[''] group-hover:text-accent-ink focus-visible:after:outline-2 focus-visible:after:outline-offset-2 focus-visible:after:outline-ring"
        >
          <Highlight text={room.name} query={query} />
        </Link>
      </h3>

      {room.description ? (
        <p data-testid="room-description" className="mt-1 mb-4 line-clamp-3 text-sm leading-relaxed break-words text-ink-muted">
          <Highlight text={snippetAround(room.description, query)} query={query} />
        </p>
      ) : (
        <p className="mt-1 mb-4 text-sm text-ink-subtle italic">No description yet.</p>
      )}

      <div className="mt-auto flex items-center justify-between gap-3 border-t border-line pt-3 text-sm">
        {room.host ? (
          <Link
            href={`/u/${room.host.username}`}
            data-testid="room-host"
            className={`relative z-10 -m-1 flex min-w-0 items-center gap-2 rounded-lg p-1 text-ink-muted transition hover:text-ink ${focusRing}`}
          >
            {/* The name is right beside it, so the picture needs no name of its own. */}
            <span aria-hidden="true" className="contents">
              <Avatar name={room.host.name} image={room.host.avatarUrl} size="sm" />
            </span>
            <span className="flex min-w-0 items-baseline gap-1.5">
              <span className="truncate font-medium text-ink">
                <Highlight text={room.host.name} query={query} />
              </span>
              <span className="shrink-0 text-ink-subtle">
                <Highlight text={`@${room.host.username}`} query={query} />
              </span>
            </span>
          </Link>
        ) : (
          <span className="flex items-center gap-2 text-ink-subtle">
            <span aria-hidden="true" className="size-6 rounded-full border border-dashed border-line-strong" />
            No host
          </span>
        )}
        <span className="flex shrink-0 items-center gap-1.5 text-ink-muted">
          <PeopleIcon className="size-4 text-ink-subtle" />
          {participants}
        </span>
      </div>
    </article>
  );
}
