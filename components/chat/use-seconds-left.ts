"use client";
import { useEffectEvent, useLayoutEffect, useState } from "react";

/**
 * Seconds left until `until` (epoch ms), ticking; 0 once passed, when `onOver` is called. The first tick of a new
 * `until` comes before paint, so the clock of the last wait (maybe minutes old) never shows.
 */
export function useSecondsLeft(until: number | null, onOver: () => void): number {
  const [now, setNow] = useState(() => Date.now());
  const over = useEffectEvent(onOver);
  useLayoutEffect(() => {
    if (until === null) return;
    const tick = () => {
      const current = Date.now();
      setNow(current);
      if (current >= until) over();
    };
    tick();
    const timer = window.setInterval(tick, 250);
    return () => window.clearInterval(timer);
  }, [until]);
  return until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
}
