// The home page's recent-activity panel: the latest messages across rooms (following the feed's
// topic filter), each linking to its room, and a "See all" link to /activity.
import Link from "next/link";
import { listRecentActivity } from "@/lib/db/activity";
import { ActivityEntry } from "./activity-entry";
import { OutlineIcon } from "@/components/ui/icons";
import { Bone } from "@/components/skeleton";

export const RECENT_ACTIVITY_ITEMS = 8;

export interface RecentActivityProps {
  /** Follow the feed's topic filter. */
  topicSlug?: string;
}

// Inside the phone's sheet (a <dialog> with its own title) the panel drops its card and heading.
const panelClass =
  "rounded-2xl border border-line bg-surface px-4 pt-4 pb-2 shadow-sm shadow-slate-900/[0.03] in-[dialog]:rounded-none in-[dialog]:border-0 in-[dialog]:bg-transparent in-[dialog]:px-2 in-[dialog]:pt-0 in-[dialog]:shadow-none";

function PanelHeading({ seeAllHref }: { seeAllHref?: string }) {
  return (
    <div className="flex items-center justify-between gap-3 in-[dialog]:justify-end">
      <h2
        id="recent-activity-heading"
        className="flex items-center gap-2 text-sm font-semibold text-ink in-[dialog]:sr-only"
      >
        <OutlineIcon className="size-4 text-ink-subtle">
          <path d="M2.5 10h3l2-5.5 4 11 2-5.5h4" />
        </OutlineIcon>
        Recent activity
      </h2>
      {seeAllHref ? (
        <Link
          href={seeAllHref}
          className="-my-1 rounded px-1 py-1 text-sm font-medium text-accent-ink underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
        >
          See all<span className="sr-only"> recent activity</span>
        </Link>
      ) : null}
    </div>
  );
}

export async function RecentActivity({ topicSlug }: RecentActivityProps) {
  const { items } = await listRecentActivity({ topicSlug, take: RECENT_ACTIVITY_ITEMS });
  const seeAllHref = topicSlug ? `/activity?topic=${encodeURIComponent(topicSlug)}` : "/activity";

  return (
    <section aria-labelledby="recent-activity-heading" data-testid="recent-activity" className={panelClass}>
      <PanelHeading seeAllHref={seeAllHref} />
      {items.length === 0 ? (
        <p data-testid="recent-activity-empty" className="py-6 text-center text-sm text-ink-muted">
          {topicSlug ? "Nobody has written in this topic yet." : "Nobody has written anything yet."}
        </p>
      ) : (
        <ol className="mt-1">
          {items.map((item) => (
            <li key={item.id} className="border-t border-line first:border-t-0">
              <ActivityEntry item={item} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** What to show while the panel loads (for a <Suspense> fallback): the same box, so nothing jumps. */
export function RecentActivitySkeleton({ count = 5 }: { count?: number }) {
  return (
    <section
      aria-labelledby="recent-activity-heading"
      aria-busy="true"
      data-testid="recent-activity-skeleton"
      className={`${panelClass} animate-pulse motion-reduce:animate-none`}
    >
      <PanelHeading />
      <div aria-hidden="true" className="mt-1">
        {Array.from({ length: count }, (_, i) => (
          <div key={i} className="flex gap-2.5 border-t border-line py-2.5 first:border-t-0">
            <Bone round className="size-6 shrink-0" />
            <div className="min-w-0 flex-1 space-y-2 pt-0.5">
              <Bone className="h-3.5 w-3/4" />
              <Bone className="h-3.5 w-full" />
              <Bone className="h-3 w-16" />
            </div>
          </div>
        ))}
      </div>
    </section>
  );
}
