"use client";
// The scrolling conversation (use-conversation-scroll.ts keeps its place): the start of history,
// the day separators, messages and the viewer's pending ones, a pill counting what arrived while
// scrolled up, and a live region that reads out the newest message by someone else. After a jump:
// the target highlighted, newer pages below, and "Jump to newest" while the live end is not loaded.
import type { ReactNode } from "react";
import type { ChatMessage, MessageAuthorPayload } from "@/lib/chat/message-payload";
import type { TimelineRow } from "@/lib/chat/client/timeline";
import { DaySeparator } from "./day-separator";
import { HistoryPager } from "./history-pager";
import { HistoryStart } from "./history-start";
import { JumpNotice } from "./jump-notice";
import { JumpToMessageProvider } from "./jump-to-message";
import { MessageItem } from "./message-item";
import { NewMessagesPill } from "./new-messages-pill";
import { PendingItem } from "./pending-item";
import type { ChatTime } from "./use-clock";
import { useConversationScroll, type ConversationScrollOptions } from "./use-conversation-scroll";
import { useJumpHighlight } from "./use-jump-highlight";

export interface MessageListProps extends ConversationScrollOptions {
  time: ChatTime;
  viewer: (MessageAuthorPayload & { canModerate: boolean }) | null;
  olderError: string | null;
  onEdit: (id: number, body: string) => Promise<void>;
  onDelete: (message: ChatMessage) => void;
  onRetry: (clientKey: string) => void;
  onDiscard: (clientKey: string) => void;
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
  /** Signed-in viewers: Report on others' messages, to this room (its slug). */
  reportIn?: string;
  onModerate?: (author: MessageAuthorPayload) => void;
  /** For hosts and moderators: whether they may delete this author's message (staff's only for admins). */
  canDeleteOf?: (authorId: string) => boolean;
  /** Each message offers Reply while the viewer may post (`canEdit`). */
  onReply?: (message: ChatMessage) => void;
  /** Reacting, for members who may (offered while the viewer may post, like Reply). */
  onReact?: (messageId: number, emoji: string, on: boolean) => void;
  /** Names who reacted to a message (asked for by its reactions' tooltip). */
  onLoadReactors?: (messageId: number) => void;
  /** The room's pinned message ids (markers) and, for the host and moderators, Pin/Unpin. */
  pins?: { ids: ReadonlySet<number>; onToggle?: (message: ChatMessage, pinned: boolean) => void };
}

/** The newest message by someone else, for screen readers (a live region announces changes). */
function announcementOf(rows: TimelineRow[], viewerId: string | undefined): string {
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i];
    if (row?.kind === "message" && row.message.author?.id !== viewerId)
      return `${row.message.author?.name ?? "Anonymous User"}: ${row.message.body.slice(0, 200)}`;
  }
  return "";
}

/** Said to screen readers when a jump highlights a message. */
function jumpAnnouncementOf(rows: TimelineRow[], id: number | null): string {
  if (id === null) return "";
  const row = rows.find((r) => r.kind === "message" && r.message.id === id);
  return row?.kind === "message" ? `Jumped to message from ${row.message.author?.name ?? "Anonymous User"}` : "";
}

