// Moderators' writes on a room besides create, edit and delete (lib/db/rooms.ts): a new host and
// the lock, each with its audit entry in the same transaction.
import "server-only";
import { db } from "./client";
import { writeAuditEntry, type AuditEntryInput } from "./audit-log";
import { addParticipant } from "./participants";
import { notFound } from "../errors";

/** Makes `hostId` the room's host (and a participant). */
export async function reassignRoomHost({
  id,
  hostId,
  audit,
}: {
  id: string;
  hostId: string;
  audit: (info: { room: { id: string; name: string }; previous: string | null }) => AuditEntryInput;
}) {
  return db.$transaction(async (tx) => {
    const room = await tx.room.findUnique({
      where: { id },
      select: { id: true, name: true, slug: true, host: { select: { username: true } } },
    });
    if (!room) throw notFound("room", "This room no longer exists.");
    await tx.room.update({ where: { id }, data: { hostId } });
    await addParticipant({ roomId: id, userId: hostId }, tx);
    await writeAuditEntry(audit({ room, previous: room.host?.username ?? null }), tx);
    return room;
  });
}

/** Locks (read-only) or unlocks the room; `changed` is false when it already was. */
export async function setRoomLock({
  id,
  locked,
  byId,
  audit,
}: {
  id: string;
  locked: boolean;
  byId: string;
  audit: (room: { id: string; name: string }) => AuditEntryInput;
}) {
  return db.$transaction(async (tx) => {
    // Description and topic too: the caller tells open rooms (`room:updated` carries them all).
    const room = await tx.room.findUnique({
      where: { id },
      select: {
        id: true,
        name: true,
        slug: true,
        description: true,
        lockedAt: true,
        topic: { select: { name: true, slug: true } },
      },
    });
    if (!room) throw notFound("room", "This room no longer exists.");
    if ((room.lockedAt !== null) === locked) return { room, changed: false };
    await tx.room.update({
      where: { id },
      data: locked ? { lockedAt: new Date(), lockedById: byId } : { lockedAt: null, lockedById: null },
    });
    await writeAuditEntry(audit(room), tx);
    return { room, changed: true };
  });
}
