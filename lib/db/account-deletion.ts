// Deleting a member's account. One DELETE of the user row, inside a transaction: the schema's
// foreign keys remove what belonged only to them (avatar, OAuth accounts, one-time tokens, room
// memberships) and keep what others rely on (their messages, now by "Anonymous User", and the
// rooms they hosted, now without a host). Nothing is ever half-deleted, and the last active admin
// is never deleted (./last-admin.ts, in the same transaction).
import "server-only";
import { writeAuditEntry, type AuditEntryInput } from "./audit-log";
import { db } from "./client";
import { assertAdminRemains } from "./last-admin";
import { recountParticipants } from "./participants";

export interface DeletedAccount {
  /** Messages kept, now without an author. */
  messagesKept: number;
  /** Rooms kept, now without a host. */
  roomsKept: number;
}

/**
 * Deletes the user; null when there was no such user (e.g. a second, concurrent request). A
 * moderator's deletion passes `audit`, written in the same transaction; without it the member is
 * deleting their own account. Refuses (409 conflict:last_admin) to delete the only active admin.
 */
export async function deleteUserAccount({
  userId,
  audit,
}: {
  userId: string;
  audit?: (deleted: DeletedAccount) => AuditEntryInput;
}): Promise<DeletedAccount | null> {
  return db.$transaction(async (tx) => {
    await assertAdminRemains(tx, {
      userId,
      what: audit ? "their account cannot be deleted" : "you cannot delete your account",
      self: !audit,
    });
    // Counted inside the transaction, before the row goes, for the caller's log and message.
    const messagesKept = await tx.message.count({ where: { authorId: userId } });
    const roomsKept = await tx.room.count({ where: { hostId: userId } });
    const joined = await tx.participant.findMany({ where: { userId }, select: { roomId: true } });
    const { count } = await tx.user.deleteMany({ where: { id: userId } });
    if (count === 0) return null;
    // Their memberships went with the row; the rooms' counters follow.
    await recountParticipants({ roomIds: joined.map((p) => p.roomId) }, tx);
    if (audit) await writeAuditEntry(audit({ messagesKept, roomsKept }), tx);
    return { messagesKept, roomsKept };
  });
}
