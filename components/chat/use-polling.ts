"use client";
// The fallback when the room's live channel is out of reach: ask for new messages on a timer while
// the tab is visible, and when it becomes visible again.
import { useEffect, useEffectEvent } from "react";

/** How often a conversation without its live channel asks for new messages while the tab is visible. */
export const POLL_INTERVAL_MS = 5_000;
/** Every this many polls (about half a minute) edits and deletions are asked for too. */
const CHANGES_EVERY = 6;

/** Calls `poll(changes)` while `enabled` and the tab is visible. */
export function usePolling(enabled: boolean, poll: (changes: boolean) => void): void {
  const onPoll = useEffectEvent(poll);
  useEffect(() => {
    if (!enabled) return;
    let polls = 0;
    const tick = () => {
      if (document.visibilityState === "visible") onPoll(++polls % CHANGES_EVERY === 0);
    };
    const timer = window.setInterval(tick, POLL_INTERVAL_MS);
    document.addEventListener("visibilitychange", tick);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", tick);
    };
  }, [enabled]);
}
