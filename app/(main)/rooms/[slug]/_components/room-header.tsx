"use client";
// The room's header above the conversation: name, topic and the viewer's controls on one row;
// description, host, participants and opening date below (folded away on phones behind "About",
// so the conversation keeps the screen). Name, description, topic, the "Locked" chip and slow mode follow
// `room:updated` live, so the page hands them in from its client state.
import dynamic from "next/dynamic";
import Link from "next/link";
import { useId, useState } from "react";
import { Avatar } from "@/components/ui/avatar";
import { buttonClasses } from "@/components/ui/button";
import type { RoomSummary } from "../../../_components/room-summary";
import { FocusStartButton } from "./focus-start-button";
import { MembershipButton } from "./room-actions";
import type { RoomFocus } from "./use-room-focus";
import { OutlineIcon } from "@/components/ui/icons";
import { slowModeLabel } from "@/lib/validation/slow-mode-choices";
import { SlowModeIcon } from "@/components/chat/composer-slow-mode";

// Only the host and staff see these: their browsers load them, nobody else's first load carries them.
const SlowModeControl = dynamic(() => import("./slow-mode-control").then((m) => m.SlowModeControl));
const DeleteRoomButton = dynamic(() => import("./delete-room-button").then((m) => m.DeleteRoomButton));

/** What the person looking at the room may do there (worked out by the page). */
export interface RoomViewer {
  signedIn: boolean;
  /** A participant of the room (the host always is). */
  joined: boolean;
  isHost: boolean;
  /** The host or a moderator: may edit and delete. */
  canManage: boolean;
}

export interface RoomHeaderRoom extends RoomSummary {
  /** ISO 8601. */
  createdAt: string;
}

export interface RoomHeaderProps {
  room: RoomHeaderRoom;
  viewer: RoomViewer;
  /** The room is gone: its controls are removed. */
  deleted?: boolean;
  /** Locked by a moderator: read-only for everyone. */
  locked?: boolean;
  /** Slow mode's wait between a member's messages, in seconds (0: off). */
  slowModeSeconds?: number;
  /** The room's focus session, for signed-in members: its start control shows in the header. */
  focus?: RoomFocus | null;
}

// UTC, so the server's HTML and the browser's first render agree.
const openedOn = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
const focusRing = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";

function PencilIcon() {
  return (
    // Hidden on phones so the host's three controls fit on one row.
    <OutlineIcon className="size-4 max-sm:hidden">
      <path d="m13.5 3.5 3 3L7 16l-3.75.75L4 13l9.5-9.5zM11.5 5.5l3 3" />
    </OutlineIcon>
  );
}

function RoomControls({ room, viewer, slowModeSeconds = 0, focus }: RoomHeaderProps) {
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
          <span aria-hidden="true" className="md:hidden">
            Your room
          </span>
          <span className="max-md:sr-only">You host this room</span>
        </span>
      ) : (
        <MembershipButton slug={room.slug} joined={viewer.joined} />
      )}
      {focus ? <FocusStartButton focus={focus} /> : null}
      {viewer.canManage ? (
        <>
          <Link href={`/rooms/${room.slug}/edit`} className={buttonClasses({ variant: "secondary", size: "sm" })}>
            <PencilIcon />
            Edit
          </Link>
          <SlowModeControl slug={room.slug} seconds={slowModeSeconds} />
          <DeleteRoomButton slug={room.slug} name={room.name} size="sm" />
        </>
      ) : null}
    </div>
  );
}

