// Room membership. Room.participantCount mirrors the Participant rows so that the feed can sort
// by it on an index; every change of membership goes through here (or recounts) to keep it true.
import "server-only";
import { db } from "./client";
import type { Prisma } from "./generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** Adds the member to the room if they are not in it yet; true when they were added. */
export async function addParticipant({ roomId, userId }: { roomId: string; userId: string }, tx?: Tx): Promise<boolean> {
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
