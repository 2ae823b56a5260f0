"use client";
// Where the people panel lives: a column beside the conversation on wide screens, and a modal
// panel from the right on narrower ones (as Slack and Discord do on phones; components/ui/sheet.tsx),
// opened by the "People" button in the conversation bar (which says how many are online, from
// presence) and closed by its close button, Escape or the backdrop.
import type { PresenceChannel } from "pusher-js";
import { useRef, useState, type ReactNode, type RefObject } from "react";
import { useRoomChannel } from "@/components/realtime/use-room-channel";
import { Sheet } from "@/components/ui/sheet";

export interface PeopleButtonProps {
  roomId: string;
  /** Signed in (visitors have no presence): show the online count. */
  live: boolean;
  /** The drawer's id. */
  controls: string;
  expanded: boolean;
  onOpen: () => void;
  ref?: RefObject<HTMLButtonElement | null>;
}

/** pusher-js counts presence members by user id: several tabs of one person count once. */
const countOf = (channel: PresenceChannel) => channel.members.count;

/** How many are in the room now, from its presence channel; null while unknown (or for visitors). */
function useOnlineCount(roomId: string, live: boolean): number | null {
  const [count, setCount] = useState<number | null>(null);
  const channelRef = useRef<PresenceChannel | null>(null);
  const recount = () => setCount(channelRef.current ? countOf(channelRef.current) : null);
  // The same subscription as the conversation's and the people panel's (shared by the provider).
  const { subscribed } = useRoomChannel(
    roomId,
    { "pusher:member_added": recount, "pusher:member_removed": recount },
    {
      onSubscribed: (channel) => {
        channelRef.current = channel;
        recount();
      },
    },
  );
  return live && subscribed ? count : null;
}

export function PeopleButton({ roomId, live, controls, expanded, onOpen, ref }: PeopleButtonProps) {
  const online = useOnlineCount(roomId, live);
  return (
    <button
      ref={ref}
      type="button"
      aria-haspopup="dialog"
      aria-controls={controls}
      aria-expanded={expanded}
      aria-label={online !== null ? `People, ${online} online` : undefined}
      onClick={onOpen}
      data-testid="people-open"
      className="inline-flex h-8 items-center gap-1.5 rounded-lg border border-line-strong bg-surface px-2.5 text-sm font-medium whitespace-nowrap text-ink shadow-sm hover:bg-sunken focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring lg:hidden"
    >
      <svg
        viewBox="0 0 20 20"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        aria-hidden="true"
        className="size-4"
      >
        <circle cx="7.5" cy="7" r="2.75" />
        <path d="M2.5 16c.5-2.9 2.5-4.5 5-4.5s4.5 1.6 5 4.5M13 4.6a2.75 2.75 0 0 1 0 4.8M14.5 11.7c1.6.5 2.7 1.9 3 4.3" />
      </svg>
      People{" "}
      {online !== null ? (
        // A count pill; the word "online" folds away on the narrowest phones (the name keeps it).
        // The spaces keep the words apart in the text that voice control matches against the
        // name ("People 2 online"); on screen the flex gaps do.
        <span
          data-testid="people-online-count"
          className="inline-flex items-center gap-1 rounded-full bg-emerald-50 px-1.5 py-px text-xs font-semibold text-emerald-800 ring-1 ring-emerald-200 ring-inset dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-800"
        >
          <span aria-hidden="true" className="size-1.5 rounded-full bg-emerald-500" />
          {online} <span className="max-[419px]:hidden">online</span>
        </span>
      ) : null}
    </button>
  );
}

export interface PeopleDrawerProps {
  open: boolean;
  onClose: () => void;
  children: ReactNode;
  /** The modal panel's id (the People button's aria-controls). */
  id: string;
  /** The People button, which gets focus back when the panel closes. */
  opener?: RefObject<HTMLElement | null>;
}

/**
 * The column from `lg` up; below, the same content in a modal sheet while `open`. The content is
 * rendered in one place at a time (its live subscription is shared, so moving it costs nothing).
 */
export function PeopleDrawer({ open, onClose, children, id, opener }: PeopleDrawerProps) {
  return (
    <>
      <div
        data-testid="people-drawer"
        className="hidden flex-col overflow-hidden bg-surface lg:flex lg:w-64 lg:shrink-0 lg:rounded-2xl lg:border lg:border-line lg:shadow-sm xl:w-72"
      >
        {open ? null : <div className="min-h-0 flex-1 overflow-y-auto overscroll-contain">{children}</div>}
      </div>
      <Sheet
        open={open}
        onClose={onClose}
        title="People"
        closeLabel="Close people"
        placement="right"
        returnFocus={() => opener?.current}
        closeWhen="(min-width: 64rem)"
        id={id}
        data-testid="people-sheet"
      >
        {children}
      </Sheet>
    </>
  );
}
