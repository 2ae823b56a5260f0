// The moderators' list of messages across rooms (app/admin/messages), filtered by room, author and
// text and paged by id either way, and the dashboard's count of today's messages.
import "server-only";
import { db } from "./client";
import type { Prisma } from "./generated/prisma/client";
import type { Role } from "./generated/prisma/enums";
import type { MessageAuthor } from "./message-author";
import { LIVE } from "./messages";
import { likeLiteral, readIdWindow, type IdWindowEdges, type WindowInput } from "./paging";
import { toUserSummary, userSummarySelect } from "./users";

export interface ListedMessage {
  id: number;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  room: { id: string; slug: string; name: string };
  author: MessageAuthor | null;
  /** The author's role, so the list offers Delete only where the viewer may (lib/admin/access.ts mayActOn). */
  authorRole: Role | null;
}

export interface SearchMessagesInput extends WindowInput {
  roomSlug?: string;
  username?: string;
  /** Text the body contains, any case. */
  q?: string;
}

export interface ListedMessagePage extends IdWindowEdges {
  messages: ListedMessage[];
}

const listedSelect = {
  id: true,
  body: true,
  createdAt: true,
  editedAt: true,
  room: { select: { id: true, slug: true, name: true } },
  author: { select: { ...userSummarySelect, role: true } },
} satisfies Prisma.MessageSelect;

/** The latest live messages across rooms, newest first, filtered; paged by id either way. */
export async function searchMessages(input: SearchMessagesInput = {}): Promise<ListedMessagePage> {
  const { roomSlug, username, q } = input;
  const where: Prisma.MessageWhereInput = {
    ...LIVE,
    ...(roomSlug ? { room: { slug: roomSlug } } : {}),
    ...(username ? { author: { username } } : {}),
    ...(q ? { body: { contains: likeLiteral(q), mode: "insensitive" } } : {}),
  };
  const { rows, ...edges } = await readIdWindow(input, 50, ({ id, order, take }) =>
    db.message.findMany({ where: { ...where, id }, orderBy: { id: order }, take, select: listedSelect }),
  );
  const messages = rows.map(({ author, ...row }) => ({
    ...row,
    author: author ? toUserSummary(author) : null,
    authorRole: author?.role ?? null,
  }));
  return { messages, ...edges };
}

/** Messages written since `since` (the dashboard's "today"), deleted ones excluded. */
export async function countMessagesSince({ since }: { since: Date }): Promise<number> {
  return db.message.count({ where: { createdAt: { gte: since }, ...LIVE } });
}
