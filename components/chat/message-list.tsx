"use client";
// The scrolling conversation. The scroller is a reversed flex column, so the browser starts it at
// the bottom from the server's HTML on (no jump after hydration) and older pages added above
// never move what you are reading. While you are at the bottom it follows new messages; scrolled
// up, it keeps the message you were reading in place (an anchor) and a pill counts what arrived.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { Spinner } from "@/components/ui/button";
import type { ChatMessage, MessageAuthorPayload } from "@/lib/chat/message-payload";
import type { TimelineRow } from "@/lib/chat/client/timeline";
import { MessageItem } from "./message-item";
import { PendingItem } from "./pending-item";
import type { ChatTime } from "./use-clock";

/** Within this many pixels of the bottom counts as "at the bottom" (and keeps following). */
const BOTTOM_SLACK = 48;
/** Older messages load when the top is this close. */
const LOAD_OLDER_WITHIN = 600;

export interface MessageListProps {
  rows: TimelineRow[];
  time: ChatTime;
  viewer: (MessageAuthorPayload & { canModerate: boolean }) | null;
  hasOlder: boolean;
  loadingOlder: boolean;
  olderError: string | null;
  onLoadOlder: () => void;
  onEdit: (id: number, body: string) => Promise<void>;
  onDelete: (message: ChatMessage) => void;
  onRetry: (clientKey: string) => void;
  onDiscard: (clientKey: string) => void;
  /** Changes when the viewer sends: the list jumps to the bottom. */
  followSignal: number;
  /** Tells whether the viewer is at the bottom (for marking the room read). */
  onAtBottomChange?: (atBottom: boolean) => void;
  /** Shown when there are no messages at all. */
  empty?: ReactNode;
  /** Disables editing and deleting (the room was deleted). */
  readOnly?: boolean;
  /** False while the viewer may not post (locked room, muted, banned): no Edit either. */
  canEdit?: boolean;
  /**
   * For moderators: whether this author may be muted or banned here (another member, not staff).
   * Messages by such authors get Moderate, which calls `onModerate`.
   */
  canModerateAuthor?: (authorId: string) => boolean;
  onModerate?: (author: MessageAuthorPayload) => void;
}

const linkButton =
  "rounded-md px-2 py-1 text-sm font-semibold text-accent-ink hover:bg-accent-soft focus-visible:outline-2 focus-visible:outline-ring";

interface Anchor {
  key: string;
  offset: number;
}

function lastMessageId(rows: TimelineRow[]): number {
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i];
    if (row?.kind === "message") return row.message.id;
  }
  return 0;
}

