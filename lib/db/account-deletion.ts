// Deleting a member's account. One DELETE of the user row, inside a transaction: the schema's
// foreign keys remove what belonged only to them (avatar, OAuth accounts, one-time tokens, room
// memberships) and keep what others rely on (their messages, now by "Anonymous User", and the
// rooms they hosted, now without a host). Nothing is ever half-deleted.
import "server-only";
import { writeAuditEntry, type AuditEntryInput } from "./audit-log";
import { db } from "./client";
import { recountParticipants } from "./participants";

export interface DeletedAccount {
  /** Messages kept, now without an author. */
  messagesKept: number;
  /** Rooms kept, now without a host. */
  roomsKept: number;
}

/**
 * Deletes the user; null when there was no such user (e.g. a second, concurrent request). A
 * moderator's deletion passes `audit`, written in the same transaction.
 */
export async function deleteUserAccount({
  userId,
  audit,
}: {
  userId: string;
  audit?: (deleted: DeletedAccount) => AuditEntryInput;
}): Promise<DeletedAccount | null> {
  return db.$transaction(async (tx) => {
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
