"use client";

// A client component so that a list of entries travels as compact data (the item) rather than as
// each entry's element tree in the page's RSC payload; it has no state, so it renders the same
// on the server. The relative time is computed where it renders (see RelativeTime).
import Link from "next/link";
import { RelativeTime } from "@/components/relative-time";
import { ANONYMOUS_NAME, AuthorAvatar } from "@/components/ui/avatar";
import type { ActivityItem } from "@/lib/db/activity";

const focusRing = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";

export interface ActivityEntryProps {
  item: ActivityItem;
  /** "compact" for the home page's panel; "full" for /activity (topic chip, longer excerpt). */
  variant?: "compact" | "full";
  /** The topic chip of the full variant; off when the list is already one topic's. */
  showTopic?: boolean;
}

/**
 * One message in an activity list: "@alice in Python basics: …". The room link is stretched over
 * the whole entry (its ::after), while the author's profile link and the topic chip sit above it.
 */
export function ActivityEntry({ item, variant = "compact", showTopic = true }: ActivityEntryProps) {
  const full = variant === "full";
  return (
    <article
      data-testid="activity-item"
      data-message-id={item.id}
      className={`group relative flex transition hover:bg-sunken/60 ${full ? "gap-3 rounded-xl px-4 py-4 sm:px-5" : "-mx-2 gap-2.5 rounded-lg px-2 py-2.5"}`}
    >
      <AuthorAvatar author={item.author} size={full ? "lg" : "sm"} />
      <div className="min-w-0 flex-1">
        <div className="flex items-baseline justify-between gap-3">
          <p className={`min-w-0 leading-snug break-words text-ink-muted ${full ? "text-sm" : "text-[0.8125rem]"}`}>
            {item.author ? (
              <Link
                href={`/u/${item.author.username}`}
                className={`relative z-10 rounded-sm font-semibold text-ink hover:underline ${focusRing}`}
              >
                @{item.author.username}
              </Link>
            ) : (
              <span className="font-semibold text-ink-muted italic">{ANONYMOUS_NAME}</span>
            )}{" "}
            in{" "}
            <Link
              href={`/rooms/${item.room.slug}#message-${item.id}`}
              className={`rounded-sm font-semibold text-accent-ink outline-none after:absolute after:inset-0 after:content-[''] hover:underline focus-visible:after:outline-2 focus-visible:after:outline-offset-0 focus-visible:after:outline-ring ${full ? "after:rounded-xl" : "after:rounded-lg"}`}
            >
              {item.room.name}
            </Link>
          </p>
          {full ? <RelativeTime date={item.createdAt} className="shrink-0 text-xs text-ink-subtle" /> : null}
        </div>
        <p
          data-testid="activity-excerpt"
          className={`break-words ${full ? "mt-1 line-clamp-4 text-sm leading-relaxed text-ink" : "mt-0.5 line-clamp-2 text-[0.8125rem] leading-snug text-ink-muted"}`}
        >
          {item.excerpt}
        </p>
        {full ? (
          showTopic ? (
            <Link
              href={{ pathname: "/activity", query: { topic: item.room.topic.slug } }}
              className={`relative z-10 mt-1.5 inline-flex max-w-full items-center truncate rounded-full bg-accent-soft px-2 py-0.5 text-xs font-medium text-accent-ink ring-1 ring-accent/15 ring-inset transition hover:bg-accent/15 ${focusRing}`}
            >
              <span className="sr-only">Topic: </span>
              <span className="truncate">{item.room.topic.name}</span>
            </Link>
          ) : null
        ) : (
          <RelativeTime date={item.createdAt} className="mt-1 block text-xs leading-none text-ink-subtle" />
        )}
      </div>
    </article>
  );
}
