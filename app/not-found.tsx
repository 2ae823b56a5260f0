import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <div className="mx-auto flex max-w-xl flex-col items-center px-4 py-20 text-center sm:py-28">
      <p className="bg-linear-to-r from-indigo-500 to-violet-500 bg-clip-text dark:from-indigo-300 dark:to-violet-300 text-6xl font-bold tracking-tight text-transparent sm:text-7xl">
        404
      </p>
      <h1 className="mt-4 text-2xl font-bold tracking-tight text-ink sm:text-3xl">This room is empty</h1>
      <p className="mt-3 text-pretty text-ink-muted">
        We couldn’t find the page you were looking for. It may have been moved, renamed or closed.
      </p>
      <div className="mt-8 flex flex-wrap items-center justify-center gap-3">
        <Link
          href="/"
          className="inline-flex h-10 items-center rounded-lg bg-accent px-4 text-sm font-semibold text-on-accent shadow-sm transition hover:bg-accent-hover focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
        >
          Back to all rooms
        </Link>
      </div>
    </div>
  );
}
