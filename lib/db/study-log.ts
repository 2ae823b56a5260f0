// The records a study log is computed from (lib/study): focus sessions, a member's stints and goals in them, and their
// presence spans in those rooms; the hide-my-log setting; and the same records for a room's weekly board. Nothing here
// computes time: lib/study/study-time.ts is the one definition.
import "server-only";
import { writeAuditEntry, type AuditEntryInput } from "./audit-log";
import { db } from "./client";
import { toUserSummary, userSummarySelect, type UserSummary } from "./users";

export interface StudySessionRecord {
  id: string;
  roomId: string;
  room: { name: string; slug: string };
  startedAt: Date;
  endedAt: Date | null;
  focusSeconds: number;
  breakSeconds: number;
  rounds: number;
}

export interface IntervalRecord {
  startedAt: Date;
  endedAt: Date | null;
}

export interface SpanRecord extends IntervalRecord {
  roomId: string;
}

export interface MemberStudyRecords {
  sessions: StudySessionRecord[];
  /** The member's stints, by session id. */
  stints: Map<string, IntervalRecord[]>;
  /** The member's presence spans in those sessions' rooms, overlapping the sessions. */
  spans: SpanRecord[];
}

/** An upper bound PostgreSQL's timestamp and Prisma both take. */
const FAR_FUTURE = new Date("9999-12-31T00:00:00Z");

const sessionSelect = {
  id: true,
  roomId: true,
  room: { select: { name: true, slug: true } },
  startedAt: true,
  endedAt: true,
  focusSeconds: true,
  breakSeconds: true,
  rounds: true,
} as const;

/** Records overlapping [from, to): a stint may run across the boundary, so the window only narrows the read. */
const overlapping = (from: Date, to: Date) => ({
  startedAt: { lt: to },
  OR: [{ endedAt: null }, { endedAt: { gt: from } }],
});

async function spansFor(
  userIds: string[],
  roomIds: string[],
  from: Date,
  to: Date,
): Promise<Array<SpanRecord & { userId: string }>> {
  if (userIds.length === 0 || roomIds.length === 0) return [];
  return db.presenceSpan.findMany({
    where: { userId: { in: userIds }, roomId: { in: roomIds }, ...overlapping(from, to) },
    select: { userId: true, roomId: true, startedAt: true, endedAt: true },
  });
}

function bySession<T extends { sessionId: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(row.sessionId, [...(map.get(row.sessionId) ?? []), row]);
  return map;
}

/** The member's stints overlapping [from, to), their sessions, and their presence in those rooms. */
export async function findMemberStudyRecords({
  userId,
  from,
  to,
}: {
  userId: string;
  from: Date;
  to: Date;
}): Promise<MemberStudyRecords> {
  const stints = await db.focusStint.findMany({
    where: { userId, ...overlapping(from, to) },
    select: { sessionId: true, startedAt: true, endedAt: true },
  });
  return withSessionsAndSpans(userId, stints, from, to);
}

/** The member's records in the given sessions (e.g. their recent ones), whatever their age. */
export async function findMemberSessionRecords({
  userId,
  sessionIds,
}: {
  userId: string;
  sessionIds: string[];
}): Promise<MemberStudyRecords> {
  if (sessionIds.length === 0) return { sessions: [], stints: new Map(), spans: [] };
  const stints = await db.focusStint.findMany({
    where: { userId, sessionId: { in: sessionIds } },
    select: { sessionId: true, startedAt: true, endedAt: true },
  });
  return withSessionsAndSpans(userId, stints, new Date(0), FAR_FUTURE);
}

async function withSessionsAndSpans(
  userId: string,
  stints: Array<IntervalRecord & { sessionId: string }>,
  from: Date,
  to: Date,
): Promise<MemberStudyRecords> {
  const grouped = bySession(stints);
  const sessions = await db.focusSession.findMany({
    where: { id: { in: [...grouped.keys()] } },
    select: sessionSelect,
  });
  if (sessions.length === 0) return { sessions: [], stints: new Map(), spans: [] };
  // Presence only matters while a stint ran, so the earliest stint bounds the read.
  const earliest = new Date(Math.max(from.getTime(), Math.min(...stints.map((s) => s.startedAt.getTime()))));
  const spans = await spansFor([userId], [...new Set(sessions.map((s) => s.roomId))], earliest, to);
  return { sessions, stints: grouped, spans };
}

export interface GoalRecord {
  sessionId: string;
  goal: string | null;
  goalDone: boolean | null;
  session: StudySessionRecord;
}

/** The member's sessions started in [from, to) (default: all), newest first, with their goals. */
export async function listMemberGoals({
  userId,
  from,
  to,
  take,
}: {
  userId: string;
  from?: Date;
  to?: Date;
  take?: number;
}): Promise<GoalRecord[]> {
  return db.focusMember.findMany({
    where: { userId, session: { startedAt: { gte: from, lt: to } } },
    select: { sessionId: true, goal: true, goalDone: true, session: { select: sessionSelect } },
    orderBy: [{ session: { startedAt: "desc" } }, { sessionId: "desc" }],
    take,
  });
}

