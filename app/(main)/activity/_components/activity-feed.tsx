import Link from "next/link";
import { decodeActivityCursor, listRecentActivity } from "@/lib/db/activity";
import { ActivityEntry } from "../../_components/activity-entry";
import { activityHref } from "./activity-params";
import { Pager } from "./pager";
import { OutlineIcon } from "@/components/ui/icons";
import { Bone, Skeleton } from "@/components/skeleton";

export const ACTIVITY_PAGE_SIZE = 30;

export interface ActivityFeedProps {
  topicSlug?: string;
  before?: string;
  after?: string;
  /** False when `topicSlug` names no topic. */
  topicExists: boolean;
}

/** One page of /activity: the messages, then newer/older links. */
export async function ActivityFeed({ topicSlug, before, after, topicExists }: ActivityFeedProps) {
  if (!topicExists) {
    return (
      <EmptyFeed
        title="No such topic"
        text={`There is no topic “${topicSlug ?? ""}”. It may have been renamed.`}
        linkText="All activity"
        href="/activity"
      />
    );
  }
  const page = await listRecentActivity({ topicSlug, before, after, take: ACTIVITY_PAGE_SIZE });
  const paged = decodeActivityCursor(before) !== null || decodeActivityCursor(after) !== null;

  if (page.items.length === 0) {
    return paged ? (
      <EmptyFeed
        title="Nothing further back"
        text="There are no older messages here."
        linkText="Latest messages"
        href={activityHref("/activity", { topic: topicSlug })}
      />
    ) : (
      <EmptyFeed
        title={topicSlug ? "Quiet in this topic" : "No messages yet"}
        text={
          topicSlug
            ? "Nobody has written in this topic’s rooms yet."
            : "When people talk in rooms, their messages show up here."
        }
        linkText="Browse rooms"
        href={topicSlug ? `/?topic=${encodeURIComponent(topicSlug)}` : "/"}
      />
    );
  }

  const newerHref =
    page.newerCursor !== null
      ? activityHref("/activity", { topic: topicSlug, after: page.newerCursor })
      : paged
        ? activityHref("/activity", { topic: topicSlug })
        : null;
  const olderHref =
    page.olderCursor !== null ? activityHref("/activity", { topic: topicSlug, before: page.olderCursor }) : null;

  return (
    <>
      <ol
        data-testid="activity-feed"
        className="divide-y divide-line overflow-hidden rounded-2xl border border-line bg-surface shadow-sm"
      >
        {page.items.map((item) => (
          <li key={item.id}>
            <ActivityEntry item={item} variant="full" showTopic={!topicSlug} />
          </li>
        ))}
      </ol>
      <Pager newerHref={newerHref} olderHref={olderHref} />
    </>
  );
}

function EmptyFeed({ title, text, linkText, href }: { title: string; text: string; linkText: string; href: string }) {
  return (
    <div
      data-testid="activity-empty"
      className="flex flex-col items-center rounded-2xl border border-dashed border-line-strong bg-surface px-6 py-14 text-center"
    >
      <span
        aria-hidden="true"
        className="flex size-12 items-center justify-center rounded-full bg-accent-soft text-accent-ink"
      >
        <OutlineIcon grid={24} className="size-6">
          <path d="M3 12h3.5l2.5-7 5 14 2.5-7H21" />
        </OutlineIcon>
      </span>
      <h2 className="mt-4 text-lg font-semibold break-words text-ink">{title}</h2>
      <p className="mt-1.5 max-w-sm text-sm break-words text-ink-muted">{text}</p>
      <Link
        href={href}
        className="mt-6 inline-flex h-10 items-center rounded-lg border border-line-strong bg-surface px-4 text-sm font-semibold text-ink shadow-sm transition hover:bg-sunken focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
      >
        {linkText}
      </Link>
    </div>
  );
}

export function ActivityFeedSkeleton({ count = 6 }: { count?: number }) {
  return (
    <Skeleton label="Loading activity" testId="activity-skeleton">
      <div
        aria-hidden="true"
        className="divide-y divide-line overflow-hidden rounded-2xl border border-line bg-surface shadow-sm"
      >
        {Array.from({ length: count }, (_, i) => (
          <div key={i} className="flex gap-3 px-4 py-4 sm:px-5">
            <Bone round className="size-10 shrink-0" />
            <div className="min-w-0 flex-1 space-y-2.5 pt-0.5">
              <div className="flex justify-between gap-3">
                <Bone className="h-3.5 w-1/2" />
                <Bone className="h-3 w-16" />
              </div>
              <Bone className="h-3.5 w-full" />
              <Bone className="h-3.5 w-2/3" />
              <Bone round className="h-5 w-20" />
            </div>
          </div>
        ))}
      </div>
    </Skeleton>
  );
}
