// One inbox entry: who and what ("Ada mentioned you in Python"), the message's first words (or that it was deleted),
// when, and whether it is unread. The whole entry links to the message in its room.
import Link from "next/link";
import { RelativeTime } from "@/components/relative-time";
import { AuthorAvatar } from "@/components/ui/avatar";
import type { InboxItem } from "./inbox-api";

const REPORT_OUTCOMES: Record<string, string> = {
  deleted: "deleted a message you reported",
  muted: "muted the author of a message you reported",
  banned: "banned the author of a message you reported",
  dismissed: "reviewed a message you reported and left it up",
};

function headline(item: InboxItem): { who: string; what: string } {
  const who = item.actor?.name ?? "Someone";
  if (item.kind === "mention") return { who, what: "mentioned you" };
  if (item.kind === "reply") return { who, what: "replied to your message" };
  if (item.kind === "answer") return { who, what: "answered your question" };
  if (item.kind === "accepted") return { who, what: "accepted your answer" };
  return { who: "Moderators", what: REPORT_OUTCOMES[item.outcome ?? ""] ?? "acted on a message you reported" };
}

export interface InboxEntryProps {
  item: InboxItem;
  onOpen: (item: InboxItem) => void;
}

export function InboxEntry({ item, onOpen }: InboxEntryProps) {
  const { who, what } = headline(item);
  return (
    <li data-testid="inbox-entry" data-kind={item.kind} data-read={item.read} data-message-id={item.message.id}>
      <Link
        href={item.href}
        onClick={() => onOpen(item)}
        className={`flex gap-3 rounded-xl border px-4 py-3 transition focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring ${
          item.read
            ? "border-line bg-surface hover:bg-sunken"
            : "border-accent/40 bg-accent-soft hover:bg-accent-soft/70"
        }`}
      >
        {item.kind === "report" ? (
          <span aria-hidden="true" className="grid size-9 shrink-0 place-items-center rounded-full bg-sunken text-lg">
            🛡️
          </span>
        ) : (
          <AuthorAvatar author={item.actor} size="sm" />
        )}
        <span className="min-w-0 flex-1">
          <span className="block text-sm text-ink">
            <span className="font-semibold">{who}</span> {what} in{" "}
            <span className="font-semibold">{item.message.room.name}</span>
            {item.read ? null : <span className="sr-only"> (unread)</span>}
          </span>
          <span className="mt-0.5 block truncate text-sm text-ink-muted">
            {item.message.deleted ? <em>This message was deleted.</em> : item.message.excerpt}
          </span>
          <RelativeTime date={item.createdAt} className="mt-1 block text-xs text-ink-subtle" />
        </span>
        {item.read ? null : (
          <span
            aria-hidden="true"
            className="mt-1.5 size-2.5 shrink-0 rounded-full bg-accent"
            data-testid="unread-dot"
          />
        )}
      </Link>
    </li>
  );
}