export function MessageList({
  rows,
  time,
  viewer,
  hasOlder,
  loadingOlder,
  olderError,
  onLoadOlder,
  onEdit,
  onDelete,
  onRetry,
  onDiscard,
  followSignal,
  onAtBottomChange,
  empty,
  readOnly = false,
  canEdit = true,
  canModerateAuthor,
  onModerate,
}: MessageListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  const anchor = useRef<Anchor | null>(null);
  const seenFollowSignal = useRef(followSignal);
  const lastId = lastMessageId(rows);
  const lastIdRef = useRef(lastId);
  useEffect(() => {
    lastIdRef.current = lastId;
  }, [lastId]);
  const olderState = useRef({ hasOlder, loadingOlder, onLoadOlder, onAtBottomChange });
  useEffect(() => {
    olderState.current = { hasOlder, loadingOlder, onLoadOlder, onAtBottomChange };
  });

  const [atBottom, setAtBottom] = useState(true);
  const [farFromBottom, setFarFromBottom] = useState(false);
  // The newest message id the viewer had seen when they scrolled away from the bottom.
  const [seenUpTo, setSeenUpTo] = useState(lastId);

  /** The first row in view and its distance from the scroller's top edge (a binary search: scrolling
   * stays cheap in long histories). */
  const recordAnchor = useCallback(() => {
    const el = scroller.current;
    const rows = el?.querySelector("ol")?.children;
    if (!el || !rows || rows.length === 0) {
      anchor.current = null;
      return;
    }
    const top = el.getBoundingClientRect().top;
    let low = 0;
    let high = rows.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((rows[mid]?.getBoundingClientRect().bottom ?? 0) > top) high = mid;
      else low = mid + 1;
    }
    // Day separators are no anchors: "Today" moves to the top when older messages of today arrive.
    let node = rows[low] as HTMLElement | undefined;
    while (node && !node.dataset.anchor) node = node.nextElementSibling as HTMLElement | undefined;
    anchor.current = node?.dataset.anchor
      ? { key: node.dataset.anchor, offset: node.getBoundingClientRect().top - top }
      : null;
  }, []);

  const nearTop = (el: HTMLDivElement) => el.scrollHeight - el.clientHeight + el.scrollTop < LOAD_OLDER_WITHIN;
  const maybeLoadOlder = useCallback(() => {
    const el = scroller.current;
    const { hasOlder: more, loadingOlder: busy, onLoadOlder: load } = olderState.current;
    if (el && more && !busy && nearTop(el)) load();
  }, []);

  const onScroll = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    // Reversed column: scrollTop is 0 at the bottom and negative above it.
    const fromBottom = -el.scrollTop;
    const bottom = fromBottom < BOTTOM_SLACK;
    if (pinned.current !== bottom) {
      pinned.current = bottom;
      setAtBottom(bottom);
      olderState.current.onAtBottomChange?.(bottom);
      // Leaving the bottom: everything up to now was seen.
      if (!bottom) setSeenUpTo(lastIdRef.current);
    }
    setFarFromBottom(fromBottom > el.clientHeight * 1.5);
    recordAnchor();
    maybeLoadOlder();
  }, [recordAnchor, maybeLoadOlder]);

  // After every change of rows: follow the bottom, or keep the anchor where it was.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    if (seenFollowSignal.current !== followSignal) {
      seenFollowSignal.current = followSignal;
      pinned.current = true;
    }
    if (pinned.current) {
      el.scrollTop = 0;
    } else if (anchor.current) {
      const node = el.querySelector<HTMLElement>(`[data-anchor="${CSS.escape(anchor.current.key)}"]`);
      if (node) {
        const offset = node.getBoundingClientRect().top - el.getBoundingClientRect().top;
        el.scrollTop += offset - anchor.current.offset;
      }
    }
    recordAnchor();
  }, [rows, followSignal, recordAnchor]);

  // A short first page (or one that loaded while you sat at the top) may need the next one.
  useEffect(() => {
    maybeLoadOlder();
  }, [rows, loadingOlder, maybeLoadOlder]);

  // A link to one message (#message-123, from activity pages) opens there, not at the bottom.
  useLayoutEffect(() => {
    const el = scroller.current;
    const id = window.location.hash.slice(1);
    if (!el || !/^message-\d+$/.test(id)) return;
    const target = document.getElementById(id);
    if (!target || !el.contains(target)) return;
    target.scrollIntoView({ block: "center" });
    pinned.current = -el.scrollTop < BOTTOM_SLACK;
    recordAnchor();
  }, [recordAnchor]);

  const scrollToBottom = () => {
    const el = scroller.current;
    if (!el) return;
    pinned.current = true;
    const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    el.scrollTo({ top: 0, behavior: smooth ? "smooth" : "auto" });
  };

  const unseen = atBottom
    ? 0
    : rows.filter((row) => row.kind === "message" && row.message.id > seenUpTo && row.message.author?.id !== viewer?.id)
        .length;
  const hasMessages = rows.some((row) => row.kind !== "day");

  // The newest message by someone else, for screen readers (a live region announces changes).
  let announcement = "";
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i];
    if (row?.kind === "message" && row.message.author?.id !== viewer?.id) {
      announcement = `${row.message.author?.name ?? "Anonymous User"}: ${row.message.body.slice(0, 200)}`;
      break;
    }
  }

  return (
    <div className="relative flex min-h-0 flex-1 flex-col">
      <div
        ref={scroller}
        onScroll={onScroll}
        data-testid="message-scroller"
        // Focusable so keyboard users can scroll it (arrow keys, Page Up/Down): WCAG 2.1.1.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        aria-label="Conversation history"
        role="region"
        className="flex min-h-0 flex-1 flex-col-reverse overflow-y-auto overscroll-contain [overflow-anchor:none] focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring"
      >
        {/* Grows to fill a short conversation and keeps its messages at the bottom. */}
        <div className="flex grow flex-col justify-end pb-2">
          <div className="px-4 pt-3 pb-1 sm:px-5" data-testid="history-start">
            {hasOlder ? (
              olderError ? (
                <p
                  role="alert"
                  className="flex flex-wrap items-center justify-center gap-2 py-2 text-sm text-ink-muted"
                >
                  {olderError}
                  <button type="button" onClick={onLoadOlder} className={linkButton}>
                    Try again
                  </button>
                </p>
              ) : loadingOlder ? (
                <p
                  data-testid="loading-older"
                  role="status"
                  className="flex items-center justify-center gap-2 py-2 text-sm text-ink-subtle"
                >
                  <Spinner className="size-4" />
                  Loading earlier messages…
                </p>
              ) : (
                // Scrolling up loads them by itself; the button is there for keyboards and screen readers.
                <p className="flex justify-center py-1">
                  <button type="button" data-testid="load-older" onClick={onLoadOlder} className={linkButton}>
                    Load earlier messages
                  </button>
                </p>
              )
            ) : hasMessages ? (
              <p data-testid="conversation-start" className="py-3 text-center text-sm text-ink-subtle">
                This is the beginning of the conversation.
              </p>
            ) : null}
          </div>
          {hasMessages ? (
            <ol aria-label="Messages" data-testid="message-list">
              {rows.map((row) => {
                if (row.kind === "day") {
                  return (
                    <li
                      key={row.key}
                      data-testid="day-separator"
                      data-day={row.day}
                      className="relative my-3 flex items-center px-4 sm:px-5"
                      aria-label={row.label}
                    >
                      <span aria-hidden="true" className="h-px flex-1 bg-line" />
                      <span
                        aria-hidden="true"
                        className="mx-3 rounded-full border border-line bg-surface px-3 py-0.5 text-xs font-semibold text-ink-muted"
                      >
                        {row.label}
                      </span>
                      <span aria-hidden="true" className="h-px flex-1 bg-line" />
                    </li>
                  );
                }
                if (row.kind === "pending") {
                  return (
                    <PendingItem
                      key={row.key}
                      pending={row.pending}
                      groupStart={row.groupStart}
                      viewer={viewer}
                      onRetry={onRetry}
                      onDiscard={onDiscard}
                    />
                  );
                }
                const own = viewer !== null && row.message.author?.id === viewer.id;
                return (
                  <MessageItem
                    key={row.key}
                    message={row.message}
                    groupStart={row.groupStart}
                    time={time}
                    own={own && !readOnly}
                    canEdit={canEdit}
                    canDelete={!readOnly && (own || (viewer?.canModerate ?? false))}
                    canModerateAuthor={
                      !readOnly &&
                      !own &&
                      row.message.author !== null &&
                      (canModerateAuthor?.(row.message.author.id) ?? false)
                    }
                    onModerate={onModerate}
                    mentionsViewer={
                      viewer !== null && !own && row.message.html.includes(`href="/u/${viewer.username.toLowerCase()}"`)
                    }
                    onEdit={onEdit}
                    onDelete={onDelete}
                  />
                );
              })}
            </ol>
          ) : (
            empty
          )}
        </div>
      </div>
      {!atBottom && (unseen > 0 || farFromBottom) ? (
        <div className="pointer-events-none absolute inset-x-0 bottom-3 flex justify-center">
          <button
            type="button"
            data-testid="new-messages-pill"
            onClick={scrollToBottom}
            className="pointer-events-auto inline-flex items-center gap-1.5 rounded-full bg-accent px-4 py-1.5 text-sm font-semibold text-on-accent shadow-lg shadow-black/15 transition hover:bg-accent-hover focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
          >
            <svg
              viewBox="0 0 20 20"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
              strokeLinejoin="round"
              aria-hidden="true"
              className="size-4"
            >
              <path d="M10 4v12m0 0-5-5m5 5 5-5" />
            </svg>
            {unseen > 0 ? `${unseen} new message${unseen === 1 ? "" : "s"}` : "Jump to latest"}
          </button>
        </div>
      ) : null}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
