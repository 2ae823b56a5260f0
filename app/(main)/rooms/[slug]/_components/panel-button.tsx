"use client";
// A conversation bar button that opens a panel (Search, Pins), and its state: the panel mounts on the first press
// only, so its code, loaded with next/dynamic by the caller, stays out of the room page's first load.
import { useRef, useState, type ReactNode, type Ref } from "react";

/** Open or not, mounted yet or not, and the button focus returns to. */
export function usePanel() {
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const show = () => {
    setOpened(true);
    setOpen(true);
  };
  return { open, opened, buttonRef, show, close: () => setOpen(false) };
}

export interface PanelButtonProps {
  label: string;
  testId: string;
  expanded: boolean;
  onClick: () => void;
  ref: Ref<HTMLButtonElement>;
  /** Extra data on the button for tests (the pins count). */
  count?: number;
  children: ReactNode;
}

export function PanelButton({ label, testId, expanded, onClick, ref, count, children }: PanelButtonProps) {
  return (
    <button
      ref={ref}
      type="button"
      aria-haspopup="dialog"
      aria-expanded={expanded}
      aria-label={label}
      data-testid={testId}
      data-count={count}
      onClick={onClick}
      className="inline-flex h-8 items-center gap-1.5 rounded-lg border border-line-strong bg-surface px-2.5 text-sm font-medium whitespace-nowrap text-ink shadow-sm hover:bg-sunken focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
    >
      {children}
    </button>
  );
}
