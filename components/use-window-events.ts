"use client";
import { useEffect, useEffectEvent } from "react";

/** Calls `handler` on each of `types` (e.g. "online", "offline") fired on window while `enabled`. */
export function useWindowEvents(types: readonly (keyof WindowEventMap)[], handler: () => void, enabled = true): void {
  const onEvent = useEffectEvent(handler);
  const key = types.join(" ");
  useEffect(() => {
    if (!enabled) return;
    const names = key.split(" ");
    const listener = () => onEvent();
    for (const name of names) window.addEventListener(name, listener);
    return () => {
      for (const name of names) window.removeEventListener(name, listener);
    };
  }, [key, enabled]);
}
