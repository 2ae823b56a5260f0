import type { Metadata } from "next";
import Link from "next/link";
import { cache, Suspense } from "react";
import { buttonClasses } from "@/components/ui/button";
import { findTopic, type TopicWithCount } from "@/lib/db/topics";
import { feedHref, readFeedParams } from "./_components/feed-url";
import { HomePanels } from "./_components/home-panels";
import { RecentActivity } from "./_components/recent-activity";
import { RoomFeed } from "./_components/room-feed";
import { RoomListSkeleton } from "./_components/room-list-skeleton";
import { TopicNav, TopicNavSkeleton } from "./_components/topic-nav";

export const dynamic = "force-dynamic";

interface HomePageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Shared by the metadata and the page within one request. */
const topicOf = cache((slug: string) => findTopic({ slug }));

export async function generateMetadata({ searchParams }: HomePageProps): Promise<Metadata> {
  const feed = readFeedParams(await searchParams);
  const topic = feed.topic ? await topicOf(feed.topic) : undefined;
  if (feed.qError) return { title: "Search too long" };
  if (feed.topic && !topic) return { title: "Topic not found" };
  const where = topic ? `${topic.name} rooms` : "Rooms";
  if (feed.q) return { title: `${where} matching “${feed.q}”` };
  return topic ? { title: where } : {};
}

export default async function HomePage({ searchParams }: HomePageProps) {
  const feed = readFeedParams(await searchParams);
  // One indexed lookup; the heading and the feed both need it.
  const topic = feed.topic ? await topicOf(feed.topic) : undefined;

  return (
    <div className="mx-auto max-w-6xl px-4 pt-8 pb-16 sm:px-6 sm:pt-10">
      <FeedHeader topic={topic ?? undefined} />
      <div className="mt-8 sm:mt-10">
        <HomePanels
          topicName={topic?.name}
          topics={
            <Suspense fallback={<TopicNavSkeleton />}>
              <TopicNav feed={feed} />
            </Suspense>
          }
          activity={
            <Suspense fallback={null}>
              <RecentActivity topicSlug={topic?.slug} />
            </Suspense>
          }
        >
          <section
            aria-labelledby="rooms-heading"
            // Dims the current cards while a search typed in the header is loading.
            className="transition-opacity duration-200 [body:has([data-search-pending])_&]:opacity-60"
          >
            <h2 id="rooms-heading" className="sr-only">
              {feed.q ? "Search results" : topic ? `Rooms about ${topic.name}` : "All rooms"}
            </h2>
            {/* Not keyed by the search: while a new search loads, the current cards stay (the
                navigation is a transition) instead of flashing back to the skeleton. */}
            <Suspense fallback={<RoomListSkeleton />}>
              <RoomFeed feed={feed} topic={topic} />
            </Suspense>
          </section>
        </HomePanels>
      </div>
    </div>
  );
}

function FeedHeader({ topic }: { topic: TopicWithCount | undefined }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-x-8 gap-y-5">
      <div className="max-w-2xl min-w-0">
        {topic ? (
          <Link
            href={feedHref({})}
            className="mb-4 inline-flex items-center gap-1.5 rounded-full border border-line bg-surface px-3 py-1 text-xs font-medium text-ink-muted shadow-sm transition hover:text-ink focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
          >
            <span aria-hidden="true">←</span> All rooms
          </Link>
        ) : (
          // On phones the results matter more than the tagline.
          <p className="mb-4 inline-flex items-center gap-2 rounded-full border border-line bg-surface px-3 py-1 text-xs font-medium text-ink-muted shadow-sm max-sm:hidden">
            <span aria-hidden="true" className="relative flex size-2">
              <span className="absolute inline-flex size-full animate-ping rounded-full bg-emerald-400 opacity-60 motion-reduce:animate-none" />
              <span className="relative inline-flex size-2 rounded-full bg-emerald-500" />
            </span>
            Live conversations, by topic
          </p>
        )}
        <h1 className="text-3xl font-bold tracking-tight text-balance break-words text-ink sm:text-4xl">
          {topic ? (
            topic.name
          ) : (
            <>
              Find your{" "}
              <span className="bg-linear-to-r from-indigo-500 to-violet-500 bg-clip-text text-transparent dark:from-indigo-300 dark:to-violet-300">
                room
              </span>
            </>
          )}
        </h1>
        <p className="mt-2 text-base text-pretty text-ink-muted">
          {topic
            ? `Every room about ${topic.name}. Drop into a conversation, or open a room of your own.`
            : "Drop into a live chat about the things you care about, or open a room and bring people to you."}
        </p>
      </div>
      <Link
        href={topic ? `/rooms/new?${new URLSearchParams({ topic: topic.name }).toString()}` : "/rooms/new"}
        className={buttonClasses({ variant: "primary", className: "max-sm:w-full" })}
      >
        <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden="true" className="size-4">
          <path d="M10 4.5v11M4.5 10h11" />
        </svg>
        Open a room
      </Link>
    </div>
  );
}
