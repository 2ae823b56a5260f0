// Per-room mutes and bans. A mute has an end; a ban lasts until lifted (until = null). At most
// one of each kind per member and room: muting again replaces the old mute. Lifting deletes the
// row; the audit log keeps the history. Room locks live on the Room row (lockedAt).
import "server-only";
import { db } from "./client";
import { writeAuditEntry, type AuditEntryInput } from "./audit-log";
import type { Prisma, RestrictionKind } from "./generated/prisma/client";
import { notFound } from "../errors";

/** Restrictions in force at `now`: bans without an end, and whatever ends later. */
export const inForce = (now: Date) =>
  ({ OR: [{ until: null }, { until: { gt: now } }] }) satisfies Prisma.RoomRestrictionWhereInput;

export interface ActiveRestriction {
  kind: RestrictionKind;
  until: Date | null;
  reason: string;
}

/** One in force as an admin page lists it; the page adds the room or the member it is about. */
export interface ListedRestriction extends ActiveRestriction {
  id: string;
}

export const listedRestrictionSelect = {
  id: true,
  kind: true,
  until: true,
  reason: true,
} satisfies Prisma.RoomRestrictionSelect;

export interface PostingState {
  room: { id: string; lockedAt: Date | null };
  restrictions: ActiveRestriction[];
}

/** Whether the room is locked and which restrictions of the member are in force at `now`. */
export async function findPostingState({
  roomId,
  userId,
  now = new Date(),
}: {
  roomId: string;
  userId: string | null;
  now?: Date;
}): Promise<PostingState | null> {
  const room = await db.room.findUnique({
    where: { id: roomId },
    select: {
      id: true,
      lockedAt: true,
      restrictions: {
        // A visitor (no user) has no restrictions; only the lock concerns them.
        where: { userId: userId ?? "", ...inForce(now) },
        select: { kind: true, until: true, reason: true },
        take: userId ? undefined : 0,
      },
    },
  });
  if (!room) return null;
  return { room: { id: room.id, lockedAt: room.lockedAt }, restrictions: room.restrictions };
}

/** The room and member the in-room dialog names, checked to exist. */
export async function findRoomAndMember({ roomSlug, userId }: { roomSlug: string; userId: string }) {
  const [room, user] = await Promise.all([
    db.room.findUnique({ where: { slug: roomSlug }, select: { id: true, slug: true, name: true } }),
    db.user.findUnique({ where: { id: userId }, select: { id: true, username: true, name: true, role: true } }),
  ]);
  if (!room) throw notFound("room", "This room no longer exists.");
  if (!user) throw notFound("user", "This member no longer exists.");
  return { room, user };
}

export async function listMemberRestrictions({
  roomId,
  userId,
  now = new Date(),
}: {
  roomId: string;
  userId: string;
  now?: Date;
}): Promise<ActiveRestriction[]> {
  return db.roomRestriction.findMany({
    where: { roomId, userId, ...inForce(now) },
    select: { kind: true, until: true, reason: true },
  });
}

/** Writes of another module run inside a transaction of this one (lib/db/reports.ts resolveOpenReports). */
export type Alongside = (tx: Prisma.TransactionClient) => Promise<void>;

/** Mutes or bans (replacing an earlier one of the same kind). */
export async function setRestriction({
  roomId,
  userId,
  kind,
  until,
  reason,
  byId,
  audit,
  alongside,
}: {
  roomId: string;
  userId: string;
  kind: RestrictionKind;
  until: Date | null;
  reason: string;
  byId: string;
  audit: AuditEntryInput;
  /** The caller's own writes in the same transaction (resolving reports); throwing rolls the restriction back. */
  alongside?: Alongside;
}): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.roomRestriction.upsert({
      where: { roomId_userId_kind: { roomId, userId, kind } },
      create: { roomId, userId, kind, until, reason, createdById: byId },
      update: { until, reason, createdById: byId, createdAt: new Date() },
    });
    if (alongside) await alongside(tx);
    await writeAuditEntry(audit, tx);
  });
}

/** Lifts a mute or ban; false (and no audit entry) when there was none. */
export async function liftRestriction({
  roomId,
  userId,
  kind,
  audit,
}: {
  roomId: string;
  userId: string;
  kind: RestrictionKind;
  audit: AuditEntryInput;
}): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.roomRestriction.deleteMany({ where: { roomId, userId, kind } });
    if (count > 0) await writeAuditEntry(audit, tx);
    return count > 0;
  });
}
