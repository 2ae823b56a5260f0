import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";
import { UNSTORABLE_TEXT } from "@/lib/validation/text";
import { feedHref, type FeedParams } from "./feed-url";
import { OutlineIcon, type Shape } from "@/components/ui/icons";

type EmptyIcon = "search" | "chat" | "tag" | "warning";

const DRAWINGS: Record<EmptyIcon, Shape[]> = {
  search: [{ circle: { cx: "10.5", cy: "10.5", r: "6.5" } }, "m15.5 15.5 5 5M8.5 10.5h4"],
  tag: [
    "M3.5 12.3V5a1.5 1.5 0 0 1 1.5-1.5h7.3a1.5 1.5 0 0 1 1.06.44l7.2 7.2a1.5 1.5 0 0 1 0 2.12l-7.3 7.3a1.5 1.5 0 0 1-2.12 0l-7.2-7.2a1.5 1.5 0 0 1-.44-1.06z",
    { circle: { cx: "8.5", cy: "8.5", r: "1.25" } },
  ],
  warning: [
    "M12 9v4M12 16.5v.01",
    "M10.3 4.2 2.8 17.5A2 2 0 0 0 4.5 20.5h15a2 2 0 0 0 1.7-3L13.7 4.2a2 2 0 0 0-3.4 0z",
  ],
  chat: [
    "M5 6.5A2.5 2.5 0 0 1 7.5 4h9A2.5 2.5 0 0 1 19 6.5v7a2.5 2.5 0 0 1-2.5 2.5H12l-4 3.5V16h-.5A2.5 2.5 0 0 1 5 13.5z",
  ],
};

interface EmptyPanelProps {
  /** The chat bubble (rooms) unless the panel is about something else. */
  icon?: EmptyIcon;
  title: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
  testId: string;
  /** "error" panels are also announced (role="alert"). */
  tone?: "neutral" | "error";
}

function EmptyPanel({ icon = "chat", title, children, actions, testId, tone = "neutral" }: EmptyPanelProps) {
  const error = tone === "error";
  return (
    <div
      data-testid={testId}
      role={error ? "alert" : undefined}
      className={`flex flex-col items-center rounded-2xl border border-dashed px-6 py-12 text-center sm:py-14 ${
        error
          ? "border-rose-300 bg-rose-50/60 dark:border-rose-900 dark:bg-rose-950/30"
          : "border-line-strong bg-surface"
      }`}
    >
      <span
        aria-hidden="true"
        className={`flex size-12 items-center justify-center rounded-full ${
          error ? "bg-rose-100 text-rose-700 dark:bg-rose-950 dark:text-rose-300" : "bg-accent-soft text-accent-ink"
        }`}
      >
        <OutlineIcon grid={24} className="size-6" shapes={DRAWINGS[icon]} />
      </span>
      <h3 className="mt-4 max-w-full text-lg font-semibold break-words text-ink">{title}</h3>
      {children ? <div className="mt-1.5 max-w-md text-sm text-pretty text-ink-muted">{children}</div> : null}
      {actions ? <div className="mt-6 flex flex-wrap items-center justify-center gap-3">{actions}</div> : null}
    </div>
  );
}

/** A panel's way onward: a link that looks like a button. */
function ButtonLink({ href, primary = false, children }: { href: string; primary?: boolean; children: ReactNode }) {
  return (
    <Link href={href} className={buttonClasses({ variant: primary ? "primary" : "secondary" })}>
      {children}
    </Link>
  );
}

/** Back to the same feed (topic, sort, page size) without the search. */
function ClearSearch({ feed }: { feed: FeedParams }) {
  return (
    <ButtonLink href={feedHref({ topic: feed.topic, sort: feed.sort, limit: feed.limit })}>Clear search</ButtonLink>
  );
}

/** `q` was refused (too long, or unstorable characters): say so rather than quietly searching for part of it. */
export function SearchTooLong({ feed }: { feed: FeedParams }) {
  const unstorable = feed.qError === UNSTORABLE_TEXT;
  return (
    <EmptyPanel
      icon="warning"
      tone="error"
      testId="search-error"
      title={unstorable ? "We can’t search for that" : "That search is too long"}
      actions={<ClearSearch feed={feed} />}
    >
      <p>
        {feed.qError} {unstorable ? "" : `Yours has ${feed.q.length.toLocaleString("en-US")}. `}Try a few words from the
        room’s name, its topic or its host.
      </p>
    </EmptyPanel>
  );
}

/** Too many searches in a minute (lib/rooms/search-limit.ts); `message` says how long to wait. */
export function SearchLimited({ feed, message }: { feed: FeedParams; message: string }) {
  return (
    <EmptyPanel
      icon="warning"
      tone="error"
      testId="search-limited"
      title="Too many searches"
      actions={<ClearSearch feed={feed} />}
    >
      <p>{message}</p>
    </EmptyPanel>
  );
}

export function UnknownTopic({ slug, q }: { slug: string; q: string }) {
  return (
    <EmptyPanel
      icon="tag"
      testId="topic-missing"
      title="This topic doesn’t exist"
      actions={
        <>
          <ButtonLink href={feedHref({ q })} primary>
            See all rooms
          </ButtonLink>
          <ButtonLink href="/topics">Browse topics</ButtonLink>
        </>
      }
    >
      <p>
        There’s no topic called “<span className="font-medium break-all text-ink">{slug}</span>”. It may have been
        renamed, or the link has a typo.
      </p>
    </EmptyPanel>
  );
}

export function NoRooms({ feed, topicName }: { feed: FeedParams; topicName?: string }) {
  if (feed.q) {
    const create = new URLSearchParams({ name: feed.q });
    return (
      <EmptyPanel
        icon="search"
        testId="rooms-empty"
        title={
          <>
            No rooms match “{feed.q}”{topicName ? ` in ${topicName}` : ""}
          </>
        }
        actions={
          <>
            <Link
              href={`/rooms/new?${create.toString()}`}
              data-testid="create-from-search"
              className={buttonClasses({
                variant: "primary",
                className: "h-auto min-h-10 max-w-full shrink py-2 text-center whitespace-normal!",
              })}
            >
              <span className="line-clamp-2 min-w-0 break-words">Create a room named “{feed.q}”</span>
            </Link>
            <ClearSearch feed={feed} />
          </>
        }
      >
        <p>
          Try a shorter word, a topic name or someone’s username{topicName ? ", or search every topic" : ""}. Or start
          the conversation yourself.
        </p>
        {topicName ? (
          <p className="mt-2">
            <Link
              href={feedHref({ q: feed.q, sort: feed.sort, limit: feed.limit })}
              className="font-medium text-accent-ink underline underline-offset-4"
            >
              Search all topics for “{feed.q}”
            </Link>
          </p>
        ) : null}
      </EmptyPanel>
    );
  }
  return (
    <EmptyPanel
      testId="rooms-empty"
      title={topicName ? `No rooms about ${topicName} yet` : "No rooms yet"}
      actions={
        <ButtonLink href="/rooms/new" primary>
          Open a room
        </ButtonLink>
      }
    >
      <p>Rooms people open will show up here. Why not be the first?</p>
    </EmptyPanel>
  );
}

/** A cursor past the last room (an old link after rooms were deleted, say). */
export function PastTheEnd({ feed }: { feed: FeedParams }) {
  return (
    <EmptyPanel
      testId="rooms-past-end"
      title="No more rooms here"
      actions={<ButtonLink href={feedHref({ ...feed, cursor: undefined })}>Back to the first page</ButtonLink>}
    >
      <p>You’ve reached the end of this list.</p>
    </EmptyPanel>
  );
}
