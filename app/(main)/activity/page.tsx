import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { listActiveTopics } from "@/lib/db/activity";
import { findTopic } from "@/lib/db/topics";
import { ActivityFeed, ActivityFeedSkeleton } from "./_components/activity-feed";
import { readActivityParams } from "./_components/activity-params";
import { TopicFilter } from "./_components/topic-filter";
import { OutlineIcon } from "@/components/ui/icons";

export const dynamic = "force-dynamic";

const FILTER_TOPICS = 12;

interface ActivityPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ searchParams }: ActivityPageProps): Promise<Metadata> {
  const { topic } = readActivityParams(await searchParams);
  const found = topic ? await findTopic({ slug: topic }) : null;
  return { title: found ? `Recent activity in ${found.name}` : "Recent activity" };
}

export default async function ActivityPage({ searchParams }: ActivityPageProps) {
  const { topic, before, after } = readActivityParams(await searchParams);
  const [topics, current] = await Promise.all([
    listActiveTopics({ take: FILTER_TOPICS }),
    topic ? findTopic({ slug: topic }) : null,
  ]);
  // The selected topic stays in the filter even when nobody wrote in it lately.
  const shown =
    current && !topics.some((t) => t.slug === current.slug)
      ? [...topics, { name: current.name, slug: current.slug }]
      : topics;

  return (
    <div className="mx-auto max-w-3xl px-4 pt-8 pb-16 sm:px-6 sm:pt-12">
      <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-4">
        <div className="min-w-0">
          <h1 className="text-3xl font-bold tracking-tight break-words text-ink">
            Recent activity{current ? <span className="text-ink-muted"> in {current.name}</span> : null}
          </h1>
          <p className="mt-1.5 text-ink-muted">
            {current
              ? `The latest messages in ${current.name} rooms, newest first.`
              : "The latest messages across every room, newest first."}
          </p>
        </div>
        <Link
          href="/activity/mine"
          className="inline-flex h-10 items-center gap-2 rounded-lg border border-line-strong bg-surface px-4 text-sm font-semibold text-ink shadow-sm transition hover:bg-sunken focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
        >
          <OutlineIcon className="size-4 text-ink-subtle">
            <circle cx="10" cy="6.5" r="3" />
            <path d="M4 17c.6-3.3 3-5.25 6-5.25S15.4 13.7 16 17" />
          </OutlineIcon>
          My activity
        </Link>
      </div>

      <div className="mt-6">
        <TopicFilter topics={shown} current={topic} />
      </div>

      <section aria-label="Messages" className="mt-5">
        {/* Keyed by the page, so moving between pages shows the skeleton, not stale entries. */}
        <Suspense key={`${topic ?? ""}:${before ?? ""}:${after ?? ""}`} fallback={<ActivityFeedSkeleton />}>
          <ActivityFeed topicSlug={topic} before={before} after={after} topicExists={!topic || current !== null} />
        </Suspense>
      </section>
    </div>
  );
}
