import { headers } from "next/headers";
import Link from "next/link";
import { Suspense } from "react";
import { getCurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { limitSearch } from "@/lib/rooms/search-limit";
import type { TopicWithCount } from "@/lib/db/topics";
import { feedTotal, loadFeedPage } from "./feed-data";
import { FeedUnreadTotal } from "./feed-unread-total";
import { NoRooms, PastTheEnd, SearchLimited, SearchTooLong, UnknownTopic } from "./feed-empty";
import { PAGE_SIZE, PAGE_SIZE_MAX } from "@/lib/validation/rooms";
import { countLabel, feedHref, type FeedParams } from "./feed-url";
import { roomCardData } from "./room-card-data";
import { RoomCardGrid } from "./room-card-grid";
import { SortControl } from "./sort-control";

export interface RoomFeedProps {
  feed: FeedParams;
  /** The filtered topic: undefined without a filter, null when the slug names no topic. */
  topic: TopicWithCount | null | undefined;
}

const linkClasses =
  "inline-flex h-10 items-center gap-1.5 rounded-lg border border-line-strong bg-surface px-4 text-sm font-semibold text-ink shadow-sm transition hover:bg-sunken focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";

/** Counts a search against its limit (the API's too); the refusal's words, or null. */
async function searchRefusal(): Promise<string | null> {
  try {
    await limitSearch({ user: await getCurrentUser(), headers: await headers() });
    return null;
  } catch (error) {
    if (error instanceof AppError && error.status === 429) return error.message;
    throw error;
  }
}

/** The feed under the page header: count and sort, one page of cards, and the way to the next. */
export async function RoomFeed({ feed, topic }: RoomFeedProps) {
  if (feed.qError) return <SearchTooLong feed={feed} />;
  if (feed.topic && !topic) return <UnknownTopic slug={feed.topic} q={feed.q} />;

  const filter = { q: feed.q || undefined, topicSlug: topic?.slug };
  const refusal = filter.q ? await searchRefusal() : null;
  if (refusal) return <SearchLimited feed={feed} message={refusal} />;
  const [{ page, extras }, total] = await Promise.all([
    loadFeedPage({ ...filter, sort: feed.sort, cursor: feed.cursor, limit: feed.limit }),
    feedTotal({ q: filter.q, topic: topic ?? undefined }),
  ]);
  const hasFilter = Boolean(feed.q || topic);

  return (
    <>
      <Suspense fallback={null}>
        <FeedUnreadTotal />
      </Suspense>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-x-4 gap-y-3">
        <div className="flex min-w-0 items-baseline gap-3">
          {/* Polite live region: after typing in the search box, a screen reader hears the new count. */}
          <p
            data-testid="room-count"
            aria-live="polite"
            className="min-w-0 text-sm font-medium break-words text-ink-muted"
          >
            {countLabel(total, feed, topic?.name)}
          </p>
          {hasFilter ? (
            <Link
              href={feedHref({ sort: feed.sort, limit: feed.limit })}
              className="shrink-0 rounded text-sm font-medium text-accent-ink underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
            >
              Clear filters
            </Link>
          ) : null}
        </div>
        <SortControl feed={feed} />
      </div>

      {page.rooms.length === 0 ? (
        feed.cursor && total.total > 0 ? (
          <PastTheEnd feed={feed} />
        ) : (
          <NoRooms feed={feed} topicName={topic?.name} />
        )
      ) : (
        <RoomCardGrid
          cards={page.rooms.map((room) =>
            roomCardData(room, feed.q, feed.sort, { online: extras.online[room.id], unread: extras.unread[room.id] }),
          )}
          query={feed.q || undefined}
        />
      )}

      {feed.cursor || page.nextCursor ? (
        <nav aria-label="More rooms" className="mt-8 flex flex-wrap items-center justify-between gap-3">
          {feed.cursor ? (
            <Link href={feedHref({ ...feed, cursor: undefined })} className={linkClasses}>
              <span aria-hidden="true">←</span> First page
            </Link>
          ) : (
            <span />
          )}
          {page.nextCursor && !feed.cursor && feed.limit < PAGE_SIZE_MAX ? (
            // Grows this page in place (a real URL: ?limit=48, at most PAGE_SIZE_MAX),
            // keeping the scroll position and the focus on the link; "Next page" turns the page.
            <Link
              href={feedHref({ ...feed, limit: Math.min(feed.limit + PAGE_SIZE, PAGE_SIZE_MAX) })}
              scroll={false}
              className={linkClasses}
            >
              Show more rooms <span aria-hidden="true">↓</span>
            </Link>
          ) : null}
          {page.nextCursor ? (
            <Link href={feedHref({ ...feed, cursor: page.nextCursor })} rel="next" className={linkClasses}>
              Next page <span aria-hidden="true">→</span>
            </Link>
          ) : (
            <span className="text-sm text-ink-subtle">That’s every room{hasFilter ? " that matches" : ""}.</span>
          )}
        </nav>
      ) : null}
    </>
  );
}
