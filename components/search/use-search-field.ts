"use client";

import { useEffect, useEffectEvent, useRef, useState, type ChangeEvent } from "react";
import { useSearchNavigation } from "@/components/use-search-navigation";

export interface SearchFieldOptions {
  /** The query in the URL now. */
  defaultQuery: string;
  /** Longest accepted search: longer ones are not sent (the server refuses them too). */
  max: number;
  hrefFor: (q: string) => string;
  /** Search as the reader types (after a pause); false waits for Enter. */
  live?: boolean;
  /** After the back or forward button the URL wins even over a focused field. */
  backButtonWins?: boolean;
  /** Called when the field takes the URL's query (it is not being typed in). */
  onFollowUrl?: (query: string) => void;
}

/**
 * A search-as-you-type field whose query lives in the URL. It follows URL changes except while someone types:
 * their own debounced updates arrive late and must not overwrite what they typed since.
 */
export type SearchField = ReturnType<typeof useSearchField>;

export function useSearchField({
  defaultQuery,
  max,
  hrefFor,
  live = true,
  backButtonWins = false,
  onFollowUrl,
}: SearchFieldOptions) {
  const inputRef = useRef<HTMLInputElement>(null);
  const poppedRef = useRef(false);
  const [value, setValue] = useState(defaultQuery);
  const { pending, searchNow, searchSoon, cancel } = useSearchNavigation(hrefFor);
  // UTF-16 units, as zod's max() counts them on the server.
  const length = value.trim().length;
  const tooLong = length > max;

  const followUrl = useEffectEvent((query: string) => {
    const typing = document.activeElement === inputRef.current && !poppedRef.current;
    poppedRef.current = false;
    if (typing) return;
    setValue(query);
    onFollowUrl?.(query);
  });
  useEffect(() => followUrl(defaultQuery), [defaultQuery]);

  useEffect(() => {
    if (!backButtonWins) return;
    const onPop = () => {
      poppedRef.current = true;
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, [backButtonWins]);

  function onChange(event: ChangeEvent<HTMLInputElement>) {
    const next = event.target.value;
    setValue(next);
    poppedRef.current = false;
    if (!live) return;
    // Too long: say so beside the field and leave the results alone until it is shortened.
    if (next.trim().length > max) cancel();
    else searchSoon(next);
  }

  const tooLongMessage = tooLong ? `Searches have at most ${max} characters; this one has ${length}.` : null;
  return { inputRef, value, tooLong, tooLongMessage, pending, searchNow, onChange };
}
