"use client";
// The composer's slow-mode line: the room's wait, or that the viewer is exempt; after a send, "Wait 28 s" counting
// down (the send button waits with it), and a polite announcement when the wait starts and when it is over.
import { useState } from "react";
import { OutlineIcon } from "@/components/ui/icons";
import { slowModeLabel } from "@/lib/validation/slow-mode-choices";

/** Slow mode as the composer holds it. */
export interface ComposerSlowMode {
  /** The room's wait (0: off). */
  seconds: number;
  /** The host, moderators and admins post without waiting. */
  exempt: boolean;
  /** Epoch ms when the viewer may send again (their last send plus the wait), or null. */
  until: number | null;
}

/** An hourglass: the room asks members to take their time. */
export function SlowModeIcon({ className = "size-4" }: { className?: string }) {
  return (
    <OutlineIcon strokeWidth="1.6" className={className}>
      <path d="M5.5 3h9M5.5 17h9M6.5 3c0 3.5 3.5 4.5 3.5 7s-3.5 3.5-3.5 7M13.5 3c0 3.5-3.5 4.5-3.5 7s3.5 3.5 3.5 7" />
    </OutlineIcon>
  );
}

export interface SlowModeLineProps {
  /** The text box names this line among its descriptions, so the wait is read with it. */
  id: string;
  seconds: number;
  exempt: boolean;
  /** Seconds until the viewer may send again (0: now). */
  secondsLeft: number;
}

export function SlowModeLine({ id, seconds, exempt, secondsLeft }: SlowModeLineProps) {
  // The live region speaks when a wait starts and when it is over, not on every tick.
  const [phase, setPhase] = useState<"idle" | "waiting" | "over">("idle");
  if (secondsLeft > 0 && phase !== "waiting") setPhase("waiting");
  else if (secondsLeft === 0 && phase === "waiting") setPhase("over");
  const spoken = { idle: "", waiting: "Slow mode: wait before you send again.", over: "You can send again." }[phase];

  return (
    <div
      id={id}
      data-testid="slow-mode-status"
      data-exempt={exempt || undefined}
      className="mb-1.5 flex flex-wrap items-center gap-x-2 gap-y-0.5 px-1 text-xs text-ink-muted"
    >
      <SlowModeIcon className="size-3.5 shrink-0" />
      <p>
        {exempt
          ? "Slow mode is on; you're exempt as host/moderator."
          : `Slow mode is on: one message every ${slowModeLabel(seconds)}.`}
      </p>
      {secondsLeft > 0 ? (
        <p data-testid="slow-mode-countdown" className="font-semibold text-amber-800 tabular-nums dark:text-amber-200">
          Wait {secondsLeft} s
        </p>
      ) : null}
      <p aria-live="polite" data-testid="slow-mode-announcement" className="sr-only">
        {spoken}
      </p>
    </div>
  );
}
