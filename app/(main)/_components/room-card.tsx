import Link from "next/link";
import { RelativeTime } from "@/components/relative-time";
import { Avatar } from "@/components/ui/avatar";
import type { RoomCard as RoomCardData } from "@/lib/db/rooms";

export interface RoomCardProps {
  room: RoomCardData;
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

export function RoomCard({ room }: RoomCardProps) {
  const participants = `${room.participantCount} ${room.participantCount === 1 ? "participant" : "participants"}`;

  return (
    <article
      data-testid="room-card"
      className="group relative flex h-full flex-col rounded-2xl border border-line bg-surface p-5 shadow-sm shadow-slate-900/[0.03] transition hover:-translate-y-0.5 hover:border-accent/40 hover:shadow-md hover:shadow-indigo-900/[0.06] motion-reduce:transition-none motion-reduce:hover:translate-y-0"
    >
      <div className="flex items-center justify-between gap-3">
        {/* Above the stretched room link (z-10) so the chip stays its own target. */}
        <Link
          href={{ pathname: "/", query: { q: room.topic.name } }}
          className={`relative z-10 inline-flex max-w-[60%] items-center truncate rounded-full bg-accent-soft px-2.5 py-1 text-xs font-medium text-accent-ink ring-1 ring-accent/15 transition ring-inset hover:bg-accent/15 ${focusRing}`}
        >
          <span className="truncate">{room.topic.name}</span>
        </Link>
        <RelativeTime date={room.lastActivityAt} prefix="active" className="shrink-0 text-xs text-ink-subtle" />
      </div>

      <h3 className="mt-3 text-lg leading-snug font-semibold tracking-tight text-ink">
        {/* The ::after overlay makes the whole card clickable while the link's name stays the room name. */}
        <Link
          href={`/rooms/${room.slug}`}
          className="rounded-sm outline-none after:absolute after:inset-0 after:rounded-2xl after:content-[''] group-hover:text-accent-ink focus-visible:after:outline-2 focus-visible:after:outline-offset-2 focus-visible:after:outline-ring"
        >
          {room.name}
        </Link>
      </h3>

      {room.description ? (
        <p className="mt-1.5 mb-5 line-clamp-3 text-sm leading-relaxed text-ink-muted">{room.description}</p>
      ) : (
        <p className="mt-1.5 mb-5 text-sm text-ink-subtle italic">No description yet.</p>
      )}

      <div className="mt-auto flex items-center justify-between gap-3 border-t border-line pt-4 text-sm">
        {room.host ? (
          <Link
            href={`/u/${room.host.username}`}
            className={`relative z-10 -m-1 flex min-w-0 items-center gap-2 rounded-lg p-1 text-ink-muted transition hover:text-ink ${focusRing}`}
          >
            <Avatar name={room.host.name} image={room.host.image} size="sm" />
            <span className="truncate font-medium">@{room.host.username}</span>
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
