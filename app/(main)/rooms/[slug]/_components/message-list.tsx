import Link from "next/link";
import { RelativeTime } from "@/components/relative-time";
import { Avatar } from "@/components/ui/avatar";
import type { MessageAuthor, RoomMessage } from "@/lib/db/messages";
import { groupMessages } from "./group-messages";

export const ANONYMOUS_NAME = "Anonymous User";

export interface MessageListProps {
  messages: RoomMessage[];
}

/** A neutral, colourless avatar for messages whose author deleted their account. */
export function AnonymousAvatar({ className = "size-10" }: { className?: string }) {
  return (
    <span
      role="img"
      aria-label={ANONYMOUS_NAME}
      data-testid="anonymous-avatar"
      className={`inline-flex shrink-0 items-center justify-center overflow-hidden rounded-full bg-sunken text-ink-subtle ring-1 ring-line-strong ring-inset ${className}`}
    >
      <svg viewBox="0 0 24 24" fill="currentColor" aria-hidden="true" className="size-3/5 translate-y-[8%]">
        <circle cx="12" cy="8" r="4.25" />
        <path d="M3.5 21.5c.9-4.6 4.2-7.25 8.5-7.25s7.6 2.65 8.5 7.25z" />
      </svg>
    </span>
  );
}

function AuthorName({ author }: { author: MessageAuthor | null }) {
  if (!author) return <span className="font-semibold text-ink-muted">{ANONYMOUS_NAME}</span>;
  return (
    <Link
      href={`/u/${author.username}`}
      className="rounded-sm font-semibold text-ink hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
    >
      {author.name}
    </Link>
  );
}

function Body({ message }: { message: RoomMessage }) {
  if (message.deleted) return <p className="text-sm text-ink-subtle italic">This message was deleted.</p>;
  return (
    // Plain text: React escapes it; pre-wrap keeps the writer's line breaks.
    <p data-testid="message-body" className="text-[0.9375rem] leading-relaxed whitespace-pre-wrap break-words text-ink">
      {message.body}
      {message.editedAt ? <span className="ml-1.5 align-baseline text-xs text-ink-subtle">(edited)</span> : null}
    </p>
  );
}

export function MessageList({ messages }: MessageListProps) {
  const groups = groupMessages(messages);
  return (
    <ol aria-label="Messages" data-testid="message-list" className="py-2">
      {groups.map((group) =>
        group.messages.map((message, index) => {
          const first = index === 0;
          const name = group.author?.name ?? ANONYMOUS_NAME;
          return (
            <li
              key={message.id}
              id={`message-${message.id}`}
              data-testid="message"
              data-author={group.author?.username ?? ""}
              data-group-start={first || undefined}
              className={`group relative flex scroll-mt-24 gap-3 px-4 transition-colors target:bg-accent-soft hover:bg-sunken/60 sm:px-6 ${
                first ? "mt-1.5 pt-2.5 pb-1 first:mt-0" : "py-1 sm:pr-32"
              }`}
            >
              <div className="flex w-10 shrink-0 justify-center">
                {first ? (
                  group.author ? (
                    <Avatar name={group.author.name} image={group.author.avatarUrl} size="lg" />
                  ) : (
                    <AnonymousAvatar />
                  )
                ) : null}
              </div>
              <div className="min-w-0 flex-1">
                {first ? (
                  <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
                    <AuthorName author={group.author} />
                    {group.author ? <span className="text-xs text-ink-subtle">@{group.author.username}</span> : null}
                    <RelativeTime date={message.createdAt} className="text-xs text-ink-subtle" />
                  </p>
                ) : (
                  // Each message names its author for screen readers, even inside a group.
                  <span className="sr-only">{name}</span>
                )}
                <Body message={message} />
              </div>
              {first ? null : (
                <RelativeTime
                  date={message.createdAt}
                  // Shown on hover beside the message (its right padding keeps the room); phones have no
                  // hover, so there it stays for screen readers only.
                  className="text-xs text-ink-subtle max-sm:sr-only sm:absolute sm:top-1.5 sm:right-6 sm:opacity-0 sm:transition-opacity sm:group-focus-within:opacity-100 sm:group-hover:opacity-100"
                />
              )}
            </li>
          );
        }),
      )}
    </ol>
  );
}
