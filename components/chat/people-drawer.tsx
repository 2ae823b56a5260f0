"use client";
// Where the people panel lives: a column beside the conversation on wide screens, and a panel
// that slides in from the right on narrower ones (as Slack and Discord do on phones), opened by
// the "People" button in the conversation bar (which says how many are online, from presence)
// and closed by its close button, Escape or the backdrop.
import type { PresenceChannel } from "pusher-js";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useRoomChannel } from "@/components/realtime/use-room-channel";

export interface PeopleButtonProps {
  roomId: string;
  /** Signed in (visitors have no presence): show the online count. */
  live: boolean;
  /** The drawer's id. */
  controls: string;
  expanded: boolean;
  onOpen: () => void;
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

export function PeopleButton({ roomId, live, controls, expanded, onOpen }: PeopleButtonProps) {
  const online = useOnlineCount(roomId, live);
  return (
    <button
      type="button"
      aria-controls={controls}
      aria-expanded={expanded}
      aria-label={online !== null ? `People, ${online} online` : undefined}
      onClick={onOpen}
      data-testid="people-open"
      className="inline-flex h-8 items-center gap-1.5 rounded-lg border border-line-strong bg-surface px-2.5 text-sm font-medium whitespace-nowrap text-ink shadow-sm hover:bg-sunken focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring lg:hidden"
    >
      <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" aria-hidden="true" className="size-4">
        <circle cx="7.5" cy="7" r="2.75" />
        <path d="M2.5 16c.5-2.9 2.5-4.5 5-4.5s4.5 1.6 5 4.5M13 4.6a2.75 2.75 0 0 1 0 4.8M14.5 11.7c1.6.5 2.7 1.9 3 4.3" />
      </svg>
      People
      {online !== null ? (
        // A count pill; the word "online" folds away on the narrowest phones (the name keeps it).
        <span
          data-testid="people-online-count"
          className="inline-flex items-center gap-1 rounded-full bg-emerald-50 px-1.5 py-px text-xs font-semibold text-emerald-800 ring-1 ring-emerald-200 ring-inset dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-800"
        >
          <span aria-hidden="true" className="size-1.5 rounded-full bg-emerald-500" />
          {online}
          <span className="max-[419px]:hidden">online</span>
        </span>
      ) : null}
    </button>
  );
}

export interface PeopleDrawerProps {
  open: boolean;
  onClose: () => void;
  children: ReactNode;
  id: string;
}

export function PeopleDrawer({ open, onClose, children, id }: PeopleDrawerProps) {
  const panel = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    if (!open) return;
    const opener = document.activeElement as HTMLElement | null;
    panel.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") onCloseRef.current();
    };
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("keydown", onKey);
      opener?.focus();
    };
  }, [open]);

  return (
    <>
      {open ? (
        <button type="button" aria-label="Close people" tabIndex={-1} onClick={onClose} className="fixed inset-0 z-40 bg-slate-950/40 lg:hidden" />
      ) : null}
      <div
        ref={panel}
        id={id}
        tabIndex={-1}
        data-testid="people-drawer"
        data-open={open || undefined}
        className={`flex-col overflow-hidden bg-surface focus:outline-none lg:static lg:z-auto lg:flex lg:w-64 lg:shrink-0 lg:rounded-2xl lg:border lg:border-line lg:shadow-sm xl:w-72 ${
          open
            ? "fixed inset-y-0 right-0 z-50 flex w-[min(20rem,88vw)] border-l border-line shadow-2xl"
            : "hidden"
        }`}
      >
        <div className="flex items-center justify-between border-b border-line px-4 py-2.5 lg:hidden">
          <p className="text-sm font-semibold text-ink">People</p>
          <button
            type="button"
            onClick={onClose}
            aria-label="Close people"
            className="flex size-8 items-center justify-center rounded-md text-ink-muted hover:bg-sunken hover:text-ink focus-visible:outline-2 focus-visible:outline-ring"
          >
            <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" aria-hidden="true" className="size-4">
              <path d="m5 5 10 10M15 5 5 15" />
            </svg>
          </button>
        </div>
        <div className="min-h-0 flex-1 overflow-y-auto overscroll-contain">{children}</div>
      </div>
    </>
  );
}
