// Room membership. Room.participantCount mirrors the Participant rows so that the feed can sort
// by it on an index; every change of membership goes through here (or recounts) to keep it true.
import "server-only";
import { db } from "./client";
import type { Prisma } from "./generated/prisma/client";
import type { MessageAuthor } from "./message-author";
import { toUserSummary, userSummarySelect } from "./users";

type Tx = Prisma.TransactionClient;

/** Adds the member to the room if they are not in it yet; true when they were added. */
export async function addParticipant(
  { roomId, userId }: { roomId: string; userId: string },
  tx?: Tx,
): Promise<boolean> {
  const run = async (t: Tx) => {
    const { count } = await t.participant.createMany({ data: [{ roomId, userId }], skipDuplicates: true });
    if (count === 1) await t.room.update({ where: { id: roomId }, data: { participantCount: { increment: 1 } } });
    return count === 1;
  };
  return tx ? run(tx) : db.$transaction(run);
}

/** Removes the member from the room; true when they were in it. */
export async function removeParticipant({ roomId, userId }: { roomId: string; userId: string }): Promise<boolean> {
  return db.$transaction(async (t) => {
    const { count } = await t.participant.deleteMany({ where: { roomId, userId } });
    if (count === 1) await t.room.update({ where: { id: roomId }, data: { participantCount: { decrement: 1 } } });
    return count === 1;
  });
}

export async function isParticipant({ roomId, userId }: { roomId: string; userId: string }): Promise<boolean> {
  return (await db.participant.count({ where: { roomId, userId } })) === 1;
}

/** Sets the counter of each room from its rows: after bulk inserts (seed) or cascaded deletes. */
export async function recountParticipants({ roomIds }: { roomIds: string[] }, tx?: Tx): Promise<void> {
  if (roomIds.length === 0) return;
  const t = tx ?? db;
  await t.$executeRaw`
    UPDATE "Room" r SET "participantCount" = (SELECT count(*) FROM "Participant" p WHERE p."roomId" = r.id)
    WHERE r.id = ANY(${roomIds}::text[])`;
}

// ---- The people panel (components/presence/room-people.tsx) --------------------------------

export interface RoomParticipant extends MessageAuthor {
  joinedAt: Date;
}

export interface RoomParticipantList {
  /** Null when the room has no host (deleted account) or does not exist. */
  hostId: string | null;
  /** Every participant with an active account, not only those listed. */
  total: number;
  /** The most recent first (by joining), at most `limit`. */
  participants: RoomParticipant[];
}

/** A page of the panel is small; this bounds what a caller can ask for. */
export const MAX_PARTICIPANT_PAGE = 200;

// Deactivated accounts are not shown as people in a room (nor counted): they cannot come back.
const activeParticipant = (roomId: string) =>
  ({ roomId, user: { deactivatedAt: null } }) satisfies Prisma.ParticipantWhereInput;

export async function countRoomParticipants({ roomId }: { roomId: string }): Promise<number> {
  return db.participant.count({ where: activeParticipant(roomId) });
}

/** The room's participants with what the panel shows of them, the newest first, and the host. */
export async function listRoomParticipants({
  roomId,
  limit,
}: {
  roomId: string;
  limit: number;
}): Promise<RoomParticipantList> {
  const take = Math.min(Math.max(1, Math.floor(limit)), MAX_PARTICIPANT_PAGE);
  const [room, total, rows] = await Promise.all([
    db.room.findUnique({ where: { id: roomId }, select: { hostId: true } }),
    countRoomParticipants({ roomId }),
    db.participant.findMany({
      where: activeParticipant(roomId),
      orderBy: [{ joinedAt: "desc" }, { userId: "asc" }],
      take,
      select: { joinedAt: true, user: { select: userSummarySelect } },
    }),
  ]);
  return {
    hostId: room?.hostId ?? null,
    total,
    participants: rows.map(({ joinedAt, user }) => ({ ...toUserSummary(user), joinedAt })),
  };
}
