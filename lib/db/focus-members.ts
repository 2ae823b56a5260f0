// Members of focus sessions: joining (a new stint each time, the goal kept unless a new one is given), leaving
// (closing the open stint), goals and the hold preference, and the lists the room shows. Joins and leaves lock the
// session's row, so none slips past a concurrent stop or end (./focus-sessions.ts closes stints under the same lock).
import "server-only";
import { db } from "./client";
import type { Prisma } from "./generated/prisma/client";
import { toUserSummary, userSummarySelect, type UserSummary } from "./users";

type Tx = Prisma.TransactionClient;

/** Locks the session's row; false when it does not exist or has ended (endedAt set). */
async function lockRunning(tx: Tx, sessionId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ running: boolean }[]>`
    SELECT "endedAt" IS NULL AS running FROM "FocusSession" WHERE id = ${sessionId} FOR UPDATE`;
  return rows[0]?.running ?? false;
}

export type FocusJoinOutcome = { joined: boolean } | { refused: "ended" };

/**
 * Joins the member (`joined: false` when already in it: the goal and preference are still updated). `goal` undefined
 * keeps the one given before (a rejoin), null removes it.
 */
export async function joinFocusSession({
  sessionId,
  userId,
  goal,
  holdMessages,
  now,
}: {
  sessionId: string;
  userId: string;
  goal: string | null | undefined;
  holdMessages: boolean | undefined;
  now: Date;
}): Promise<FocusJoinOutcome> {
  return db.$transaction(async (tx) => {
    if (!(await lockRunning(tx, sessionId))) return { refused: "ended" as const };
    await tx.focusMember.upsert({
      where: { sessionId_userId: { sessionId, userId } },
      create: { sessionId, userId, goal: goal ?? null, holdMessages: holdMessages ?? false },
      update: { goal, holdMessages },
    });
    const open = await tx.focusStint.findFirst({ where: { sessionId, userId, endedAt: null }, select: { id: true } });
    if (open) return { joined: false };
    await tx.focusStint.create({ data: { sessionId, userId, startedAt: now } });
    return { joined: true };
  });
}

/** Closes the member's open stint at `now`; false when they were not joined. */
export async function leaveFocusSession({
  sessionId,
  userId,
  now,
}: {
  sessionId: string;
  userId: string;
  now: Date;
}): Promise<boolean> {
  return db.$transaction(async (tx) => {
    await lockRunning(tx, sessionId);
    const { count } = await tx.focusStint.updateMany({
      where: { sessionId, userId, endedAt: null },
      data: { endedAt: now },
    });
    return count > 0;
  });
}

/** Changes a joined member's goal or hold preference; false when they are not joined (or the session ended). */
export async function updateFocusMember({
  sessionId,
  userId,
  goal,
  holdMessages,
}: {
  sessionId: string;
  userId: string;
  goal: string | null | undefined;
  holdMessages: boolean | undefined;
}): Promise<boolean> {
  return db.$transaction(async (tx) => {
    if (!(await lockRunning(tx, sessionId))) return false;
    const open = await tx.focusStint.findFirst({ where: { sessionId, userId, endedAt: null }, select: { id: true } });
    if (!open) return false;
    await tx.focusMember.update({ where: { sessionId_userId: { sessionId, userId } }, data: { goal, holdMessages } });
    return true;
  });
}

/** Records whether the member reached their goal. */
export async function markFocusGoal({
  sessionId,
  userId,
  done,
}: {
  sessionId: string;
  userId: string;
  done: boolean;
}): Promise<void> {
  await db.focusMember.update({ where: { sessionId_userId: { sessionId, userId } }, data: { goalDone: done } });
}

export interface FocusMemberRow {
  user: UserSummary;
  goal: string | null;
  goalDone: boolean | null;
  holdMessages: boolean;
  /** An open stint: in the session now. */
  joined: boolean;
}

const memberSelect = {
  goal: true,
  goalDone: true,
  holdMessages: true,
  user: { select: userSummarySelect },
} satisfies Prisma.FocusMemberSelect;

/** One member of the session (joined now or before), or null. */
export async function findFocusMember({
  sessionId,
  userId,
}: {
  sessionId: string;
  userId: string;
}): Promise<FocusMemberRow | null> {
  const [member, open] = await Promise.all([
    db.focusMember.findUnique({ where: { sessionId_userId: { sessionId, userId } }, select: memberSelect }),
    db.focusStint.count({ where: { sessionId, userId, endedAt: null } }),
  ]);
  return member && { ...member, user: toUserSummary(member.user), joined: open > 0 };
}

/** The members joined now, first joined first, at most `take`. */
export async function listJoinedFocusMembers({
  sessionId,
  take,
}: {
  sessionId: string;
  take: number;
}): Promise<FocusMemberRow[]> {
  const rows = await db.focusMember.findMany({
    where: { sessionId, user: { focusStints: { some: { sessionId, endedAt: null } } } },
    orderBy: [{ createdAt: "asc" }, { userId: "asc" }],
    take,
    select: memberSelect,
  });
  return rows.map((row) => ({ ...row, user: toUserSummary(row.user), joined: true }));
}

/**
 * Closes the member's open stints at `now` in sessions still running (of one room, or everywhere): a ban or a
 * deactivation ends their time in focus sessions. The sessions and rooms affected, for the announcement.
 */
export async function closeOpenFocusStints({
  userId,
  roomId,
  now,
}: {
  userId: string;
  roomId?: string;
  now: Date;
}): Promise<Array<{ sessionId: string; roomId: string }>> {
  const open = await db.focusStint.findMany({
    where: { userId, endedAt: null, session: { endedAt: null, ...(roomId ? { roomId } : {}) } },
    select: { id: true, sessionId: true, session: { select: { roomId: true } } },
  });
  if (open.length === 0) return [];
  await db.focusStint.updateMany({
    where: { id: { in: open.map((s) => s.id) }, endedAt: null },
    data: { endedAt: now },
  });
  return open.map((stint) => ({ sessionId: stint.sessionId, roomId: stint.session.roomId }));
}
