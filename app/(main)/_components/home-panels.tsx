"use client";

import { useEffect, useId, useRef, useState, type MouseEvent, type ReactNode } from "react";
import { flushSync } from "react-dom";

type Panel = "topics" | "activity";

const TITLES: Record<Panel, string> = { topics: "Topics", activity: "Recent activity" };

export interface HomePanelsProps {
  /** The topics sidebar (a server-rendered nav). */
  topics: ReactNode;
  /** The recent-activity panel. */
  activity: ReactNode;
  /** The filtered topic's name, shown on the phone's Topics button. */
  topicName?: string;
  /** The feed. */
  children: ReactNode;
}

function TagIcon({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" className={className}>
      <path d="M3 10.2V4.25C3 3.56 3.56 3 4.25 3h5.95c.33 0 .65.13.88.37l5.55 5.55c.49.49.49 1.28 0 1.77l-5.6 5.6c-.49.49-1.28.49-1.77 0L3.37 11.08A1.25 1.25 0 0 1 3 10.2z" />
      <circle cx="7" cy="7" r="1" />
    </svg>
  );
}

function PulseIcon({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" className={className}>
      <path d="M2.5 10h3l2-5 3.5 10 2-5h4.5" />
    </svg>
  );
}

const triggerClasses =
  "inline-flex h-10 min-w-0 items-center justify-center gap-2 rounded-lg border border-line-strong bg-surface px-3 text-sm font-semibold text-ink shadow-sm transition hover:bg-sunken focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";

/**
 * The home page's three columns: topics, feed, recent activity. Below the `lg` breakpoint the two
 * side panels leave the layout and open from "Topics" and "Activity" buttons in a modal sheet (a
 * native <dialog>: focus moves in, Tab stays inside, Escape closes, focus returns to the button).
 * Each panel's content is rendered in one place at a time, so the page never holds two copies.
 */
export function HomePanels({ topics, activity, topicName, children }: HomePanelsProps) {
  const [open, setOpen] = useState<Panel | null>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const triggerRefs = useRef<Record<Panel, HTMLButtonElement | null>>({ topics: null, activity: null });
  const dialogId = useId();
  const titleId = useId();

  function show(panel: Panel) {
    // The dialog's content depends on `open`; commit it before showModal() looks for focus targets.
    flushSync(() => setOpen(panel));
    dialogRef.current?.showModal();
  }

  function onClose() {
    const was = open;
    setOpen(null);
    if (was) triggerRefs.current[was]?.focus();
  }

  function onDialogClick(event: MouseEvent<HTMLDialogElement>) {
    const target = event.target as Element;
    // A click on the dialog itself is on its backdrop (its children cover the whole box), and a
    // followed link (another topic, a room) means the reader is done with the sheet.
    if (target === event.currentTarget || target.closest("a[href]")) dialogRef.current?.close();
  }

  // Widening the window to the desktop layout puts the panels back in their columns.
  useEffect(() => {
    const desktop = window.matchMedia("(min-width: 64rem)");
    const onChange = () => {
      if (desktop.matches) dialogRef.current?.close();
    };
    desktop.addEventListener("change", onChange);
    return () => desktop.removeEventListener("change", onChange);
  }, []);

  // The page behind a modal sheet should not scroll under the reader's thumb.
  useEffect(() => {
    if (!open) return;
    const root = document.documentElement;
    const previous = root.style.overflow;
    root.style.overflow = "hidden";
    return () => {
      root.style.overflow = previous;
    };
  }, [open]);

  return (
    <div className="lg:grid lg:grid-cols-[12.5rem_minmax(0,1fr)_17rem] lg:items-start lg:gap-8">
      <div className="hidden lg:sticky lg:top-24 lg:block lg:max-h-[calc(100dvh-7rem)] lg:overflow-y-auto lg:pb-4">{open === "topics" ? null : topics}</div>

      <div className="min-w-0">
        <div className="mb-5 grid grid-cols-2 gap-2 lg:hidden">
          <button
            ref={(node) => {
              triggerRefs.current.topics = node;
            }}
            type="button"
            aria-haspopup="dialog"
            aria-expanded={open === "topics"}
            aria-controls={dialogId}
            onClick={() => show("topics")}
            className={triggerClasses}
          >
            {/* With a topic picked, its name gets the room the icon would take. */}
            {topicName ? null : <TagIcon className="size-4 shrink-0 text-ink-subtle" />}
            <span>Topics</span>
            {topicName ? <span className="-ml-1 min-w-0 truncate font-normal text-accent-ink">· {topicName}</span> : null}
          </button>
          <button
            ref={(node) => {
              triggerRefs.current.activity = node;
            }}
            type="button"
            aria-haspopup="dialog"
            aria-expanded={open === "activity"}
            aria-controls={dialogId}
            onClick={() => show("activity")}
            className={triggerClasses}
          >
            <PulseIcon className="size-4 shrink-0 text-ink-subtle" />
            Activity
          </button>
        </div>
        {children}
      </div>

      {/* Not sticky: the feed of messages is often taller than the window. */}
      <aside aria-label="Recent activity" className="hidden lg:block">
        {open === "activity" ? null : activity}
      </aside>

      <dialog
        ref={dialogRef}
        id={dialogId}
        aria-labelledby={titleId}
        data-testid="panel-sheet"
        onClose={onClose}
        onClick={onDialogClick}
        className="m-0 mt-auto hidden max-h-[85dvh] w-full max-w-none flex-col overflow-hidden rounded-t-2xl border border-line bg-surface p-0 text-ink shadow-2xl backdrop:bg-slate-950/50 backdrop:backdrop-blur-[2px] open:flex sm:mt-0 sm:ml-auto sm:h-dvh sm:max-h-none sm:w-96 sm:rounded-none sm:rounded-l-2xl"
      >
        {open ? (
          <>
            <div className="flex shrink-0 items-center justify-between gap-3 border-b border-line px-4 pt-2 pb-2 sm:pt-3">
              <span aria-hidden="true" className="absolute top-1.5 left-1/2 h-1 w-10 -translate-x-1/2 rounded-full bg-line-strong sm:hidden" />
              <h2 id={titleId} className="pt-2 text-base font-semibold text-ink sm:pt-0">
                {TITLES[open]}
              </h2>
              <button
                type="button"
                onClick={() => dialogRef.current?.close()}
                aria-label="Close"
                className="inline-flex size-10 items-center justify-center rounded-lg text-ink-muted transition hover:bg-sunken hover:text-ink focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
              >
                <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" aria-hidden="true" className="size-5">
                  <path d="m5 5 10 10M15 5 5 15" />
                </svg>
              </button>
            </div>
            {/* The sheet has its own title, so the panel's heading is left to screen readers. */}
            <div className="min-h-0 flex-1 overflow-y-auto overscroll-contain px-2 py-3 [&_#topic-nav-heading]:sr-only">
              {open === "topics" ? topics : activity}
            </div>
          </>
        ) : null}
      </dialog>
    </div>
  );
}