/** The member's open stints in sessions not ended, with the goal they joined with (the caller checks the schedule). */
export async function findOpenStudy({ userId }: { userId: string }): Promise<GoalRecord[]> {
  const open = await db.focusStint.findMany({
    where: { userId, endedAt: null, session: { endedAt: null } },
    select: { sessionId: true },
  });
  if (open.length === 0) return [];
  return db.focusMember.findMany({
    where: { userId, sessionId: { in: open.map((s) => s.sessionId) } },
    select: { sessionId: true, goal: true, goalDone: true, session: { select: sessionSelect } },
  });
}

/** Whether the member hid their study log; null when no such account. */
export async function findStudyLogHidden({ userId }: { userId: string }): Promise<boolean | null> {
  const row = await db.user.findUnique({ where: { id: userId }, select: { studyLogHidden: true } });
  return row?.studyLogHidden ?? null;
}

/** Hides or shows the member's study log; false when no such account. */
export async function setStudyLogHidden({ userId, hidden }: { userId: string; hidden: boolean }): Promise<boolean> {
  const { count } = await db.user.updateMany({ where: { id: userId }, data: { studyLogHidden: hidden } });
  return count > 0;
}

export interface RoomStudyRecords {
  sessions: StudySessionRecord[];
  /** Stints by member, then by session; members who hid their log, deactivated accounts and the banned left out. */
  stints: Map<string, Array<IntervalRecord & { sessionId: string }>>;
  spans: Map<string, SpanRecord[]>;
  members: Map<string, UserSummary>;
}

/** The room's sessions overlapping [from, to) and its listable members' stints and presence in it. */
export async function findRoomStudyRecords({
  roomId,
  from,
  to,
}: {
  roomId: string;
  from: Date;
  to: Date;
}): Promise<RoomStudyRecords> {
  const sessions = await db.focusSession.findMany({
    where: { roomId, ...overlapping(from, to) },
    select: sessionSelect,
  });
  const empty: RoomStudyRecords = { sessions, stints: new Map(), spans: new Map(), members: new Map() };
  if (sessions.length === 0) return empty;
  const stints = await db.focusStint.findMany({
    where: {
      sessionId: { in: sessions.map((s) => s.id) },
      ...overlapping(from, to),
      // Nor members banned from the room: the board is the room's, and they no longer belong to it.
      user: {
        studyLogHidden: false,
        deactivatedAt: null,
        restrictions: { none: { roomId, kind: "BAN", OR: [{ until: null }, { until: { gt: new Date() } }] } },
      },
    },
    select: { userId: true, sessionId: true, startedAt: true, endedAt: true, user: { select: userSummarySelect } },
  });
  if (stints.length === 0) return empty;
  const result: RoomStudyRecords = { ...empty, stints: new Map(), spans: new Map(), members: new Map() };
  for (const { user, userId, ...stint } of stints) {
    result.members.set(userId, toUserSummary(user));
    result.stints.set(userId, [...(result.stints.get(userId) ?? []), stint]);
  }
  for (const { userId, ...span } of await spansFor([...result.members.keys()], [roomId], from, to)) {
    result.spans.set(userId, [...(result.spans.get(userId) ?? []), span]);
  }
  return result;
}

/** The room's board setting, for the board route and the room page; null when no such room. */
export async function findRoomStudyBoard({
  slug,
}: {
  slug: string;
}): Promise<{ id: string; name: string; hostId: string | null; studyBoard: boolean } | null> {
  return db.room.findUnique({ where: { slug }, select: { id: true, name: true, hostId: true, studyBoard: true } });
}

/** Turns the room's weekly board on or off; `audit` (a moderator's change) is written in the same transaction. */
export async function setRoomStudyBoard({
  id,
  enabled,
  audit,
}: {
  id: string;
  enabled: boolean;
  audit?: (info: { room: { id: string; name: string }; previous: boolean }) => AuditEntryInput;
}): Promise<{ room: { id: string; name: string }; previous: boolean } | null> {
  return db.$transaction(async (tx) => {
    // The row lock orders concurrent setters, so each audit entry names the setting it really replaced.
    const rows = await tx.$queryRaw<Array<{ id: string; name: string; studyBoard: boolean }>>`
      SELECT id, name, "studyBoard" FROM "Room" WHERE id = ${id} FOR UPDATE`;
    const before = rows[0];
    if (!before) return null;
    const room = { id: before.id, name: before.name };
    if (before.studyBoard !== enabled) await tx.room.update({ where: { id }, data: { studyBoard: enabled } });
    if (audit) await writeAuditEntry(audit({ room, previous: before.studyBoard }), tx);
    return { room, previous: before.studyBoard };
  });
}
