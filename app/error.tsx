"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { OutlineIcon } from "@/components/ui/icons";
import { DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/outage";

export interface ErrorPageProps {
  error: unknown;
  /** Re-fetches and re-renders the segment; most failures here are a database hiccup. */
  retry: () => void;
}

/**
 * Whether the database is out of reach right now. Next hides a server error's cause from the browser, so the page asks
 * the readiness probe (which names a failing database) instead of guessing.
 */
function useDatabaseDown(error: unknown): boolean {
  const [down, setDown] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    fetch("/api/health/ready", { cache: "no-store", signal: controller.signal })
      .then((response) => response.json() as Promise<{ failing?: unknown }>)
      .then((report) => setDown(Array.isArray(report.failing) && report.failing.includes("database")))
      .catch(() => undefined);
    return () => controller.abort();
  }, [error]);
  return down;
}

export default function ErrorPage({ error, retry }: ErrorPageProps) {
  useEffect(() => {
    // Stays console: this runs in the browser, where the console is the log (the server logged
    // the real error, with this digest).
    console.error(error);
  }, [error]);
  const databaseDown = useDatabaseDown(error);

  return (
    <div role="alert" className="mx-auto flex max-w-xl flex-col items-center px-4 py-20 text-center sm:py-28">
      <span
        aria-hidden="true"
        className="flex size-14 items-center justify-center rounded-full bg-rose-50 text-rose-700 dark:bg-rose-950 dark:text-rose-300"
      >
        <OutlineIcon grid={24} roundJoins={false} className="size-7">
          <path d="M12 8v5M12 16.5v.01" />
          <path
            d="M10.3 3.9 2.6 17.5A2 2 0 0 0 4.3 20.5h15.4a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z"
            strokeLinejoin="round"
          />
        </OutlineIcon>
      </span>
      <h1 className="mt-5 text-2xl font-bold tracking-tight text-ink sm:text-3xl">Something went wrong</h1>
      <p className="mt-3 text-pretty text-ink-muted" data-testid="error-page-reason">
        {databaseDown
          ? DATABASE_UNAVAILABLE_MESSAGE
          : "We couldn’t load this page. It’s probably temporary, so please try again in a moment."}
      </p>
      <div className="mt-8 flex flex-wrap items-center justify-center gap-3">
        <button
          type="button"
          onClick={() => retry()}
          className="inline-flex h-10 items-center rounded-lg bg-accent px-4 text-sm font-semibold text-on-accent shadow-sm transition hover:bg-accent-hover focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
        >
          Try again
        </button>
        <Link
          href="/"
          className="inline-flex h-10 items-center rounded-lg border border-line-strong bg-surface px-4 text-sm font-semibold text-ink shadow-sm transition hover:bg-sunken focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
        >
          Go home
        </Link>
      </div>
    </div>
  );
}
