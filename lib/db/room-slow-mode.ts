// A room's slow mode: the host's or a moderator's setting (with the moderator's audit entry in the same transaction),
// and a member's last turn as the send statement keeps it (./message-send.ts), for the page's countdown.
import "server-only";
import { db } from "./client";
import { writeAuditEntry, type AuditEntryInput } from "./audit-log";
import { notFound } from "../errors";
import { SLOW_MODE_MAX_SECONDS } from "../validation/slow-mode";

export interface SlowModeChange {
  /** What `room:updated` carries besides the setting. */
  room: { id: string; slug: string; name: string; description: string; topic: { name: string; slug: string } };
  previous: number;
  seconds: number;
}

/** Sets the room's wait between a member's messages (0: off); `audit` gets the room and the setting it replaces. */
export async function setRoomSlowMode({
  id,
  seconds,
  audit,
}: {
  id: string;
  seconds: number;
  audit?: (info: { room: { id: string; name: string }; previous: number }) => AuditEntryInput;
}): Promise<SlowModeChange> {
  return db.$transaction(async (tx) => {
    // The row lock orders concurrent setters, so each audit entry names the setting it really replaced.
    await tx.$queryRaw`SELECT id FROM "Room" WHERE id = ${id} FOR UPDATE`;
    const before = await tx.room.findUnique({
      where: { id },
      select: {
        id: true,
        slug: true,
        name: true,
        description: true,
        slowModeSeconds: true,
        topic: { select: { name: true, slug: true } },
      },
    });
    if (!before) throw notFound("room", "This room no longer exists.");
    const { slowModeSeconds: previous, ...room } = before;
    if (previous !== seconds) await tx.room.update({ where: { id }, data: { slowModeSeconds: seconds } });
    if (audit) await writeAuditEntry(audit({ room, previous }), tx);
    return { room, previous, seconds };
  });
}

/** When the member last took a turn in slow mode (their last send while it was on), or null. */
export async function findLastSlowModeTurn({ key }: { key: string }): Promise<Date | null> {
  const row = await db.rateLimit.findUnique({ where: { key }, select: { expire: true } });
  return row?.expire ? new Date(row.expire.getTime() - SLOW_MODE_MAX_SECONDS * 1000) : null;
}

export async function findRoomSlowMode({ roomId }: { roomId: string }): Promise<number | null> {
  const room = await db.room.findUnique({ where: { id: roomId }, select: { slowModeSeconds: true } });
  return room?.slowModeSeconds ?? null;
}
