"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useTransition } from "react";

/** How long typing must pause before a live search updates the URL. */
export const SEARCH_DEBOUNCE_MS = 300;

export interface SearchNavigation {
  /** True while the page for the last search is on its way (the old results stay meanwhile). */
  pending: boolean;
  /** Goes to the search now: `replace` while the results follow the field, `push` for a new page. */
  searchNow: (raw: string, how?: "replace" | "push") => void;
  /** Replaces the URL once typing has paused; each call restarts the pause. */
  searchSoon: (raw: string) => void;
  /** Drops a search still waiting for its pause (e.g. the text became too long to send). */
  cancel: () => void;
}

/**
 * Search by URL (shareable, back button works): a navigation in a transition, so the field keeps focus and old
 * results stay until new ones arrive. `hrefFor` runs when the search goes out, so it may read that moment's URL.
 */
export function useSearchNavigation(hrefFor: (q: string) => string): SearchNavigation {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // A ref, not useEffectEvent: searches go out from event handlers and a timer, not from an effect.
  const latest = useRef(hrefFor);
  useEffect(() => {
    latest.current = hrefFor;
  });

  const cancel = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const searchNow = (raw: string, how: "replace" | "push" = "replace") => {
    cancel();
    const href = latest.current(raw.trim());
    // Already showing it (e.g. Enter after the pause did the work): no second navigation.
    if (how === "replace" && href === `${window.location.pathname}${window.location.search}`) return;
    startTransition(() => {
      if (how === "replace") router.replace(href, { scroll: false });
      else router.push(href);
    });
  };

  const searchSoon = (raw: string) => {
    cancel();
    timer.current = setTimeout(() => searchNow(raw), SEARCH_DEBOUNCE_MS);
  };

  return { pending, searchNow, searchSoon, cancel };
}
