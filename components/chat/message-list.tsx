"use client";
// The scrolling conversation (use-conversation-scroll.ts keeps its place): the start of history,
// the day separators, messages and the viewer's pending ones, a pill counting what arrived while
// scrolled up, and a live region that reads out the newest message by someone else.
import type { ReactNode } from "react";
import type { ChatMessage, MessageAuthorPayload } from "@/lib/chat/message-payload";
import type { TimelineRow } from "@/lib/chat/client/timeline";
import { DaySeparator } from "./day-separator";
import { HistoryStart } from "./history-start";
import { MessageItem } from "./message-item";
import { NewMessagesPill } from "./new-messages-pill";
import { PendingItem } from "./pending-item";
import type { ChatTime } from "./use-clock";
import { useConversationScroll, type ConversationScrollOptions } from "./use-conversation-scroll";

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
  onModerate?: (author: MessageAuthorPayload) => void;
  /** For hosts and moderators: whether they may delete this author's message (staff's only for admins). */
  canDeleteOf?: (authorId: string) => boolean;
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

export function MessageList(props: MessageListProps) {
  const { scroller, onScroll, atBottom, farFromBottom, seenUpTo, scrollToBottom } = useConversationScroll(props);
  const { rows, time, viewer, hasOlder, loadingOlder, olderError, onLoadOlder, onEdit, onDelete } = props;
  const { onRetry, onDiscard, empty, readOnly = false, canEdit = true, canModerateAuthor, onModerate } = props;
  const { canDeleteOf } = props;
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
        onEdit={onEdit}
        onDelete={onDelete}
      />
    );
  };

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
        </div>
      </div>
      {!atBottom && (unseen > 0 || farFromBottom) ? <NewMessagesPill unseen={unseen} onClick={scrollToBottom} /> : null}
      <p aria-live="polite" className="sr-only">
        {announcementOf(rows, viewer?.id)}
      </p>
    </div>
  );
}