export function RoomHeader({ deleted = false, locked = false, slowModeSeconds = 0, ...props }: RoomHeaderProps) {
  const { room, viewer } = props;
  const [aboutOpen, setAboutOpen] = useState(false);
  const aboutId = useId();
  const participants = `${room.participantCount} ${room.participantCount === 1 ? "participant" : "participants"}`;

  return (
    <header
      data-testid="room-header"
      className="shrink-0 border-b border-line bg-surface px-4 py-3 sm:rounded-2xl sm:border sm:px-5 sm:shadow-sm"
    >
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <div className="flex min-w-0 flex-1 basis-64 items-center gap-2">
          <Link
            href="/"
            aria-label="All rooms"
            title="All rooms"
            className={`-ml-1.5 flex size-8 shrink-0 items-center justify-center rounded-lg text-ink-muted transition hover:bg-sunken hover:text-ink ${focusRing}`}
          >
            <OutlineIcon strokeWidth="1.75" className="size-5">
              <path d="M12.5 4.5 7 10l5.5 5.5" />
            </OutlineIcon>
          </Link>
          <h1 className="min-w-0 truncate text-lg font-bold tracking-tight text-ink sm:text-xl" title={room.name}>
            {room.name}
          </h1>
          <Link
            href={{ pathname: "/", query: { q: room.topic.name } }}
            data-testid="room-topic"
            className={`inline-flex max-w-40 shrink-0 items-center truncate rounded-full bg-accent-soft px-2.5 py-0.5 text-xs font-medium text-accent-ink ring-1 ring-accent/15 transition ring-inset hover:bg-accent/15 max-[419px]:hidden ${focusRing}`}
          >
            <span className="truncate">{room.topic.name}</span>
          </Link>
          {locked && !deleted ? (
            <span
              data-testid="room-locked-chip"
              title="Locked by a moderator: read-only, nobody can post."
              className="inline-flex shrink-0 items-center gap-1 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-amber-300/60 ring-inset dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-800"
            >
              <OutlineIcon strokeWidth="1.8" className="size-3.5">
                <rect x="4" y="8.5" width="12" height="8.5" rx="2" />
                <path d="M6.75 8.5V6.25a3.25 3.25 0 0 1 6.5 0V8.5" />
              </OutlineIcon>
              Locked
            </span>
          ) : null}
          {slowModeSeconds > 0 && !deleted ? (
            <span
              data-testid="room-slow-mode-chip"
              data-seconds={slowModeSeconds}
              title={`Slow mode: 1 message every ${slowModeLabel(slowModeSeconds)} per member.`}
              className="inline-flex shrink-0 items-center gap-1 rounded-full bg-sky-100 px-2 py-0.5 text-xs font-semibold text-sky-900 ring-1 ring-sky-300/60 ring-inset dark:bg-sky-950 dark:text-sky-100 dark:ring-sky-800"
            >
              <SlowModeIcon className="size-3.5" />
              Slow mode: {slowModeLabel(slowModeSeconds)}
            </span>
          ) : null}
          <button
            type="button"
            aria-expanded={aboutOpen}
            aria-controls={aboutId}
            onClick={() => setAboutOpen((open) => !open)}
            className={`-mr-1 ml-auto inline-flex h-8 shrink-0 items-center gap-0.5 rounded-lg px-1.5 text-sm font-medium text-ink-muted hover:bg-sunken hover:text-ink sm:hidden ${focusRing}`}
          >
            About
            <OutlineIcon
              strokeWidth="1.75"
              roundJoins={false}
              className={`size-4 transition ${aboutOpen ? "rotate-180" : ""}`}
            >
              <path d="m5.5 8 4.5 4.5L14.5 8" />
            </OutlineIcon>
          </button>
        </div>
        {deleted ? null : <RoomControls {...props} slowModeSeconds={slowModeSeconds} />}
      </div>

      {/* Always shown from sm up; on phones only when "About" is open. */}
      <div id={aboutId} className={`mt-2 sm:block ${aboutOpen ? "" : "max-sm:hidden"}`}>
        {room.description ? (
          <p
            data-testid="room-description"
            title={room.description}
            className={`max-w-4xl text-sm leading-relaxed whitespace-pre-line break-words text-ink-muted ${aboutOpen ? "" : "sm:line-clamp-2"}`}
          >
            {room.description}
          </p>
        ) : (
          <p className="text-sm text-ink-subtle italic">No description yet.</p>
        )}
        <div className="mt-2 flex flex-wrap items-center gap-x-5 gap-y-1 text-xs text-ink-muted">
          <span className="inline-flex items-center gap-1 rounded-full bg-accent-soft px-2 py-0.5 font-medium text-accent-ink min-[420px]:hidden">
            {room.topic.name}
          </span>
          <div data-testid="room-host" className="flex min-w-0 items-center gap-1.5">
            {room.host ? (
              <>
                <span className="text-ink-subtle">Hosted by</span>
                <Link
                  href={`/u/${room.host.username}`}
                  className={`-m-0.5 flex min-w-0 items-center gap-1.5 rounded-md p-0.5 font-medium text-ink transition hover:text-accent-ink ${focusRing}`}
                >
                  <Avatar name={room.host.name} image={room.host.avatarUrl} size="xs" />
                  <span className="truncate">@{room.host.username}</span>
                </Link>
              </>
            ) : (
              <span className="flex items-center gap-1.5 text-ink-subtle">
                <span aria-hidden="true" className="size-5 rounded-full border border-dashed border-line-strong" />
                No host
              </span>
            )}
          </div>
          <span data-testid="room-participants">{participants}</span>
          {slowModeSeconds > 0 && !deleted ? (
            <span data-testid="room-slow-mode">Slow mode: 1 message every {slowModeLabel(slowModeSeconds)}</span>
          ) : null}
          <span>
            Opened <time dateTime={room.createdAt}>{openedOn.format(new Date(room.createdAt))}</time>
          </span>
          {viewer.isHost && !deleted ? (
            <span data-testid="host-note" className="text-pretty text-ink-subtle">
              Hosts can’t leave their own room: it needs someone to run it. To close it for everyone, delete it.
            </span>
          ) : null}
        </div>
      </div>
    </header>
  );
}
