"use client";
// One message in the conversation: avatar and name at the start of a group, the quote of the message it replies to,
// the rendered markdown body, "(edited)", a pin marker, its reactions, and its tools on hover or keyboard focus
// (./message-actions.tsx). Editing happens in place.
import dynamic from "next/dynamic";
import Link from "next/link";
import { memo, useState } from "react";
import { ANONYMOUS_NAME, AuthorAvatar } from "@/components/ui/avatar";
import { PinIcon } from "@/components/ui/icons";
import type { ChatMessage, MessageAuthorPayload } from "@/lib/chat/message-payload";
import { REACTION_KINDS_LIMIT } from "@/lib/reactions/reaction-rules";
import { MESSAGE_HTML_CLASSES } from "./message-html";
import { MessageActions } from "./message-actions";
import { QuestionBadges } from "./questions/question-badges";
import { ReactionBar } from "./reactions/reaction-bar";
import { ReplyQuoteLine } from "./reply-quote";
import { exactTime, MessageTime } from "./message-time";
import type { ChatTime } from "./use-clock";

// Loaded when someone first edits a message: most readers never do.
const MessageEditor = dynamic(() => import("./message-editor").then((m) => m.MessageEditor));

export { MESSAGE_HTML_CLASSES };

const focusRing = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";

function AuthorName({ author }: { author: MessageAuthorPayload | null }) {
  if (!author) return <span className="font-semibold text-ink-muted">{ANONYMOUS_NAME}</span>;
  return (
    <Link href={`/u/${author.username}`} className={`rounded-sm font-semibold text-ink hover:underline ${focusRing}`}>
      {author.name}
    </Link>
  );
}

export interface MessageItemProps {
  message: ChatMessage;
  groupStart: boolean;
  time: ChatTime;
  /** The viewer wrote it: Delete, and Edit unless `canEdit` is false. */
  own: boolean;
  /** The viewer may post here now (not locked, muted or banned): editing is posting. Defaults to true. */
  canEdit?: boolean;
  /** A moderator looking at another member's message: Moderate (mute or ban its author). */
  canModerateAuthor?: boolean;
  onModerate?: (author: MessageAuthorPayload) => void;
  /** The room's host or a moderator (or the author): Delete. */
  canDelete: boolean;
  /** The viewer is mentioned in it: highlighted. */
  mentionsViewer: boolean;
  /** Just jumped to (a `?m=` link, a reply, a search result): ringed for a few seconds, then fades. */
  jumpedTo?: boolean;
  onEdit: (id: number, body: string) => Promise<void>;
  onDelete: (message: ChatMessage) => void;
  /** Given to members who may post: Reply. */
  onReply?: (message: ChatMessage) => void;
  /** Opens a message of this room (a reply's quote). */
  onJumpTo?: (id: number) => void;
  /** In the room's pins: a marker. */
  pinned?: boolean;
  /** The host and moderators: Pin, or Unpin when `pinned`. */
  onTogglePin?: (message: ChatMessage, pinned: boolean) => void;
  /** Members who may react: toggles their reaction (`on`: add it). */
  onReact?: (messageId: number, emoji: string, on: boolean) => void;
  /** The viewer's username: reactions call them "You". */
  viewerUsername?: string;
  /** Names who reacted (history carries counts only): asked for when a reaction's tooltip opens. */
  onLoadReactors?: (messageId: number) => void;
  /** Signed-in members on others' messages: Report (the room's slug). */
  reportIn?: string;
}

