import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Member not found" };

export default function ProfileNotFound() {
  return (
    <div data-testid="profile-not-found" className="mx-auto flex max-w-xl flex-col items-center px-4 py-20 text-center sm:py-28">
      <span aria-hidden="true" className="flex size-14 items-center justify-center rounded-full bg-accent-soft text-accent-ink">
        <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round" className="size-7">
          <circle cx="12" cy="8" r="3.5" />
          <path d="M5 19.5c.8-3.4 3.6-5.5 7-5.5s6.2 2.1 7 5.5" />
        </svg>
      </span>
      <h1 className="mt-5 text-2xl font-bold tracking-tight text-ink sm:text-3xl">No member by that name</h1>
      <p className="mt-3 text-pretty text-ink-muted">
        Nobody on Roomful uses this username. They may have changed it or deleted their account.
      </p>
      <Link
        href="/"
        className="mt-8 inline-flex h-10 items-center rounded-lg bg-accent px-4 text-sm font-semibold text-on-accent shadow-sm transition hover:bg-accent-hover focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
      >
        Back to all rooms
      </Link>
    </div>
  );
}
