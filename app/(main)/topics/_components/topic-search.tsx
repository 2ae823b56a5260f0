"use client";

import type { FormEvent } from "react";
import { SearchForm } from "@/components/search/search-form";
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
  const field = useSearchField({ defaultQuery, max, hrefFor });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!field.tooLong) field.searchNow(field.value);
  }

  return (
    <SearchForm
      action="/topics"
      label="Search topics"
      placeholder="Search topics…"
      field={field}
      onSubmit={onSubmit}
      className="relative"
      iconClassName="pointer-events-none absolute top-1/2 left-3.5 size-5 -translate-y-1/2 text-ink-subtle"
      inputClassName={(tooLong) =>
        `h-12 w-full rounded-xl border bg-surface pr-4 pl-11 text-base text-ink shadow-sm transition placeholder:text-ink-subtle focus:outline-none focus-visible:ring-2 ${
          tooLong
            ? "border-rose-500 focus-visible:ring-rose-500/30"
            : "border-line-strong focus:border-accent focus-visible:ring-ring/40"
        }`
      }
      alertClassName="mt-2 text-sm font-medium text-rose-700 dark:text-rose-300"
    />
  );
}
