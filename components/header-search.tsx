"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { flushSync } from "react-dom";
import { CloseIcon } from "@/components/ui/icons";
import { SearchForm } from "@/components/search/search-form";
import { SearchIcon } from "@/components/search/search-icon";
import { useSearchField } from "@/components/search/use-search-field";
import { Spinner } from "@/components/ui/button";

export interface HeaderSearchFormProps {
  /** The query the field starts with. */
  defaultQuery: string;
  /** On the home page the feed follows the field as you type; elsewhere Enter goes to it. */
  live?: boolean;
  /** The Suspense fallback, replaced (input and all) once the real form streams in. */
  fallback?: boolean;
}

// The same limit as SEARCH_QUERY_MAX in lib/validation/rooms.ts (not imported: that module
// would bring zod into every page's browser bundle). The server refuses longer ones too.
const SEARCH_MAX = 200;

/** The current home-page URL with a new `q`; topic, sort and page size stay, the page resets. */
function homeHrefWith(q: string): string {
  const params = new URLSearchParams(window.location.pathname === "/" ? window.location.search : "");
  if (q) params.set("q", q);
  else params.delete("q");
  params.delete("cursor");
  const query = params.toString();
  return query ? `/?${query}` : "/";
}

/**
 * The site-wide room search: a real GET form to "/" so it works without JS. On the home page it searches as you
 * type (keeping topic and sort); on phones it folds into an icon button.
 */
export function HeaderSearchForm({ defaultQuery, live = false, fallback = false }: HeaderSearchFormProps) {
  // Marks the streamed form once it works: what is typed into the fallback before it is replaced is lost, so
  // browser tests wait for this before they type.
  const panelRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!fallback) panelRef.current?.setAttribute("data-search-ready", "");
  }, [fallback]);
  const panelId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  // A phone reader who just searched should see what they searched for.
  const [expanded, setExpanded] = useState(defaultQuery !== "");
  const field = useSearchField({
    defaultQuery,
    max: SEARCH_MAX,
    hrefFor: homeHrefWith,
    live,
    backButtonWins: true,
    // Like a fresh page: a phone's search row stays open only while there is a search to show.
    onFollowUrl: (query) => setExpanded(query !== ""),
  });

  function toggle() {
    if (expanded) {
      setExpanded(false);
      return;
    }
    // The field is display:none until this render commits, and focus() on a hidden input is a
    // no-op, so commit synchronously and then move focus into it.
    flushSync(() => setExpanded(true));
    field.inputRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Escape folds the phone panel and hands focus back to the button that opened it; on wider
    // screens the toggle is hidden (offsetParent null) and the field simply stays.
    if (event.key === "Escape" && toggleRef.current?.offsetParent) {
      setExpanded(false);
      toggleRef.current.focus();
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (field.tooLong) {
      field.inputRef.current?.focus();
      return;
    }
    // On the home page Enter just skips the pause; from elsewhere it is a new page in history.
    field.searchNow(field.value, live ? "replace" : "push");
  }

  return (
    <>
      <button
        ref={toggleRef}
        type="button"
        aria-expanded={expanded}
        aria-controls={panelId}
        // A stable name (aria-expanded carries the state), distinct from the field's "Search rooms".
        aria-label="Show search"
        onClick={toggle}
        className="ml-auto inline-flex size-10 items-center justify-center rounded-lg text-ink-muted transition hover:bg-sunken hover:text-ink focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring sm:hidden"
      >
        {expanded ? <CloseIcon className="size-5" /> : <SearchIcon className="size-5" />}
      </button>

      <div
        id={panelId}
        ref={panelRef}
        // On phones the open panel wraps onto its own row of the header, pushing the page down
        // rather than covering it; from `sm` up it is simply the middle of the header row.
        className={`${expanded ? "flex" : "hidden"} order-last basis-full sm:order-none sm:flex sm:flex-1 sm:basis-auto sm:justify-center`}
      >
        <SearchForm
          action="/"
          label="Search rooms"
          placeholder="Search rooms, topics, people…"
          field={field}
          onSubmit={onSubmit}
          onKeyDown={onKeyDown}
          className="relative w-full sm:max-w-md"
          iconClassName="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-ink-subtle"
          inputClassName={(tooLong) =>
            `h-10 w-full rounded-lg border bg-sunken pr-9 pl-9 text-sm text-ink shadow-inner shadow-black/[0.02] transition placeholder:text-ink-subtle focus:bg-surface focus:outline-none focus-visible:ring-2 ${
              tooLong
                ? "border-rose-500 focus:border-rose-500 focus-visible:ring-rose-500/30"
                : "border-line hover:border-line-strong focus:border-accent focus-visible:ring-ring/40"
            }`
          }
          alertClassName="absolute inset-x-0 top-full z-10 mt-1.5 rounded-lg border border-rose-200 bg-rose-50 px-3 py-2 text-xs font-medium text-rose-900 shadow-md dark:border-rose-900 dark:bg-rose-950 dark:text-rose-100"
          alertTestId="search-too-long"
        >
          {field.pending ? (
            <span
              role="status"
              aria-label="Searching"
              className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-ink-subtle"
            >
              <Spinner />
            </span>
          ) : null}
        </SearchForm>
      </div>
    </>
  );
}

/** Reads the current query from the URL so the field shows it, and goes live on the home page. */
export function HeaderSearch() {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  // `q` belongs to the home page; other pages may give it other meanings later.
  const home = pathname === "/";
  const q = home ? (searchParams.get("q") ?? "") : "";
  return <HeaderSearchForm defaultQuery={q} live={home} />;
}
