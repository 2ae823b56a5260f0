// Focus sessions: starting (one running per room, by the partial unique index FocusSession_one_running_per_room),
// stopping and ending on schedule (each closing the session's open stints in the same transaction), the announcer's
// conditional phase step, and the reads the room shows. Times come from the app's clock (lib/focus/sessions.ts).
import "server-only";
import { scheduledEnd, scheduleOfStored } from "../focus/schedule";
import { writeAuditEntry, type AuditEntryInput } from "./audit-log";
import { db } from "./client";
import type { Prisma } from "./generated/prisma/client";
import { isUniqueViolation } from "./unique-violation";
import { toUserSummary, userSummarySelect, type UserSummary } from "./users";

type Tx = Prisma.TransactionClient;

export interface FocusSessionRow {
  id: string;
  roomId: string;
  startedById: string | null;
  focusSeconds: number;
  breakSeconds: number;
  rounds: number;
  startedAt: Date;
  endedAt: Date | null;
  announcedPhase: number;
  startedBy: UserSummary | null;
  stoppedBy: UserSummary | null;
  /** Members joined now (open stints). */
  memberCount: number;
}

const sessionSelect = {
  id: true,
  roomId: true,
  startedById: true,
  focusSeconds: true,
  breakSeconds: true,
  rounds: true,
  startedAt: true,
  endedAt: true,
  announcedPhase: true,
  startedBy: { select: userSummarySelect },
  stoppedBy: { select: userSummarySelect },
  _count: { select: { stints: { where: { endedAt: null } } } },
} satisfies Prisma.FocusSessionSelect;

function toRow(row: Prisma.FocusSessionGetPayload<{ select: typeof sessionSelect }>): FocusSessionRow {
  const { _count, startedBy, stoppedBy, ...rest } = row;
  return {
    ...rest,
    startedBy: startedBy && toUserSummary(startedBy),
    stoppedBy: stoppedBy && toUserSummary(stoppedBy),
    memberCount: _count.stints,
  };
}

/** The scheduled end of a stored session, by the schedule's one definition. */
const scheduledEndOf = (s: Parameters<typeof scheduleOfStored>[0]) => new Date(scheduledEnd(scheduleOfStored(s)));

/** Sets endedAt (when still null) and closes the open stints at the same time; false when it had ended already. */
async function endSession(tx: Tx, sessionId: string, endedAt: Date, stoppedById?: string): Promise<boolean> {
  const { count } = await tx.focusSession.updateMany({
    where: { id: sessionId, endedAt: null },
    data: { endedAt, ...(stoppedById ? { stoppedById } : {}) },
  });
  if (count === 0) return false;
  // Stints opened after `endedAt` cannot exist (joins lock the session row and check it runs), so none ends early.
  await tx.focusStint.updateMany({ where: { sessionId, endedAt: null }, data: { endedAt } });
  return true;
}

export type FocusStartOutcome =
  | { started: FocusSessionRow; ended: string[] }
  | { refused: "running"; running: FocusSessionRow | null; ended: string[] };

/**
 * Ends the room's sessions whose schedule is over (at their scheduled end), then starts one, in one transaction. A
 * session still running, or a concurrent start that got in first (the unique index), refuses it.
 */
export async function startFocusSession(input: {
  roomId: string;
  startedById: string;
  focusSeconds: number;
  breakSeconds: number;
  rounds: number;
  now: Date;
}): Promise<FocusStartOutcome> {
  const { now, ...fields } = input;
  const { roomId } = fields;
  const ended: string[] = [];
  try {
    return await db.$transaction(async (tx) => {
      const open = await tx.focusSession.findMany({ where: { roomId, endedAt: null }, select: sessionSelect });
      for (const session of open) {
        const end = scheduledEndOf(session);
        if (end.getTime() <= now.getTime() && (await endSession(tx, session.id, end))) ended.push(session.id);
      }
      const running = open.find((session) => !ended.includes(session.id));
      if (running) return { refused: "running" as const, running: toRow(running), ended };
      const started = await tx.focusSession.create({
        data: { ...fields, startedAt: now },
        select: sessionSelect,
      });
      return { started: toRow(started), ended };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Another start committed first; what this one ended was rolled back (the winner ended it too).
    return { refused: "running", running: await findRunningFocusSession({ roomId }), ended: [] };
  }
}

/** The room's session with no endedAt (its schedule may be over: the announcer has not ended it yet). */
export async function findRunningFocusSession({ roomId }: { roomId: string }): Promise<FocusSessionRow | null> {
  const row = await db.focusSession.findFirst({ where: { roomId, endedAt: null }, select: sessionSelect });
  return row && toRow(row);
}

/** The room's latest session, running or not. */
export async function findLatestFocusSession({ roomId }: { roomId: string }): Promise<FocusSessionRow | null> {
  const row = await db.focusSession.findFirst({
    where: { roomId },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    select: sessionSelect,
  });
  return row && toRow(row);
}

export async function findFocusSession({ id }: { id: string }): Promise<FocusSessionRow | null> {
  const row = await db.focusSession.findUnique({ where: { id }, select: sessionSelect });
  return row && toRow(row);
}

/** Stops a running session at `endedAt`; false when it had ended already. The audit entry goes with the change. */
export async function stopFocusSession({
  sessionId,
  stoppedById,
  endedAt,
  audit,
}: {
  sessionId: string;
  stoppedById: string;
  endedAt: Date;
  audit?: AuditEntryInput;
}): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const stopped = await endSession(tx, sessionId, endedAt, stoppedById);
    if (stopped && audit) await writeAuditEntry(audit, tx);
    return stopped;
  });
}

/** Ends a session at its scheduled end; true only for the caller whose update did it (the one who announces). */
export async function endFocusSessionOnSchedule({ sessionId }: { sessionId: string }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const session = await tx.focusSession.findUnique({
      where: { id: sessionId },
      select: { startedAt: true, focusSeconds: true, breakSeconds: true, rounds: true, endedAt: true },
    });
    if (!session || session.endedAt) return false;
    return endSession(tx, sessionId, scheduledEndOf(session));
  });
}

/** Moves announcedPhase forward to `phase`; true only for the one caller whose update changed the row. */
export async function advanceFocusPhase({ sessionId, phase }: { sessionId: string; phase: number }): Promise<boolean> {
  const { count } = await db.focusSession.updateMany({
    where: { id: sessionId, endedAt: null, announcedPhase: { lt: phase } },
    data: { announcedPhase: phase },
  });
  return count === 1;
}

export interface RunningFocusSession {
  id: string;
  roomId: string;
  startedAt: Date;
  focusSeconds: number;
  breakSeconds: number;
  rounds: number;
  announcedPhase: number;
}

/** Every session without endedAt (at most one per room), for the announcer. */
export async function listRunningFocusSessions({ take = 1000 }: { take?: number } = {}): Promise<
  RunningFocusSession[]
> {
  return db.focusSession.findMany({
    where: { endedAt: null },
    select: {
      id: true,
      roomId: true,
      startedAt: true,
      focusSeconds: true,
      breakSeconds: true,
      rounds: true,
      announcedPhase: true,
    },
    orderBy: { startedAt: "asc" },
    take,
  });
}
