"use client";

// The topics sidebar's list, as a client component: the server passes names, links and counts,
// so the page's RSC payload carries small objects instead of every link's element tree.
import Link from "next/link";
import { Bone } from "@/components/skeleton";

export interface TopicNavItem {
  name: string;
  href: string;
  count: number;
  current: boolean;
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
      className={`shrink-0 rounded-full px-2 py-0.5 text-xs tabular-nums ${current ? "bg-accent/15 text-accent-ink" : "bg-sunken text-ink-muted group-hover:bg-line"}`}
    >
      {n.toLocaleString("en-US")}
      <span className="sr-only">{n === 1 ? " room" : " rooms"}</span>
    </span>
  );
}

export function TopicNavList({ items }: { items: TopicNavItem[] }) {
  return (
    <ul className="mt-2 space-y-0.5">
      {items.map((item) => (
        <li key={item.href}>
          <Link href={item.href} aria-current={item.current ? "page" : undefined} className={itemClasses(item.current)}>
            <span className="truncate">{item.name}</span>
            <Count n={item.count} current={item.current} />
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** The sidebar while its topics load (a Suspense fallback). */
export function TopicNavSkeleton() {
  return (
    <div role="status" aria-label="Loading topics" className="animate-pulse space-y-2 px-3 motion-reduce:animate-none">
      <Bone className="h-3 w-16" />
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} className="flex items-center justify-between py-1.5">
          <Bone className="h-3.5 w-24" />
          <Bone round className="h-4 w-6" />
        </div>
      ))}
    </div>
  );
}
