// A room's pins: pinning under the room's row lock (so concurrent pins never pass the room's limit) with a moderator's
// audit entry in the same transaction, unpinning, and the list the room shows. Deleting a message drops its pin
// (./messages.ts softDeleteMessage; a hard delete cascades).
import "server-only";
import { db } from "./client";
import { writeAuditEntry, type AuditEntryInput } from "./audit-log";
import { MAX_MESSAGE_ID } from "../validation/messages";

/** What the audit entry and the answer name: the message's words and the room. */
export interface PinTarget {
  room: { id: string; name: string };
  message: { id: number; body: string };
}

export type PinOutcome = { ok: true; changed: boolean } | { refused: "message_missing" | "message_deleted" | "limit" };

/**
 * Pins the message in the room unless it is in another room (or none), deleted, or the room already holds `limit`
 * pins. Pinning a pinned message changes nothing (`changed: false`, no audit entry).
 */
export async function pinRoomMessage({
  roomId,
  messageId,
  pinnedById,
  limit,
  audit,
}: {
  roomId: string;
  messageId: number;
  pinnedById: string;
  limit: number;
  audit?: (target: PinTarget) => AuditEntryInput;
}): Promise<PinOutcome> {
  if (messageId > MAX_MESSAGE_ID) return { refused: "message_missing" };
  return db.$transaction(async (tx) => {
    // The room's row lock makes count-then-insert atomic across concurrent pins; the message's share lock makes a
    // concurrent delete wait, then remove this pin.
    const rooms = await tx.$queryRaw<{ id: string; name: string }[]>`
      SELECT id, name FROM "Room" WHERE id = ${roomId} FOR UPDATE`;
    const messages = await tx.$queryRaw<{ id: number; body: string; deletedAt: Date | null }[]>`
      SELECT id, body, "deletedAt" FROM "Message" WHERE id = ${messageId} AND "roomId" = ${roomId} FOR SHARE`;
    const room = rooms[0];
    const message = messages[0];
    if (!room || !message) return { refused: "message_missing" };
    if (message.deletedAt) return { refused: "message_deleted" };
    if (await tx.pin.findUnique({ where: { messageId }, select: { id: true } })) return { ok: true, changed: false };
    if ((await tx.pin.count({ where: { roomId } })) >= limit) return { refused: "limit" };
    await tx.pin.create({ data: { roomId, messageId, pinnedById } });
    if (audit) await writeAuditEntry(audit({ room, message }), tx);
    return { ok: true, changed: true };
  });
}

/** Unpins; false when the message (of this room) was not pinned. */
export async function unpinRoomMessage({
  roomId,
  messageId,
  audit,
}: {
  roomId: string;
  messageId: number;
  audit?: (target: PinTarget) => AuditEntryInput;
}): Promise<boolean> {
  if (messageId > MAX_MESSAGE_ID) return false;
  return db.$transaction(async (tx) => {
    const pin = await tx.pin.findFirst({
      where: { roomId, messageId },
      select: { id: true, room: { select: { id: true, name: true } }, message: { select: { id: true, body: true } } },
    });
    if (!pin) return false;
    const { count } = await tx.pin.deleteMany({ where: { id: pin.id } });
    if (count === 1 && audit) await writeAuditEntry(audit({ room: pin.room, message: pin.message }), tx);
    return count === 1;
  });
}

export interface PinRow {
  messageId: number;
  pinnedAt: Date;
  message: { body: string; createdAt: Date; author: { name: string; username: string } | null };
}

/** The room's pins of live messages, newest pin first. */
export async function listRoomPins({ roomId }: { roomId: string }): Promise<PinRow[]> {
  const rows = await db.pin.findMany({
    where: { roomId, message: { deletedAt: null } },
    orderBy: [{ createdAt: "desc" }, { messageId: "desc" }],
    select: {
      messageId: true,
      createdAt: true,
      message: { select: { body: true, createdAt: true, author: { select: { name: true, username: true } } } },
    },
  });
  return rows.map(({ createdAt, ...row }) => ({ ...row, pinnedAt: createdAt }));
}

/** The ids of the room's pinned live messages, newest pin first (what `pins:updated` carries). */
export async function listRoomPinIds({ roomId }: { roomId: string }): Promise<number[]> {
  const rows = await db.pin.findMany({
    where: { roomId, message: { deletedAt: null } },
    orderBy: [{ createdAt: "desc" }, { messageId: "desc" }],
    select: { messageId: true },
  });
  return rows.map((row) => row.messageId);
}
