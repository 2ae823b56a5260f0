"use client";

// One room card's markup, rendered by RoomCardGrid (see there for why it is a client component).
import Link from "next/link";
import { Highlight } from "@/components/highlight";
import { RelativeTime } from "@/components/relative-time";
import { Avatar } from "@/components/ui/avatar";
import type { RoomSummary } from "./room-summary";
import { OutlineIcon } from "@/components/ui/icons";

/** What one card shows; the server picks it (room-card-data.ts) and only this crosses over. */
export interface RoomCardData extends RoomSummary {
  /** The description, or around the search's first match in it (snippetAround). */
  description: string;
  /** "active 3 minutes ago" or "opened …". */
  time: { prefix: "active" | "opened"; at: Date };
  /** Members in the room now (from presence); shown only when someone is. */
  online: number;
  /** The signed-in participant's unread messages; 0 shows nothing. */
  unread: number;
  /** Questions without an accepted answer; 0 shows nothing. */
  openQuestions?: number;
}

export interface RoomCardViewProps {
  room: RoomCardData;
  /** The search, highlighted wherever it matched (name, description, topic, host). */
  query?: string;
}

/** Above this the badge says "99+": the server stops counting at UNREAD_COUNT_CAP (100). */
const UNREAD_SHOWN_MAX = 99;

function UnreadBadge({ count }: { count: number }) {
  const shown = count > UNREAD_SHOWN_MAX ? `${UNREAD_SHOWN_MAX}+` : String(count);
  return (
    // Above the stretched room link, like the chips, so its text is read with the card.
    <span
      data-testid="room-unread"
      className="relative z-10 mt-0.5 inline-flex shrink-0 items-center rounded-full bg-accent px-2 py-0.5 text-xs font-semibold text-on-accent tabular-nums shadow-sm"
    >
      {shown} new<span className="sr-only"> {count === 1 ? "message" : "messages"}</span>
    </span>
  );
}

function OnlineCount({ count }: { count: number }) {
  return (
    <span
      data-testid="room-online"
      className="flex shrink-0 items-center gap-1.5 font-medium text-emerald-700 dark:text-emerald-400"
    >
      <span aria-hidden="true" className="size-2 rounded-full bg-emerald-500 ring-2 ring-emerald-500/20" />
      {count.toLocaleString("en-US")} online
    </span>
  );
}

function PeopleIcon({ className }: { className?: string }) {
  return (
    <OutlineIcon className={className}>
      <circle cx="7.5" cy="7" r="2.75" />
      <path d="M2.75 16c.5-2.6 2.4-4.25 4.75-4.25S11.75 13.4 12.25 16" />
      <path d="M12.75 4.6a2.6 2.6 0 0 1 0 4.8M14.5 11.9c1.5.6 2.5 2 2.75 4.1" />
    </OutlineIcon>
  );
}

const focusRing = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";

export function RoomCardView({ room, query }: RoomCardViewProps) {
  const { online, unread } = room;
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
        <RelativeTime date={room.time.at} prefix={room.time.prefix} className="shrink-0 text-xs text-ink-subtle" />
      </div>

      <div className="mt-2.5 flex items-start justify-between gap-3">
        <h3 className="min-w-0 text-lg leading-snug font-semibold tracking-tight break-words text-ink">
          {/* The ::after overlay makes the whole card clickable while the link's name stays the room name. */}
          <Link
            href={`/rooms/${room.slug}`}
            className="rounded-sm outline-none after:absolute after:inset-0 after:rounded-2xl after:content-[''] group-hover:text-accent-ink focus-visible:after:outline-2 focus-visible:after:outline-offset-2 focus-visible:after:outline-ring"
          >
            <Highlight text={room.name} query={query} />
          </Link>
        </h3>
        {unread > 0 ? <UnreadBadge count={unread} /> : null}
      </div>

      {room.description ? (
        <p
          data-testid="room-description"
          className="mt-1 mb-4 line-clamp-3 text-sm leading-relaxed break-words text-ink-muted"
        >
          <Highlight text={room.description} query={query} />
        </p>
      ) : (
        <p className="mt-1 mb-4 text-sm text-ink-subtle italic">No description yet.</p>
      )}

      {/* Wraps rather than squeezes: the counts move under the host when both do not fit. */}
      <div className="mt-auto flex flex-wrap items-center justify-between gap-x-3 gap-y-2 border-t border-line pt-3 text-sm">
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
              {/* Shrinks too (long usernames on phones would run into the counts otherwise). */}
              <span className="min-w-0 truncate text-ink-subtle">
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
        <span className="flex shrink-0 flex-wrap items-center justify-end gap-x-3 gap-y-1">
          {online > 0 ? <OnlineCount count={online} /> : null}
          {room.openQuestions ? (
            <span data-testid="room-open-questions" className="text-ink-muted">
              {room.openQuestions} open {room.openQuestions === 1 ? "question" : "questions"}
            </span>
          ) : null}
          <span className="flex items-center gap-1.5 text-ink-muted">
            <PeopleIcon className="size-4 text-ink-subtle" />
            {participants}
          </span>
        </span>
      </div>
    </article>
  );
}
