"use client";
// The phase a focus session is in on the server's clock (Date.now() + offset), re-rendered at each boundary (not
// every second: the countdown ticks on its own, useRemainingMs).
import { useEffect, useState } from "react";
import { momentAt, nextBoundary, type FocusMoment, type FocusSchedule } from "@/lib/focus/schedule";

// How stale the rendered clock may be before the effect refreshes it (a new session, a new offset).
const STALE_MS = 50;

export function useFocusMoment(session: FocusSchedule | null, offset: number): FocusMoment | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const current = Date.now();
    const next = session ? nextBoundary(session, current + offset) : null;
    // At once when what was rendered used an old clock, else a little after the boundary (timers may fire early).
    const delay = now < current - STALE_MS ? 0 : next === null ? null : next - (current + offset) + 20;
    if (delay === null) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, delay));
    return () => clearTimeout(timer);
  }, [session, offset, now]);
  return session ? momentAt(session, now + offset) : null;
}

/** The ms left until `endsAt` (server clock), updated four times a second while it is set. */
export function useRemainingMs(endsAt: number | null, offset: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (endsAt === null) return;
    // Now (the clock rendered with may be old: a session started long after the page opened), then every 250 ms.
    const first = setTimeout(() => setNow(Date.now()), 0);
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [endsAt]);
  return endsAt === null ? 0 : Math.max(0, endsAt - (now + offset));
}
