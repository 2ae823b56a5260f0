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
 * Search-as-you-type by URL, for the header's room search and the topics page's search: the URL is
 * the state (shareable, the back button works), so a search is a navigation inside a transition,
 * and the field keeps focus while the current results stay until the new ones arrive.
 * `hrefFor` is called when the search goes out, so it may read the URL of that moment.
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
