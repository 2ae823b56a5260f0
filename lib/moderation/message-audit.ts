// The audit entry for a message a moderator deletes in the room itself (through lib/chat's
// deleteMessage, not the admin area), so that the audit log shows in-room moderation too.
// Written right after the soft delete; authors deleting their own words and hosts tidying their
// room are not moderator actions and leave no entry.
import "server-only";
import { findSessionUser } from "../db/users";
import { excerpt, recordAudit } from "../admin/audit";
import { log } from "../log";

export interface DeletedInRoom {
  actor: { id: string; role: "MEMBER" | "MODERATOR" | "ADMIN" };
  message: { id: number; body: string; author: { id: string; username: string } | null };
  room: { name?: string; slug: string };
}

/** Records the deletion when a moderator or admin deleted someone else's message; never throws. */
export async function auditInRoomDeletion({ actor, message, room }: DeletedInRoom): Promise<void> {
  if (actor.role === "MEMBER" || message.author?.id === actor.id) return;
  try {
    const user = await findSessionUser({ id: actor.id });
    if (!user) return;
    await recordAudit(
      user,
      "message.delete",
      { type: "message", id: message.id, label: excerpt(message.body) },
      `by ${message.author ? `@${message.author.username}` : "Anonymous User"} in ${room.name ?? `/rooms/${room.slug}`} (in the room)`,
    );
  } catch (error) {
    // The message is deleted either way; a missing entry is logged for the operators.
    log.error({ err: error, messageId: message.id }, "in-room message deletion not recorded in the audit log");
  }
}
