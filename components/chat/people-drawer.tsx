"use client";
// Where the people panel lives: a column beside the conversation on wide screens, and a modal
// panel from the right on narrower ones (as Slack and Discord do on phones; components/ui/sheet.tsx),
// opened by the "People" button in the conversation bar (which says how many are online,
// components/presence/room-online.tsx) and closed by its close button, Escape or the backdrop.
import dynamic from "next/dynamic";
import { useState, type ReactNode, type RefObject } from "react";
import { useRoomOnline } from "@/components/presence/room-online";
import { PeopleIcon } from "@/components/ui/icons";

// Only phones and narrow windows open it: loaded the first time it opens, not with the room page.
const Sheet = dynamic(() => import("@/components/ui/sheet").then((m) => m.Sheet), { ssr: false });

export interface PeopleButtonProps {
  /** The room still exists: show the online count. */
  live: boolean;
  /** The drawer's id. */
  controls: string;
  expanded: boolean;
  onOpen: () => void;
  ref?: RefObject<HTMLButtonElement | null>;
}

export function PeopleButton({ live, controls, expanded, onOpen, ref }: PeopleButtonProps) {
  const { count } = useRoomOnline();
  const online = live ? count : null;
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
      <PeopleIcon />
      {/* The narrowest phones' conversation bar has room for the icon and the count (the name keeps the word). */}
      <span className="max-[419px]:sr-only">People</span>{" "}
      {online !== null ? (
        // "online" folds away on the narrowest phones (the name keeps it). The spaces keep words apart in the text
        // voice control matches against ("People 2 online"); on screen the flex gaps do.
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
  // Mounted from the first opening on, so that it closes (and hands focus back) as a sheet does.
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return (
    <>
      <div
        data-testid="people-drawer"
        className="hidden flex-col overflow-hidden bg-surface lg:flex lg:w-64 lg:shrink-0 lg:rounded-2xl lg:border lg:border-line lg:shadow-sm xl:w-72"
      >
        {open ? null : <div className="min-h-0 flex-1 overflow-y-auto overscroll-contain">{children}</div>}
      </div>
      {opened ? (
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
      ) : null}
    </>
  );
}
