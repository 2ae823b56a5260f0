"use client";

import type { MouseEventHandler } from "react";
import { OutlineIcon } from "@/components/ui/icons";

export interface DeleteButtonProps {
  /** The accessible name, naming what goes: "Delete room Python basics". */
  label: string;
  onClick: MouseEventHandler<HTMLButtonElement>;
}

/** A small "Delete" button that sits above a stretched link (z-10). */
export function DeleteButton({ label, onClick }: DeleteButtonProps) {
  return (
    <button
      type="button"
      aria-label={label}
      onClick={onClick}
      className="relative z-10 inline-flex h-8 shrink-0 items-center gap-1.5 rounded-lg px-2.5 text-sm font-medium text-ink-muted transition hover:bg-rose-50 hover:text-rose-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring dark:hover:bg-rose-950/60 dark:hover:text-rose-300"
    >
      <OutlineIcon className="size-4">
        <path d="M3.5 5.5h13M8 5.5V4a1 1 0 0 1 1-1h2a1 1 0 0 1 1 1v1.5M5.5 5.5l.7 10.1A1.5 1.5 0 0 0 7.7 17h4.6a1.5 1.5 0 0 0 1.5-1.4l.7-10.1M8.5 8.5v5.5M11.5 8.5v5.5" />
      </OutlineIcon>
      <span aria-hidden="true">Delete</span>
    </button>
  );
}
