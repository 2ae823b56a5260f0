"use client";

import { useEffect, useEffectEvent, type RefObject } from "react";

/**
 * While `open`, a pointer press outside `root` or Escape anywhere calls `onDismiss` (Escape with
 * `viaEscape` true, so the caller can return focus to its trigger).
 */
export function useDismiss(
  open: boolean,
  root: RefObject<HTMLElement | null>,
  onDismiss: (viaEscape: boolean) => void,
): void {
  const dismiss = useEffectEvent(onDismiss);
  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    const options = { signal: controller.signal };
    document.addEventListener(
      "pointerdown",
      (event) => {
        if (!root.current?.contains(event.target as Node)) dismiss(false);
      },
      options,
    );
    document.addEventListener(
      "keydown",
      (event) => {
        if (event.key === "Escape") dismiss(true);
      },
      options,
    );
    return () => controller.abort();
  }, [open, root]);
}
