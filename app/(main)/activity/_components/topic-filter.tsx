import Link from "next/link";
import type { ActiveTopic } from "@/lib/db/activity";
import { activityHref } from "./activity-params";

export interface TopicFilterProps {
  topics: ActiveTopic[];
  /** The selected topic's slug; undefined for "All". */
  current?: string;
}

const chip =
  "inline-flex h-8 shrink-0 items-center rounded-full px-3 text-sm font-medium whitespace-nowrap ring-1 ring-inset transition focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";
const idle = "bg-surface text-ink-muted ring-line-strong hover:bg-sunken hover:text-ink";
const active = "bg-accent text-on-accent ring-accent";

/** "All" and the recently active topics as links; on phones the row scrolls sideways instead of wrapping. */
export function TopicFilter({ topics, current }: TopicFilterProps) {
  return (
    <nav aria-label="Filter by topic" className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:overflow-visible sm:px-0">
      <ul className="flex gap-2 pb-1 sm:flex-wrap">
        <li>
          <Link
            href="/activity"
            aria-current={current ? undefined : "page"}
            className={`${chip} ${current ? idle : active}`}
          >
            All topics
          </Link>
        </li>
        {topics.map((topic) => (
          <li key={topic.slug}>
            <Link
              href={activityHref("/activity", { topic: topic.slug })}
              aria-current={topic.slug === current ? "page" : undefined}
              className={`${chip} ${topic.slug === current ? active : idle}`}
            >
              {topic.name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
