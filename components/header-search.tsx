"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { flushSync } from "react-dom";

export interface HeaderSearchFormProps {
  /** The query the field starts with. */
  defaultQuery: string;
}

function SearchIcon({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" aria-hidden="true" className={className}>
      <circle cx="8.75" cy="8.75" r="5.5" />
      <path d="m13 13 4 4" />
    </svg>
  );
}

function CloseIcon({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" aria-hidden="true" className={className}>
      <path d="m5 5 10 10M15 5 5 15" />
    </svg>
  );
}

/**
 * The site-wide room search. A real GET form to "/" so it works before (and without) JavaScript;
 * once hydrated it navigates client-side. On phones it folds into an icon button.
 */
export function HeaderSearchForm({ defaultQuery }: HeaderSearchFormProps) {
  const router = useRouter();
  const inputId = useId();
  const panelId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  // A phone reader who just searched should see what they searched for.
  const [expanded, setExpanded] = useState(defaultQuery !== "");

  function toggle() {
    if (expanded) {
      setExpanded(false);
      return;
    }
    // The field is display:none until this render commits, and focus() on a hidden input is a
    // no-op, so commit synchronously and then move focus into it.
    flushSync(() => setExpanded(true));
    inputRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    // Escape folds the phone panel and hands focus back to the button that opened it; on wider
    // screens the toggle is hidden (offsetParent null) and the field simply stays.
    if (event.key === "Escape" && toggleRef.current?.offsetParent) {
      setExpanded(false);
      toggleRef.current.focus();
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = (new FormData(event.currentTarget).get("q") ?? "").toString().trim();
    router.push(q ? `/?q=${encodeURIComponent(q)}` : "/");
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
        // On phones the open panel wraps onto its own row of the header, pushing the page down
        // rather than covering it; from `sm` up it is simply the middle of the header row.
        className={`${expanded ? "flex" : "hidden"} order-last basis-full sm:order-none sm:flex sm:flex-1 sm:basis-auto sm:justify-center`}
      >
        <form action="/" method="get" role="search" onSubmit={onSubmit} onKeyDown={onKeyDown} className="relative w-full sm:max-w-md">
          <label htmlFor={inputId} className="sr-only">
            Search rooms
          </label>
          <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-ink-subtle" />
          <input
            ref={inputRef}
            id={inputId}
            name="q"
            type="search"
            defaultValue={defaultQuery}
            placeholder="Search rooms, topics, people…"
            autoComplete="off"
            enterKeyHint="search"
            maxLength={200}
            className="h-10 w-full rounded-lg border border-line bg-sunken pr-3 pl-9 text-sm text-ink shadow-inner shadow-black/[0.02] transition placeholder:text-ink-subtle hover:border-line-strong focus:border-accent focus:bg-surface focus:outline-none focus-visible:ring-2 focus-visible:ring-ring/40"
          />
        </form>
      </div>
    </>
  );
}

/** Reads the current query from the URL so the field shows it after a search, on the home page. */
export function HeaderSearch() {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  // `q` belongs to the home page; other pages may give it other meanings later.
  const q = pathname === "/" ? (searchParams.get("q") ?? "") : "";
  // Keyed by the query so the uncontrolled field resets when the URL changes under it.
  return <HeaderSearchForm key={q} defaultQuery={q} />;
}
