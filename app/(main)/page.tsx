import type { Metadata, ResolvingMetadata } from "next";
import { cache, Suspense } from "react";
import { findTopic } from "@/lib/db/topics";
import { notFoundMetadata, previewMetadata, siteOpenGraph } from "@/lib/site/metadata";
import { UNSTORABLE_TEXT } from "@/lib/validation/text";
import { feedHref, readFeedParams } from "./_components/feed-url";
import { HomePanels } from "./_components/home-panels";
import { QuestionMatches } from "./_components/question-matches";
import { RecentActivity } from "./_components/recent-activity";
import { FeedHeader } from "./_components/feed-header";
import { RoomFeed } from "./_components/room-feed";
import { RoomListSkeleton } from "./_components/room-list-skeleton";
import { TopicNav } from "./_components/topic-nav";
import { TopicNavSkeleton } from "./_components/topic-nav-list";

export const dynamic = "force-dynamic";

interface HomePageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Shared by the metadata and the page within one request. */
const topicOf = cache((slug: string) => findTopic({ slug }));

/**
 * A topic's page previews as that topic with its room count, the home page as the site; searches keep the
 * defaults and stay out of search indexes.
 */
export async function generateMetadata({ searchParams }: HomePageProps, parent: ResolvingMetadata): Promise<Metadata> {
  const feed = readFeedParams(await searchParams);
  const topic = feed.topic ? await topicOf(feed.topic) : undefined;
  if (feed.qError)
    return { title: feed.qError === UNSTORABLE_TEXT ? "Search refused" : "Search too long", robots: { index: false } };
  if (feed.topic && !topic) return notFoundMetadata("Topic not found");
  const where = topic ? `${topic.name} rooms` : "Rooms";
  if (feed.q) return { title: `${where} matching “${feed.q}”`, robots: { index: false } };
  const images = (await parent).openGraph?.images;
  if (!topic) return { alternates: { canonical: "/" }, openGraph: { ...siteOpenGraph(), url: "/", images } };
  const rooms = `${topic.roomCount.toLocaleString("en-US")} ${topic.roomCount === 1 ? "room" : "rooms"}`;
  return previewMetadata({
    title: where,
    description: `${rooms} about ${topic.name} on Roomful. Join one and talk live, or open your own.`,
    path: `/?topic=${encodeURIComponent(topic.slug)}`,
    images,
  });
}

export default async function HomePage({ searchParams }: HomePageProps) {
  const feed = readFeedParams(await searchParams);
  // One indexed lookup; the heading and the feed both need it.
  const topic = feed.topic ? await topicOf(feed.topic) : undefined;

  return (
    <div className="mx-auto max-w-6xl px-4 pt-8 pb-16 sm:px-6 sm:pt-10">
      <FeedHeader topic={topic ? { name: topic.name, allRoomsHref: feedHref({}) } : undefined} />
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
            {feed.q && !feed.qError ? (
              <Suspense fallback={null}>
                <QuestionMatches q={feed.q} />
              </Suspense>
            ) : null}
            <Suspense fallback={<RoomListSkeleton />}>
              <RoomFeed feed={feed} topic={topic} />
            </Suspense>
          </section>
        </HomePanels>
      </div>
    </div>
  );
}
