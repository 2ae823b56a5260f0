// Deleting messages, written once for every place that does it: the room (its author, the room's
// host, a moderator), My activity (the author) and the admin area (one message, or all of a
// member's). Soft delete: the body is blanked and the id keeps its place. A moderator's delete of
// someone else's words is audited in the same transaction; the rooms hear `message:deleted` after.
// Only admins delete what moderators and admins wrote (mayActOn, lib/admin/access.ts).
import "server-only";
import { assertMayActOn } from "../admin/access";
import { auditEntry, excerpt } from "../admin/audit";
import type { OperationContext } from "../admin/operation";
import { enforce } from "../auth/rate-limit";
import type { AuditEntryInput } from "../db/audit-log";
import {
  findMessageForDeletion,
  softDeleteMessage,
  softDeleteMessagesOf,
  type MessageForDeletion,
  type MessageRef,
} from "../db/messages";
import { findMemberTarget } from "../db/member-status";
import { findChatRoom } from "../db/room-lookup";
import type { SessionUser } from "../db/users";
import { forbidden, notFound } from "../errors";
import { publishMessageDeleted } from "../realtime/events";
import { canManageRoom } from "../rooms/permissions";
import { messageIdSchema } from "../validation/messages";
import { requireActive } from "./actor";

/** Who deletes: the rules need the role, the audit log the username. */
export type MessageDeleter = Pick<SessionUser, "id" | "username" | "role" | "emailVerified" | "deactivated">;

/** The admin area's entry maker (lib/admin/perform.ts), which names the action being run. */
type AuditMaker = OperationContext<unknown>["audit"];

export interface DeletedMessage extends MessageRef {
  /** False when it was already deleted (a second click, another tab): nothing changed. */
  changed: boolean;
  /** Whose open reports of it this deletion resolved (as deleted). */
  reporterIds: string[];
}

/**
 * Every admin-area deletion is audited; elsewhere only a moderator's delete of someone else's message, since authors
 * taking back their words and hosts tidying their room are not moderator actions.
 */
function auditOf(deleter: MessageDeleter, message: MessageForDeletion, audit?: AuditMaker): AuditEntryInput | null {
  const target = { type: "message", id: message.id, label: excerpt(message.body) } as const;
  const detail = `by ${message.author ? `@${message.author.username}` : "Anonymous User"} in ${message.room.name}`;
  if (audit) return audit(target, detail);
  if (deleter.role === "MEMBER" || message.authorId === deleter.id) return null;
  return auditEntry(deleter, "message.delete", target, `${detail} (in the room)`);
}

/**
 * Soft-deletes for the author, the room's host or a moderator (only the author with `ownOnly`; others 403), then tells
 * the room. Deleting a deleted message changes nothing and sends no second event.
 */
export async function deleteMessage({
  actor,
  messageId,
  slug,
  ownOnly = false,
  audit,
}: {
  actor: MessageDeleter | null;
  messageId: unknown;
  /** The room's own API: the room must exist (404), and a message of another room is not found here. */
  slug?: string;
  /** My activity lists the caller's own messages: there, only the author may delete. */
  ownOnly?: boolean;
  audit?: AuditMaker;
}): Promise<DeletedMessage> {
  const deleter = requireActive(actor);
  // Members only: moderators clearing a flood must not wait, and their deletes are audited.
  if (deleter.role === "MEMBER" && !audit)
    await enforce("messageDelete", deleter.id, "You are deleting messages too fast.");
  const room = slug === undefined ? null : await findChatRoom({ slug });
  if (slug !== undefined && !room) throw notFound("room", "This room does not exist (any more).");
  const id = messageIdSchema.safeParse(messageId);
  const message = id.success ? await findMessageForDeletion({ id: id.data }) : null;
  if (!message || (room && message.roomId !== room.id)) {
    throw notFound("message", room ? "This message does not exist." : "This message no longer exists.");
  }
  const isAuthor = message.authorId !== null && message.authorId === deleter.id;
  if (ownOnly && !isAuthor) throw forbidden("message", "You can only delete your own messages.");
  if (!isAuthor && !canManageRoom(deleter, message.room)) {
    throw forbidden("message", "Only the author, the room's host or a moderator can delete this message.");
  }
  if (!isAuthor && message.authorId && message.author)
    assertMayActOn(deleter, { id: message.authorId, role: message.author.role }, "delete a message of");
  const ref = { id: message.id, roomId: message.roomId };
  if (message.deletedAt) return { ...ref, changed: false, reporterIds: [] };
  const { changed, reporterIds } = await softDeleteMessage({
    id: message.id,
    audit: auditOf(deleter, message, audit) ?? undefined,
    resolvedById: isAuthor ? null : deleter.id,
  });
  // Stored first: a realtime failure is logged by publish, and open rooms catch up by id.
  if (changed) await publishMessageDeleted({ roomId: message.roomId, messageId: message.id });
  return { ...ref, changed, reporterIds };
}

/** Tells each room, a few at a time, so a clean-up of thousands does not open thousands of requests at once. */
export async function publishDeletions(messages: MessageRef[], concurrency = 8): Promise<void> {
  for (let i = 0; i < messages.length; i += concurrency) {
    await Promise.all(
      messages.slice(i, i + concurrency).map((m) => publishMessageDeleted({ roomId: m.roomId, messageId: m.id })),
    );
  }
}

/**
 * A moderator's clean-up: soft-deletes every live message of the member (only in `roomId` when
 * given), audited as one entry in the same transaction, then tells each room. Returns what was deleted.
 */
export async function deleteMessagesOf({
  actor,
  userId,
  roomId,
  audit,
}: {
  actor: MessageDeleter | null;
  userId: string;
  roomId?: string;
  audit: AuditMaker;
}): Promise<MessageRef[]> {
  const deleter = requireActive(actor);
  if (deleter.role === "MEMBER") throw forbidden("message", "Only moderators can delete a member's messages.");
  const author = await findMemberTarget({ id: userId });
  if (!author) throw notFound("user", "This member no longer exists.");
  assertMayActOn(deleter, author, "delete the messages of");
  const result = await softDeleteMessagesOf({
    authorId: userId,
    roomId,
    audit: ({ username, roomName, count }) =>
      audit(
        { type: "user", id: userId, label: `@${username}` },
        `${count} message${count === 1 ? "" : "s"} deleted${roomName ? ` in ${roomName}` : " in every room"}`,
      ),
  });
  if ("missing" in result) {
    throw result.missing === "user"
      ? notFound("user", "This member no longer exists.")
      : notFound("room", "This room no longer exists.");
  }
  await publishDeletions(result.deleted);
  return result.deleted;
}
