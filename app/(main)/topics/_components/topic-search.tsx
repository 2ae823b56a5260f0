"use client";

import { useId, type FormEvent } from "react";
import { SearchIcon } from "@/components/search/search-icon";
import { useSearchField } from "@/components/search/use-search-field";

export interface TopicSearchProps {
  defaultQuery: string;
  /** Longest accepted search (the page refuses longer ones too). */
  max: number;
}

function hrefFor(q: string): string {
  return q ? `/topics?${new URLSearchParams({ q }).toString()}` : "/topics";
}

/** Filters /topics as you type (after a short pause, replacing the URL); a GET form without JS. */
export function TopicSearch({ defaultQuery, max }: TopicSearchProps) {
  const inputId = useId();
  const errorId = useId();
  const { inputRef, value, tooLong, tooLongMessage, pending, searchNow, onChange } = useSearchField({
    defaultQuery,
    max,
    hrefFor,
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!tooLong) searchNow(value);
  }

  return (
    <form
      action="/topics"
      method="get"
      role="search"
      onSubmit={onSubmit}
      data-search-pending={pending ? "" : undefined}
      className="relative"
    >
      <label htmlFor={inputId} className="sr-only">
        Search topics
      </label>
      <SearchIcon className="pointer-events-none absolute top-1/2 left-3.5 size-5 -translate-y-1/2 text-ink-subtle" />
      <input
        ref={inputRef}
        id={inputId}
        name="q"
        type="search"
        value={value}
        onChange={onChange}
        placeholder="Search topics…"
        autoComplete="off"
        enterKeyHint="search"
        aria-invalid={tooLong || undefined}
        aria-describedby={tooLong ? errorId : undefined}
        className={`h-12 w-full rounded-xl border bg-surface pr-4 pl-11 text-base text-ink shadow-sm transition placeholder:text-ink-subtle focus:outline-none focus-visible:ring-2 ${
          tooLong
            ? "border-rose-500 focus-visible:ring-rose-500/30"
            : "border-line-strong focus:border-accent focus-visible:ring-ring/40"
        }`}
      />
      <p
        id={errorId}
        role="alert"
        className={`${tooLong ? "" : "hidden"} mt-2 text-sm font-medium text-rose-700 dark:text-rose-300`}
      >
        {tooLongMessage}
      </p>
    </form>
  );
}
