import Link from "next/link";
import { SIDEBAR_TOPICS, sidebarTopics } from "./feed-data";
import { feedHref, type FeedState } from "./feed-url";
import { TopicNavList } from "./topic-nav-list";

export interface TopicNavProps {
  feed: FeedState;
}

/** Each topic with its room count, plus "All rooms"; links keep the search and the sort. */
export async function TopicNav({ feed }: TopicNavProps) {
  // The busiest topics (the rest are a click away on /topics) and "All rooms", in one query that
  // the unfiltered feed's count shares (cached per request).
  const { topics, total } = await sidebarTopics();
  const shown = topics.slice(0, SIDEBAR_TOPICS);
  const keep = { q: feed.q, sort: feed.sort, limit: feed.limit };

  return (
    <nav aria-labelledby="topic-nav-heading" data-testid="topic-nav">
      <h2 id="topic-nav-heading" className="px-3 text-xs font-semibold tracking-wide text-ink-subtle uppercase">
        Topics
      </h2>
      <TopicNavList
        items={[
          { name: "All rooms", href: feedHref(keep), count: total, current: !feed.topic },
          ...shown.map((topic) => ({
            name: topic.name,
            href: feedHref({ ...keep, topic: topic.slug }),
            count: topic.roomCount,
            current: feed.topic === topic.slug,
          })),
        ]}
      />
      <Link
        href="/topics"
        className="mt-3 inline-flex items-center gap-1 rounded px-3 text-sm font-medium text-accent-ink underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
      >
        {topics.length > SIDEBAR_TOPICS ? "All topics" : "Search topics"} <span aria-hidden="true">→</span>
      </Link>
    </nav>
  );
}
