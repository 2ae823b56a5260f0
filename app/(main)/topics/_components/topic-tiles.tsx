"use client";

// The /topics grid, as a client component: the server passes each topic's name, slug and count,
// so the RSC payload carries small objects instead of every link's element tree.
import Link from "next/link";
import { Highlight } from "@/components/highlight";

export interface TopicTile {
  name: string;
  slug: string;
  roomCount: number;
}

export function TopicTiles({ topics, query }: { topics: TopicTile[]; query?: string }) {
  return (
    <ul data-testid="topic-list" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {topics.map((topic) => (
        <li key={topic.slug}>
          <Link
            href={`/?topic=${encodeURIComponent(topic.slug)}`}
            data-testid="topic-tile"
            className="group flex h-full items-center justify-between gap-3 rounded-xl border border-line bg-surface px-4 py-3.5 shadow-sm transition hover:border-accent/40 hover:shadow-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
          >
            <span className="flex min-w-0 items-center gap-3">
              <span
                aria-hidden="true"
                className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-accent-soft text-sm font-bold text-accent-ink uppercase"
              >
                {Array.from(topic.name)[0] ?? "#"}
              </span>
              <span className="min-w-0 font-semibold break-words text-ink group-hover:text-accent-ink">
                <Highlight text={topic.name} query={query} />
              </span>
            </span>
            <span className="shrink-0 text-sm text-ink-muted tabular-nums">
              {topic.roomCount.toLocaleString("en-US")} {topic.roomCount === 1 ? "room" : "rooms"}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
