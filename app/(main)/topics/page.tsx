import type { Metadata, ResolvingMetadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { buttonClasses } from "@/components/ui/button";
import { listTopicsPage } from "@/lib/db/topics";
import { previewMetadata } from "@/lib/site/metadata";
import { pageLimitParam, SEARCH_QUERY_MAX, searchQueryParam } from "@/lib/validation/rooms";
import { storableText, UNSTORABLE_TEXT } from "@/lib/validation/text";
import { TopicSearch } from "./_components/topic-search";
import { TopicTiles } from "./_components/topic-tiles";
import { Bone } from "@/components/skeleton";
import { BackLink } from "../_components/back-link";

export const dynamic = "force-dynamic";

export async function generateMetadata(_props: TopicsPageProps, parent: ResolvingMetadata): Promise<Metadata> {
  return previewMetadata({
    title: "Topics",
    description:
      "Every topic on Roomful with its number of rooms: pick one to see its rooms, or open a room about your own.",
    path: "/topics",
    images: (await parent).openGraph?.images,
  });
}

interface TopicsPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Tiles on the page at first; "Show more topics" adds as many, up to TOPICS_SHOWN_MAX. */
const TOPICS_PAGE_SIZE = 60;
const TOPICS_SHOWN_MAX = 1000;

/** ?limit=: how many tiles to show. */
const limitSchema = pageLimitParam(TOPICS_PAGE_SIZE, TOPICS_SHOWN_MAX);

function topicsHref(q: string, limit: number): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (limit !== TOPICS_PAGE_SIZE) params.set("limit", String(limit));
  const query = params.toString();
  return query ? `/topics?${query}` : "/topics";
}

export default async function TopicsPage({ searchParams }: TopicsPageProps) {
  const params = await searchParams;
  const raw = params.q;
  const limit = limitSchema.parse(params.limit);
  const parsed = searchQueryParam.safeParse(raw);
  const q = parsed.success ? parsed.data : storableText(String(Array.isArray(raw) ? raw[0] : (raw ?? ""))).trim();
  const refusal = parsed.success ? undefined : parsed.error.issues[0]?.message;

  return (
    <div className="mx-auto max-w-4xl px-4 pt-8 pb-16 sm:px-6 sm:pt-10">
      <BackLink href="/" look="pill">
        All rooms
      </BackLink>
      <h1 className="mt-4 text-3xl font-bold tracking-tight text-ink sm:text-4xl">Topics</h1>
      <p className="mt-2 text-base text-ink-muted">
        Pick a topic to see its rooms, or search for the one you have in mind.
      </p>

      <div className="mt-6">
        <TopicSearch defaultQuery={q} max={SEARCH_QUERY_MAX} />
      </div>

      <section
        aria-labelledby="topics-heading"
        className="mt-6 transition-opacity duration-200 [body:has([data-search-pending])_&]:opacity-60"
      >
        <h2 id="topics-heading" className="sr-only">
          {q ? "Matching topics" : "All topics"}
        </h2>
        {parsed.success ? (
          <Suspense fallback={<TopicGridSkeleton />}>
            <TopicGrid q={q} limit={limit} />
          </Suspense>
        ) : (
          <div
            role="alert"
            data-testid="search-error"
            className="rounded-2xl border border-rose-300 bg-rose-50/60 px-6 py-10 text-center dark:border-rose-900 dark:bg-rose-950/30"
          >
            <p className="font-semibold text-ink">
              {refusal === UNSTORABLE_TEXT ? "We can’t search for that" : "That search is too long"}
            </p>
            <p className="mt-1 text-sm text-ink-muted">
              {refusal} {refusal === UNSTORABLE_TEXT ? "" : `Yours has ${q.length.toLocaleString("en-US")}.`}
            </p>
            <Link href="/topics" className={buttonClasses({ variant: "secondary", className: "mt-5" })}>
              Clear search
            </Link>
          </div>
        )}
      </section>
    </div>
  );
}

async function TopicGrid({ q, limit }: { q: string; limit: number }) {
  const { topics, total } = await listTopicsPage({ q: q || undefined, take: limit });
  const count = `${total.toLocaleString("en-US")} ${total === 1 ? "topic" : "topics"}${q ? ` matching “${q}”` : ""}`;

  return (
    <>
      <p data-testid="topic-total" aria-live="polite" className="mb-4 text-sm font-medium break-words text-ink-muted">
        {count}
      </p>
      {topics.length === 0 ? (
        <div
          data-testid="topics-empty"
          className="flex flex-col items-center rounded-2xl border border-dashed border-line-strong bg-surface px-6 py-12 text-center"
        >
          <p className="max-w-full text-lg font-semibold break-words text-ink">No topics match “{q}”</p>
          <p className="mt-1.5 max-w-sm text-sm text-ink-muted">A topic is created with its first room. Start one?</p>
          <div className="mt-6 flex flex-wrap justify-center gap-3">
            <Link
              href={`/rooms/new?${new URLSearchParams({ topic: q }).toString()}`}
              className={buttonClasses({
                variant: "primary",
                className: "h-auto min-h-10 max-w-full shrink py-2 text-center whitespace-normal!",
              })}
            >
              <span className="line-clamp-2 min-w-0 break-words">Open a room about “{q}”</span>
            </Link>
            <Link
              href={`/?${new URLSearchParams({ q }).toString()}`}
              className={buttonClasses({ variant: "secondary" })}
            >
              Search rooms instead
            </Link>
          </div>
        </div>
      ) : (
        <TopicTiles
          topics={topics.map((t) => ({ name: t.name, slug: t.slug, roomCount: t.roomCount }))}
          query={q || undefined}
        />
      )}
      {total > topics.length && limit < TOPICS_SHOWN_MAX ? (
        <div className="mt-6 flex justify-center">
          {/* A real URL (?limit=120, …) that keeps the scroll position; the search narrows faster. */}
          <Link
            href={topicsHref(q, Math.min(limit + TOPICS_PAGE_SIZE, TOPICS_SHOWN_MAX))}
            scroll={false}
            className={buttonClasses({ variant: "secondary" })}
          >
            Show more topics <span aria-hidden="true">↓</span>
          </Link>
        </div>
      ) : null}
    </>
  );
}

function TopicGridSkeleton() {
  return (
    <div role="status" aria-label="Loading topics" className="animate-pulse motion-reduce:animate-none">
      <Bone className="mb-4 h-5 w-24" />
      <div aria-hidden="true" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {Array.from({ length: 9 }, (_, i) => (
          <div key={i} className="h-16 rounded-xl border border-line bg-surface" />
        ))}
      </div>
    </div>
  );
}
