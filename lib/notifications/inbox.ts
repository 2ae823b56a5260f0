// A member's notifications inbox: mentions of them, replies to their messages and the outcome of their reports, newest
// first, a page at a time, each linking to the message in its room; marking entries read. Called by the inbox's route
// handlers and page, for the signed-in caller only.
import "server-only";
import { requireActive } from "../chat/actor";
import { messageHref } from "../chat/client/jump";
import {
  countUnreadNotifications,
  listNotifications,
  markNotificationsRead,
  type InboxEntry,
} from "../db/notifications";
import type { SessionUser } from "../db/users";
import { parseInput } from "../errors";
import { INBOX_PAGE_SIZE, inboxQuerySchema, markReadSchema } from "../validation/notifications";

type Reader = Pick<SessionUser, "id" | "deactivated"> | null;

/** An entry as the inbox shows it (JSON). */
export interface InboxItem {
  id: number;
  /** "answer": a reply to the member's question; "accepted": their answer was accepted. */
  kind: "mention" | "reply" | "answer" | "accepted" | "report";
  /** For a report: what moderators did. */
  outcome: string | null;
  createdAt: string;
  read: boolean;
  actor: { name: string; username: string; avatarUrl: string | null } | null;
  message: { id: number; excerpt: string; deleted: boolean; room: { slug: string; name: string } };
  /** The message in its room (jump to a message). */
  href: string;
}

export interface InboxPage {
  entries: InboxItem[];
  hasOlder: boolean;
  unread: number;
}

const KINDS: Record<InboxEntry["kind"] | "ANSWER", InboxItem["kind"]> = {
  MENTION: "mention",
  REPLY: "reply",
  ANSWER: "answer",
  ACCEPTED: "accepted",
  REPORT: "report",
};

function toItem(entry: InboxEntry): InboxItem {
  const { actor, message } = entry;
  return {
    id: entry.id,
    kind: KINDS[entry.kind === "REPLY" && entry.answersQuestion ? "ANSWER" : entry.kind],
    outcome: entry.outcome,
    createdAt: entry.createdAt.toISOString(),
    read: entry.readAt !== null,
    actor: actor && { name: actor.name, username: actor.username, avatarUrl: actor.avatarUrl },
    message,
    href: messageHref(message.room.slug, message.id),
  };
}

/** A page of the caller's inbox (`query.before`: the oldest entry id already shown) and their unread count. */
export async function readInbox({ reader, query }: { reader: Reader; query: unknown }): Promise<InboxPage> {
  const { id: userId } = requireActive(reader);
  const { before } = parseInput(inboxQuerySchema, query);
  const [page, unread] = await Promise.all([
    listNotifications({ userId, before: before ?? null, limit: INBOX_PAGE_SIZE }),
    countUnreadNotifications({ userId }),
  ]);
  return { entries: page.entries.map(toItem), hasOlder: page.hasOlder, unread };
}

/** The caller's unread count (the header's bell). */
export async function unreadNotifications({ reader }: { reader: Reader }): Promise<number> {
  return countUnreadNotifications({ userId: requireActive(reader).id });
}

/** Marks the caller's entries read (`{ ids }`, or `{ all: true, upTo? }`); answers the unread count after. */
export async function markRead({ reader, input }: { reader: Reader; input: unknown }): Promise<{ unread: number }> {
  const { id: userId } = requireActive(reader);
  const parsed = parseInput(markReadSchema, input);
  await markNotificationsRead(
    "ids" in parsed ? { userId, ids: parsed.ids, now: new Date() } : { userId, upTo: parsed.upTo, now: new Date() },
  );
  return { unread: await countUnreadNotifications({ userId }) };
}
