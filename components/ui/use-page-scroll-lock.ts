// While a modal (sheet or dialog) is open, the page behind it must not scroll under the reader's
// thumb; the page's own overflow comes back when it closes.
import { useEffect } from "react";

export function usePageScrollLock(locked: boolean): void {
  useEffect(() => {
    if (!locked) return;
    const root = document.documentElement;
    const previous = root.style.overflow;
    root.style.overflow = "hidden";
    return () => {
      root.style.overflow = previous;
    };
  }, [locked]);
}
