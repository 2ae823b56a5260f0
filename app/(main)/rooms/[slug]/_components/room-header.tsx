import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import { buttonClasses } from "@/components/ui/button";
import type { RoomWithMessages } from "@/lib/db/messages";
import { DeleteRoomButton, MembershipButton } from "./room-actions";

/** What the person looking at the room may do there (worked out by the page). */
export interface RoomViewer {
  signedIn: boolean;
  /** A participant of the room (the host always is). */
  joined: boolean;
  isHost: boolean;
  /** The host or a moderator: may edit and delete. */
  canManage: boolean;
}

export interface RoomHeaderProps {
  room: Pick<RoomWithMessages, "slug" | "name" | "description" | "topic" | "host" | "participantCount" | "createdAt">;
  viewer: RoomViewer;
}

const openedOn = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric" });
const focusRing = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";

function PencilIcon() {
  return (
    // Hidden on phones so the host's three controls fit on one row.
    <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" className="size-4 max-sm:hidden">
      <path d="m13.5 3.5 3 3L7 16l-3.75.75L4 13l9.5-9.5zM11.5 5.5l3 3" />
    </svg>
  );
}

function RoomControls({ room, viewer }: RoomHeaderProps) {
  const returnHere = `/rooms/${room.slug}`;
  return (
    <div data-testid="room-actions" className="flex flex-wrap items-center gap-2">
      {!viewer.signedIn ? (
        <Link href={`/login?callbackUrl=${encodeURIComponent(returnHere)}`} className={buttonClasses({ size: "sm" })}>
          Sign in to join
        </Link>
      ) : viewer.isHost ? (
        <span
          data-testid="host-badge"
          className="inline-flex h-8 items-center gap-1.5 rounded-lg bg-accent-soft px-3 text-sm font-medium text-accent-ink ring-1 ring-accent/15 ring-inset"
        >
          <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className="size-4">
            <path d="M10 2.5l2.2 4.6 5 .7-3.6 3.5.9 5-4.5-2.4-4.5 2.4.9-5L2.8 7.8l5-.7z" />
          </svg>
          <span aria-hidden="true" className="sm:hidden">Your room</span>
          <span className="max-sm:sr-only">You host this room</span>
        </span>
      ) : (
        <MembershipButton slug={room.slug} joined={viewer.joined} />
      )}
      {viewer.canManage ? (
        <>
          <Link href={`/rooms/${room.slug}/edit`} className={buttonClasses({ variant: "secondary", size: "sm" })}>
            <PencilIcon />
            Edit
          </Link>
          <DeleteRoomButton slug={room.slug} name={room.name} size="sm" />
        </>
      ) : null}
    </div>
  );
}

export function RoomHeader({ room, viewer }: RoomHeaderProps) {
  const participants = `${room.participantCount} ${room.participantCount === 1 ? "participant" : "participants"}`;
  return (
    <header data-testid="room-header" className="rounded-2xl border border-line bg-surface p-5 shadow-sm sm:p-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Link
          href={{ pathname: "/", query: { q: room.topic.name } }}
          data-testid="room-topic"
          className={`inline-flex max-w-full items-center truncate rounded-full bg-accent-soft px-2.5 py-1 text-xs font-medium text-accent-ink ring-1 ring-accent/15 transition ring-inset hover:bg-accent/15 ${focusRing}`}
        >
          <span className="truncate">{room.topic.name}</span>
        </Link>
        <RoomControls room={room} viewer={viewer} />
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
        <span data-testid="room-participants" className="text-ink-muted">
          {participants}
        </span>
        <span className="text-ink-muted">
          Opened <time dateTime={room.createdAt.toISOString()}>{openedOn.format(room.createdAt)}</time>
        </span>
      </div>
      {viewer.isHost ? (
        <p data-testid="host-note" className="mt-3 text-xs text-pretty text-ink-subtle">
          Hosts can’t leave their own room: it needs someone to run it. To close it for everyone, delete it.
        </p>
      ) : null}
    </header>
  );
}