/** Memoised: a new message re-renders only its neighbours' rows that changed, not the whole history. */
export const MessageItem = memo(function MessageItem({
  message,
  groupStart,
  time,
  own,
  canEdit = true,
  canDelete,
  canModerateAuthor = false,
  mentionsViewer,
  jumpedTo = false,
  onEdit,
  onDelete,
  onModerate,
  onReply,
  onJumpTo,
  pinned = false,
  onTogglePin,
  onReact,
  viewerUsername,
  onLoadReactors,
  reportIn,
}: MessageItemProps) {
  const [editing, setEditing] = useState(false);
  const author = message.author;
  const name = author?.name ?? ANONYMOUS_NAME;
  const edited = message.editedAt !== null;
  const reactions = message.reactions ?? [];
  const react = onReact && ((emoji: string, on: boolean) => onReact(message.id, emoji, on));
  const canAddKind = reactions.length < REACTION_KINDS_LIMIT;

  return (
    <li
      id={`message-${message.id}`}
      data-testid="message"
      data-message-id={message.id}
      data-anchor={`m-${message.id}`}
      data-author={author?.username ?? ""}
      data-group-start={groupStart || undefined}
      data-own={own || undefined}
      data-mentions-viewer={mentionsViewer || undefined}
      data-highlighted={jumpedTo || undefined}
      data-pinned={pinned || undefined}
      aria-current={jumpedTo || undefined}
      className={`group relative flex scroll-mt-4 gap-3 px-3 transition-[background-color,box-shadow] duration-700 target:bg-accent-soft hover:duration-150 hover:bg-sunken/60 focus-within:bg-sunken/60 sm:px-5 ${
        groupStart ? "mt-2 pt-1.5 pb-1" : "py-0.5"
      } ${mentionsViewer ? "bg-amber-50/70 shadow-[inset_3px_0_0_var(--color-amber-400)] dark:bg-amber-950/30" : ""} ${editing ? "bg-sunken/60" : ""} ${
        // Removed after a few seconds: the slow transition above is the fade.
        jumpedTo ? "bg-accent-soft shadow-[inset_0_0_0_2px_var(--color-accent)]" : ""
      }`}
    >
      <div className="flex w-10 shrink-0 justify-center">
        {groupStart ? (
          <AuthorAvatar author={author} size="lg" />
        ) : (
          // The clock time of a grouped message, shown on hover in the avatar column (as Slack does).
          <MessageTime
            date={message.createdAt}
            time={time}
            variant="clock"
            className="mt-1 text-[0.6875rem] leading-5 whitespace-nowrap text-ink-subtle opacity-0 transition-opacity group-focus-within:opacity-100 group-hover:opacity-100"
          />
        )}
      </div>
      <div className="min-w-0 flex-1">
        {groupStart ? (
          <p className="flex flex-wrap items-baseline gap-x-2 text-sm leading-6">
            <AuthorName author={author} />
            {author ? <span className="text-xs text-ink-subtle max-[419px]:hidden">@{author.username}</span> : null}
            <MessageTime date={message.createdAt} time={time} className="text-xs text-ink-subtle" />
          </p>
        ) : (
          // Each message names its author for screen readers, even inside a group.
          <span className="sr-only">{name}</span>
        )}
        {message.replyTo ? <ReplyQuoteLine quote={message.replyTo} onJump={onJumpTo} /> : null}
        {editing ? (
          <MessageEditor
            initialBody={message.body}
            viewerId={author?.id ?? null}
            onCancel={() => setEditing(false)}
            onSave={async (body) => {
              await onEdit(message.id, body);
              setEditing(false);
            }}
          />
        ) : (
          <div className="text-[0.9375rem] leading-relaxed text-ink">
            <div
              data-testid="message-body"
              className={`${MESSAGE_HTML_CLASSES} ${edited ? "inline [&>p:last-child]:inline" : ""}`}
              // Rendered and sanitised on the server (lib/messages/markdown.ts): only p, br,
              // strong, em, code, pre and links with safe schemes and rel="noopener nofollow ugc".
              dangerouslySetInnerHTML={{ __html: message.html }}
            />
            {edited ? (
              <span data-testid="message-edited" className="ml-1.5 text-xs text-ink-subtle">
                <span title={message.editedAt ? `Edited ${exactTime(message.editedAt, time.timeZone)}` : undefined}>
                  (edited)
                </span>
              </span>
            ) : null}
            {pinned ? (
              // After "(edited)" on its line, else a line of its own under the body.
              <span
                data-testid="message-pinned"
                className={`${edited ? "ml-1.5 inline-flex" : "flex w-fit"} items-center gap-1 text-xs text-accent-ink`}
              >
                <PinIcon className="size-3.5" />
                Pinned
              </span>
            ) : null}
          </div>
        )}
        <QuestionBadges message={message} />
        <ReactionBar
          reactions={reactions}
          onToggle={react}
          viewerUsername={viewerUsername}
          canAddKind={canAddKind}
          onNeedNames={onLoadReactors && (() => onLoadReactors(message.id))}
        />
      </div>
      {!editing ? (
        <MessageActions
          message={message}
          canEdit={own && canEdit}
          canDelete={own || canDelete}
          onEdit={() => setEditing(true)}
          onDelete={onDelete}
          onReply={onReply}
          onModerate={canModerateAuthor ? onModerate : undefined}
          pinned={pinned}
          onTogglePin={onTogglePin}
          onReact={react}
          canAddKind={canAddKind}
          reportIn={reportIn}
        />
      ) : null}
    </li>
  );
});
