import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { countRooms, listRooms } from "@/lib/db/rooms";
import { RoomCard } from "./_components/room-card";
import { RoomListSkeleton } from "./_components/room-list-skeleton";

export const dynamic = "force-dynamic";

const MAX_QUERY_LENGTH = 200;

interface HomePageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** `?q=a&q=b` takes the first; anything longer than a sensible search is cut, not rejected. */
function readQuery(raw: string | string[] | undefined): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return (value ?? "").trim().slice(0, MAX_QUERY_LENGTH);
}

export async function generateMetadata({ searchParams }: HomePageProps): Promise<Metadata> {
  const q = readQuery((await searchParams).q);
  return q ? { title: `Rooms matching “${q}”` } : {};
}

export default async function HomePage({ searchParams }: HomePageProps) {
  const q = readQuery((await searchParams).q);

  return (
    <div className="mx-auto max-w-6xl px-4 pt-10 pb-16 sm:px-6 sm:pt-14">
      <Hero />
      <section aria-labelledby="rooms-heading" className="mt-10 sm:mt-12">
        <h2 id="rooms-heading" className="sr-only">
          {q ? "Search results" : "All rooms"}
        </h2>
        {/* Keyed by the query so a new search shows the skeleton instead of stale cards. */}
        <Suspense key={q} fallback={<RoomListSkeleton />}>
          <RoomResults q={q} />
        </Suspense>
      </section>
    </div>
  );
}

function Hero() {
  return (
    <div className="max-w-2xl">
      <p className="inline-flex items-center gap-2 rounded-full border border-line bg-surface px-3 py-1 text-xs font-medium text-ink-muted shadow-sm">
        <span aria-hidden="true" className="relative flex size-2">
          <span className="absolute inline-flex size-full animate-ping rounded-full bg-emerald-400 opacity-60 motion-reduce:animate-none" />
          <span className="relative inline-flex size-2 rounded-full bg-emerald-500" />
        </span>
        Live conversations, by topic
      </p>
      <h1 className="mt-4 text-4xl font-bold tracking-tight text-balance text-ink sm:text-5xl">
        Find your{" "}
        <span className="bg-linear-to-r from-indigo-500 to-violet-500 bg-clip-text dark:from-indigo-300 dark:to-violet-300 text-transparent">room</span>
      </h1>
      <p className="mt-3 text-base text-pretty text-ink-muted sm:text-lg">
        Drop into a live chat about the things you care about, or open a room and bring people to you.
      </p>
    </div>
  );
}

function countLabel(total: number, q: string): string {
  const rooms = `${total} ${total === 1 ? "room" : "rooms"}`;
  return q ? `${rooms} matching “${q}”` : rooms;
}

interface RoomResultsProps {
  q: string;
}

async function RoomResults({ q }: RoomResultsProps) {
  const filter = q ? { q } : {};
  const [rooms, total] = await Promise.all([listRooms(filter), countRooms(filter)]);

  if (rooms.length === 0) return <EmptyState q={q} />;

  return (
    <>
      <div className="mb-5 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <p data-testid="room-count" className="min-w-0 text-sm font-medium break-words text-ink-muted">
          {countLabel(total, q)}
        </p>
        {q ? (
          <Link
            href="/"
            className="rounded text-sm font-medium text-accent-ink underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
          >
            Clear search
          </Link>
        ) : null}
      </div>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 lg:gap-5">
        {rooms.map((room) => (
          <li key={room.id}>
            <RoomCard room={room} />
          </li>
        ))}
      </ul>
      {total > rooms.length ? (
        <p className="mt-8 text-center text-sm text-ink-muted">
          Showing the {rooms.length} most recently active. Search to find the rest.
        </p>
      ) : null}
    </>
  );
}

function EmptyState({ q }: RoomResultsProps) {
  return (
    <div
      data-testid="rooms-empty"
      className="flex flex-col items-center rounded-2xl border border-dashed border-line-strong bg-surface px-6 py-14 text-center"
    >
      <span aria-hidden="true" className="flex size-12 items-center justify-center rounded-full bg-accent-soft text-accent-ink">
        <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" className="size-6">
          {q ? (
            <>
              <circle cx="10.5" cy="10.5" r="6.5" />
              <path d="m15.5 15.5 5 5M8.5 10.5h4" />
            </>
          ) : (
            <path d="M5 6.5A2.5 2.5 0 0 1 7.5 4h9A2.5 2.5 0 0 1 19 6.5v7a2.5 2.5 0 0 1-2.5 2.5H12l-4 3.5V16h-.5A2.5 2.5 0 0 1 5 13.5z" />
          )}
        </svg>
      </span>
      <h3 className="mt-4 max-w-full text-lg font-semibold break-words text-ink">
        {q ? `No rooms match “${q}”` : "No rooms yet"}
      </h3>
      <p className="mt-1.5 max-w-sm text-sm text-ink-muted">
        {q
          ? "Try a shorter word, a topic name, or someone’s username."
          : "Rooms people open will show up here. Check back soon."}
      </p>
      {q ? (
        <Link
          href="/"
          className="mt-6 inline-flex h-10 items-center rounded-lg border border-line-strong bg-surface px-4 text-sm font-semibold text-ink shadow-sm transition hover:bg-sunken focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
        >
          Clear search
        </Link>
      ) : null}
    </div>
  );
}
