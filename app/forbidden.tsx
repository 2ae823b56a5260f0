import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Not allowed" };

/** What forbidden() renders, with a 403 status: signed in, but not allowed here. */
export default function Forbidden() {
  return (
    <div data-testid="forbidden-page" className="mx-auto flex max-w-xl flex-col items-center px-4 py-20 text-center sm:py-28">
      <p className="bg-linear-to-r from-rose-500 to-violet-500 bg-clip-text text-6xl font-bold tracking-tight text-transparent sm:text-7xl dark:from-rose-300 dark:to-violet-300">
        403
      </p>
      <h1 className="mt-4 text-2xl font-bold tracking-tight text-ink sm:text-3xl">You don’t have access to this</h1>
      <p className="mt-3 text-pretty text-ink-muted">
        This page is for someone else: a room is edited by its host and the moderators, and the admin area is for
        moderators. If you think this is a mistake, ask a moderator.
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
