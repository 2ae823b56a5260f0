import Link from "next/link";
import { RelativeTime } from "@/components/relative-time";
import { EmptyBox } from "../../../_components/empty-box";
import type { ProfileMessage } from "@/lib/db/profiles";

export interface RecentMessagesProps {
  messages: ProfileMessage[];
  isSelf: boolean;
  name: string;
}

export function RecentMessages({ messages, isSelf, name }: RecentMessagesProps) {
  if (messages.length === 0) {
    return (
      <EmptyBox testId="recent-messages-empty">
        {isSelf ? "You have not written any messages yet." : `${name} has not written any messages yet.`}
      </EmptyBox>
    );
  }

  return (
    <ol
      data-testid="recent-messages"
      className="divide-y divide-line overflow-hidden rounded-2xl border border-line bg-surface shadow-sm"
    >
      {messages.map((message) => (
        <li
          key={message.id}
          data-testid="recent-message"
          className="relative px-4 py-3.5 transition hover:bg-sunken/60 sm:px-5"
        >
          <div className="flex items-center justify-between gap-3 text-xs">
            <Link
              href={`/rooms/${message.room.slug}#message-${message.id}`}
              className="min-w-0 truncate rounded font-semibold text-accent-ink after:absolute after:inset-0 after:content-[''] hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
            >
              <span className="text-ink-subtle">in </span>
              {message.room.name}
            </Link>
            <RelativeTime date={message.createdAt} className="shrink-0 text-ink-subtle" />
          </div>
          <p className="mt-1 line-clamp-3 text-sm leading-relaxed whitespace-pre-line break-words text-ink">
            {message.body}
          </p>
        </li>
      ))}
    </ol>
  );
}
