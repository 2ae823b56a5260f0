import Link from "next/link";
import { countRooms } from "@/lib/db/rooms";
import { listTopics } from "@/lib/db/topics";
import { feedHref, type FeedState } from "./feed-url";

/** The sidebar shows the busiest topics; the rest are a click away on /topics. */
const SIDEBAR_TOPICS = 30;

export interface TopicNavProps {
  feed: FeedState;
}

function itemClasses(current: boolean): string {
  return `group flex items-center justify-between gap-3 rounded-lg px-3 py-2 text-sm transition focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring ${
    current ? "bg-accent-soft font-semibold text-accent-ink" : "text-ink-muted hover:bg-sunken hover:text-ink"
  }`;
}

function Count({ n, current }: { n: number; current: boolean }) {
  return (
    <span
      data-testid="topic-count"
      className={`shrink-0 rounded-full px-2 py-0.5 text-xs tabular-nums ${current ? "bg-accent/15 text-accent-ink" : "bg-sunken text-ink-subtle group-hover:bg-line"}`}
    >
      {n.toLocaleString("en-US")}
      <span className="sr-only">{n === 1 ? " room" : " rooms"}</span>
    </span>
  );
}

/** Each topic with its room count, plus "All rooms"; links keep the search and the sort. */
export async function TopicNav({ feed }: TopicNavProps) {
  const [topics, total] = await Promise.all([listTopics({ take: SIDEBAR_TOPICS + 1 }), countRooms()]);
  const shown = topics.slice(0, SIDEBAR_TOPICS);
  const keep = { q: feed.q, sort: feed.sort, limit: feed.limit };

  return (
    <nav aria-labelledby="topic-nav-heading" data-testid="topic-nav">
      <h2 id="topic-nav-heading" className="px-3 text-xs font-semibold tracking-wide text-ink-subtle uppercase">
        Topics
      </h2>
      <ul className="mt-2 space-y-0.5">
        <li>
          <Link href={feedHref(keep)} aria-current={!feed.topic ? "page" : undefined} className={itemClasses(!feed.topic)}>
            <span className="truncate">All rooms</span>
            <Count n={total} current={!feed.topic} />
          </Link>
        </li>
        {shown.map((topic) => {
          const current = feed.topic === topic.slug;
          return (
            <li key={topic.slug}>
              <Link href={feedHref({ ...keep, topic: topic.slug })} aria-current={current ? "page" : undefined} className={itemClasses(current)}>
                <span className="truncate">{topic.name}</span>
                <Count n={topic.roomCount} current={current} />
              </Link>
            </li>
          );
        })}
      </ul>
      <Link
        href="/topics"
        className="mt-3 inline-flex items-center gap-1 rounded px-3 text-sm font-medium text-accent-ink underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
      >
        {topics.length > SIDEBAR_TOPICS ? "All topics" : "Search topics"} <span aria-hidden="true">→</span>
      </Link>
    </nav>
  );
}

export function TopicNavSkeleton() {
  return (
    <div role="status" aria-label="Loading topics" className="animate-pulse space-y-2 px-3 motion-reduce:animate-none">
      <div className="h-3 w-16 rounded bg-line" />
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} className="flex items-center justify-between py-1.5">
          <div className="h-3.5 w-24 rounded bg-line" />
          <div className="h-4 w-6 rounded-full bg-line" />
        </div>
      ))}
    </div>
  );
}
