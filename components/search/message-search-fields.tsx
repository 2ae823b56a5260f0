"use client";
// The fields of a message search, for the search page's GET form and the room panel's form alike (named as the
// routes' parameters): the words, then filters by author, dates (and room, across rooms) and the order.
import { useId } from "react";
import { textInputClasses } from "@/components/ui/text-field";
import { SEARCH_QUERY_MAX } from "@/lib/validation/rooms";

export interface MessageSearchFieldValues {
  q?: string;
  author?: string;
  room?: string;
  from?: string;
  to?: string;
  sort?: string;
}

export interface MessageSearchFieldsProps {
  values: MessageSearchFieldValues;
  /** The words' accessible name, e.g. "Search messages in this room". */
  label: string;
  /** Across rooms: a room filter (its address). */
  withRoom?: boolean;
  /** Filters start open (the search page shows them; the panel keeps them folded). */
  filtersOpen?: boolean;
}

const LABEL = "block text-xs font-medium text-ink-muted";

export function MessageSearchFields({
  values,
  label,
  withRoom = false,
  filtersOpen = false,
}: MessageSearchFieldsProps) {
  const id = useId();
  const field = (name: keyof MessageSearchFieldValues, text: string, type = "text", placeholder = "") => (
    <div className="min-w-0">
      <label htmlFor={`${id}-${name}`} className={LABEL}>
        {text}
      </label>
      <input
        id={`${id}-${name}`}
        name={name}
        type={type}
        defaultValue={values[name] ?? ""}
        placeholder={placeholder}
        data-testid={`message-search-${name}`}
        className={textInputClasses(false, "mt-1")}
      />
    </div>
  );
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={`${id}-q`} className="sr-only">
        {label}
      </label>
      <input
        id={`${id}-q`}
        name="q"
        type="search"
        enterKeyHint="search"
        defaultValue={values.q ?? ""}
        maxLength={SEARCH_QUERY_MAX + 50}
        placeholder="Words to find"
        data-testid="message-search-q"
        className={textInputClasses(false)}
      />
      <details open={filtersOpen} className="group text-sm">
        <summary className="cursor-pointer rounded text-ink-muted select-none hover:text-ink focus-visible:outline-2 focus-visible:outline-ring">
          Filters
        </summary>
        <div className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-2">
          {field("author", "From (username)", "text", "e.g. dana")}
          {withRoom ? field("room", "In room (address)", "text", "e.g. rust-beginners") : null}
          {field("from", "On or after", "date")}
          {field("to", "On or before", "date")}
          <div>
            <label htmlFor={`${id}-sort`} className={LABEL}>
              Order
            </label>
            <select
              id={`${id}-sort`}
              name="sort"
              defaultValue={values.sort === "newest" ? "newest" : "relevance"}
              data-testid="message-search-sort"
              className={textInputClasses(false, "mt-1")}
            >
              <option value="relevance">Best match</option>
              <option value="newest">Newest first</option>
            </select>
          </div>
        </div>
      </details>
    </div>
  );
}
