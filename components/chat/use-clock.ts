"use client";
// One shared clock for every live timestamp on the page, ticking every 30 seconds so "5 minutes
// ago" and "Today" stay true while the tab is open. It reads null on the server and during
// hydration: callers then use the server's render time and UTC, so the first browser render
// matches the HTML exactly (no hydration mismatch), and switch to the local clock right after.
import { useMemo, useSyncExternalStore } from "react";

const TICK_MS = 30_000;

let now = 0;
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function tick() {
  now = Date.now();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(tick, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

function getSnapshot(): number {
  if (now === 0) now = Date.now();
  return now;
}

const getServerSnapshot = (): number | null => null;

/** Milliseconds since the epoch, refreshed every 30 s; null on the server and while hydrating. */
export function useClock(): number | null {
  return useSyncExternalStore<number | null>(subscribe, getSnapshot, getServerSnapshot);
}

export interface ChatTime {
  now: number;
  /** Undefined = the browser's own zone; "UTC" before hydration (the server cannot know it). */
  timeZone: string | undefined;
}

/** The clock to render with: the server's render time in UTC until hydrated, then the local one. */
export function useChatTime(renderedAt: number): ChatTime {
  const clock = useClock();
  // One object per tick, so memoised messages re-render only when the clock moves.
  return useMemo(
    () => (clock === null ? { now: renderedAt, timeZone: "UTC" } : { now: clock, timeZone: undefined }),
    [clock, renderedAt],
  );
}
