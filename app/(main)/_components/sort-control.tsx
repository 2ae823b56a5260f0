import Link from "next/link";
import type { RoomSort } from "@/lib/validation/rooms";
import { feedHref, type FeedState } from "./feed-url";

export const SORT_LABELS: Record<RoomSort, string> = {
  active: "Most active",
  newest: "Newest",
  participants: "Most participants",
};

export interface SortControlProps {
  feed: FeedState;
}

/** Plain links (one per order), so a sort is a URL like any other state of the feed. */
export function SortControl({ feed }: SortControlProps) {
  return (
    <nav aria-label="Sort rooms" className="max-w-full">
      <ul className="inline-flex max-w-full rounded-lg border border-line bg-sunken p-0.5 text-xs font-medium sm:text-sm">
        {(Object.keys(SORT_LABELS) as RoomSort[]).map((sort) => {
          const current = feed.sort === sort;
          return (
            <li key={sort} className="min-w-0">
              <Link
                href={feedHref({ ...feed, sort, cursor: undefined })}
                aria-current={current ? "true" : undefined}
                scroll={false}
                className={`block truncate rounded-md px-2.5 py-1.5 transition focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring sm:px-3 ${
                  current ? "bg-surface text-ink shadow-sm ring-1 ring-line" : "text-ink-muted hover:text-ink"
                }`}
              >
                {SORT_LABELS[sort]}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
