"use client";

import { useId, useRef, useState, type ReactNode } from "react";
import { Sheet } from "@/components/ui/sheet";
import { OutlineIcon } from "@/components/ui/icons";

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
    <OutlineIcon className={className}>
      <path d="M3 10.2V4.25C3 3.56 3.56 3 4.25 3h5.95c.33 0 .65.13.88.37l5.55 5.55c.49.49.49 1.28 0 1.77l-5.6 5.6c-.49.49-1.28.49-1.77 0L3.37 11.08A1.25 1.25 0 0 1 3 10.2z" />
      <circle cx="7" cy="7" r="1" />
    </OutlineIcon>
  );
}

function PulseIcon({ className }: { className?: string }) {
  return (
    <OutlineIcon className={className}>
      <path d="M2.5 10h3l2-5 3.5 10 2-5h4.5" />
    </OutlineIcon>
  );
}

const triggerClasses =
  "inline-flex h-10 min-w-0 items-center justify-center gap-2 rounded-lg border border-line-strong bg-surface px-3 text-sm font-semibold text-ink shadow-sm transition hover:bg-sunken focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";

interface PanelTriggerProps {
  panel: Panel;
  open: Panel | null;
  dialogId: string;
  onShow: (panel: Panel) => void;
  setTriggerRef: (panel: Panel, node: HTMLButtonElement | null) => void;
  children: ReactNode;
}

/** A phone's button that opens one side panel in the sheet (focus comes back to it on close). */
function PanelTrigger({ panel, open, dialogId, onShow, setTriggerRef, children }: PanelTriggerProps) {
  return (
    <button
      ref={(node) => setTriggerRef(panel, node)}
      type="button"
      aria-haspopup="dialog"
      aria-expanded={open === panel}
      aria-controls={dialogId}
      onClick={() => onShow(panel)}
      className={triggerClasses}
    >
      {children}
    </button>
  );
}

/**
 * The home page's three columns; below `lg` the side panels open from buttons in a modal sheet. Each panel renders
 * in one place at a time, so the page never holds two copies.
 */
export function HomePanels({ topics, activity, topicName, children }: HomePanelsProps) {
  const [open, setOpen] = useState<Panel | null>(null);
  // The panel last shown: its button gets focus back, also after `open` has gone back to null.
  const [shown, setShown] = useState<Panel>("topics");
  const triggerRefs = useRef<Record<Panel, HTMLButtonElement | null>>({ topics: null, activity: null });
  const dialogId = useId();

  function show(panel: Panel) {
    setShown(panel);
    setOpen(panel);
  }
  const setTriggerRef = (panel: Panel, node: HTMLButtonElement | null) => {
    triggerRefs.current[panel] = node;
  };
  const trigger = { open, dialogId, onShow: show, setTriggerRef };

  return (
    <div className="lg:grid lg:grid-cols-[12.5rem_minmax(0,1fr)_17rem] lg:items-start lg:gap-8">
      <div className="hidden lg:sticky lg:top-24 lg:block lg:max-h-[calc(100dvh-7rem)] lg:overflow-y-auto lg:pb-4">
        {open === "topics" ? null : topics}
      </div>

      <div className="min-w-0">
        <div className="mb-5 grid grid-cols-2 gap-2 lg:hidden">
          <PanelTrigger panel="topics" {...trigger}>
            {/* With a topic picked, its name gets the room the icon would take. */}
            {topicName ? null : <TagIcon className="size-4 shrink-0 text-ink-subtle" />}
            <span>Topics</span>
            {topicName ? (
              <span className="-ml-1 min-w-0 truncate font-normal text-accent-ink">· {topicName}</span>
            ) : null}
          </PanelTrigger>
          <PanelTrigger panel="activity" {...trigger}>
            <PulseIcon className="size-4 shrink-0 text-ink-subtle" />
            Activity
          </PanelTrigger>
        </div>
        {children}
      </div>

      {/* Not sticky: the feed of messages is often taller than the window. */}
      <aside aria-label="Recent activity" className="hidden lg:block">
        {open === "activity" ? null : activity}
      </aside>

      {/* The sheet has its own title, so the panel's heading is left to screen readers. Widening
          the window to the desktop layout closes it and puts the panels back in their columns. */}
      <Sheet
        open={open !== null}
        onClose={() => setOpen(null)}
        title={TITLES[shown]}
        returnFocus={() => triggerRefs.current[shown]}
        closeWhen="(min-width: 64rem)"
        id={dialogId}
        data-testid="panel-sheet"
        bodyClassName="px-2 py-3 [&_#topic-nav-heading]:sr-only"
      >
        {open === "topics" ? topics : activity}
      </Sheet>
    </div>
  );
}
