"use client";
// The room header's "Focus" control: opens the start dialog (presets or custom lengths). Shown to signed-in members;
// a start while a session runs is answered by the server (409) with a toast, and the bar then shows the running one.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FocusStartDialog } from "./focus-start-dialog";
import type { RoomFocus } from "./use-room-focus";

export function FocusStartButton({ focus }: { focus: RoomFocus }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)} data-testid="focus-start">
        <svg
          viewBox="0 0 20 20"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
          aria-hidden="true"
          className="size-4 max-sm:hidden"
        >
          <circle cx="10" cy="11" r="6.5" />
          <path d="M10 7.5V11l2.5 1.5M8 2.5h4" />
        </svg>
        Focus
      </Button>
      <FocusStartDialog
        open={open}
        onClose={() => setOpen(false)}
        limits={focus.state?.limits ?? null}
        pending={focus.busy}
        // Kept open after bad lengths (the toast says what to change); closed once started or beaten to it.
        onStart={(lengths) => void focus.start(lengths).then((done) => done && setOpen(false))}
      />
    </>
  );
}