export function MessageList(props: MessageListProps) {
  const { scroller, onScroll, atBottom, farFromBottom, seenUpTo, scrollToBottom } = useConversationScroll(props);
  const { rows, time, viewer, hasOlder, loadingOlder, olderError, onLoadOlder, onEdit, onDelete } = props;
  const { onRetry, onDiscard, empty, readOnly = false, canEdit = true, canModerateAuthor, onModerate } = props;
  const { canDeleteOf, jump, onReply, onReact, onLoadReactors, pins, reportIn } = props;
  const hasNewer = jump?.hasNewer ?? false;
  const highlighted = useJumpHighlight(jump?.target ?? null);
  const unseen = atBottom
    ? 0
    : rows.filter((row) => row.kind === "message" && row.message.id > seenUpTo && row.message.author?.id !== viewer?.id)
        .length;
  const hasMessages = rows.some((row) => row.kind !== "day");

  const renderRow = (row: TimelineRow) => {
    if (row.kind === "day") return <DaySeparator key={row.key} day={row.day} label={row.label} />;
    if (row.kind === "pending") {
      return (
        <PendingItem
          key={row.key}
          pending={row.pending}
          groupStart={row.groupStart}
          viewer={viewer}
          onRetry={onRetry}
          onDiscard={onDiscard}
          onJumpTo={jump?.jumpTo}
        />
      );
    }
    const { message } = row;
    const own = viewer !== null && message.author?.id === viewer.id;
    return (
      <MessageItem
        key={row.key}
        message={message}
        groupStart={row.groupStart}
        time={time}
        own={own && !readOnly}
        canEdit={canEdit}
        canDelete={
          !readOnly &&
          (own ||
            ((viewer?.canModerate ?? false) && (message.author === null || (canDeleteOf?.(message.author.id) ?? true))))
        }
        canModerateAuthor={
          !readOnly && !own && message.author !== null && (canModerateAuthor?.(message.author.id) ?? false)
        }
        onModerate={onModerate}
        mentionsViewer={viewer !== null && !own && message.html.includes(`href="/u/${viewer.username.toLowerCase()}"`)}
        jumpedTo={message.id === highlighted}
        onEdit={onEdit}
        onDelete={onDelete}
        onReply={readOnly || !canEdit ? undefined : onReply}
        onJumpTo={jump?.jumpTo}
        pinned={pins?.ids.has(message.id) ?? false}
        onTogglePin={readOnly ? undefined : pins?.onToggle}
        onReact={readOnly || !canEdit ? undefined : onReact}
        viewerUsername={viewer?.username}
        onLoadReactors={onLoadReactors}
        reportIn={readOnly || own || !viewer ? undefined : reportIn}
      />
    );
  };

  const list = (
    <div className="relative flex min-h-0 flex-1 flex-col">
      {jump?.notice ? <JumpNotice notice={jump.notice} onDismiss={jump.onDismissNotice} /> : null}
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
        {/* Below a window, room for "Jump to newest" floating over the end. */}
        <div className={`flex grow flex-col justify-end ${hasNewer ? "pb-14" : "pb-2"}`}>
          <HistoryStart
            hasOlder={hasOlder}
            loadingOlder={loadingOlder}
            olderError={olderError}
            onLoadOlder={onLoadOlder}
            hasMessages={hasMessages}
          />
          {hasMessages ? (
            <ol aria-label="Messages" data-testid="message-list">
              {rows.map(renderRow)}
            </ol>
          ) : (
            empty
          )}
          {jump?.hasNewer ? (
            <HistoryPager
              direction="newer"
              loading={jump.loadingNewer}
              error={jump.newerError}
              onLoad={jump.onLoadNewer}
            />
          ) : null}
        </div>
      </div>
      {jump?.hasNewer ? (
        <NewMessagesPill jumpToNewest unseen={jump.newerArrived} onClick={jump.onJumpToNewest} />
      ) : !atBottom && (unseen > 0 || farFromBottom) ? (
        <NewMessagesPill unseen={unseen} onClick={scrollToBottom} />
      ) : null}
      <p aria-live="polite" className="sr-only">
        {/* Pages of older history loading are not news. */}
        {hasNewer ? "" : announcementOf(rows, viewer?.id)}
      </p>
      <p aria-live="polite" data-testid="jump-announcement" className="sr-only">
        {jumpAnnouncementOf(rows, highlighted)}
      </p>
    </div>
  );
  // Reply quotes and search results in the list jump in place through this (useJumpToMessage).
  return jump ? (
    <JumpToMessageProvider slug={jump.slug} jumpTo={jump.jumpTo}>
      {list}
    </JumpToMessageProvider>
  ) : (
    list
  );
}
