// A member's study log as the profile shows it: this week's time, the streak, goals set and met this week, recent
// sessions with their goals, and what they are studying now. Every minute comes from ./study-time.ts over the records
// lib/db/study-log.ts reads; nothing a person types changes it.
import "server-only";
import {
  findMemberSessionRecords,
  findMemberStudyRecords,
  findOpenStudy,
  findStudyLogHidden,
  listMemberGoals,
  type MemberStudyRecords,
} from "../db/study-log";
import { DAY_MS, isoWeekOf, msPerDay, streakOf, utcDayStart } from "./periods";
import { isRunning, studyIntervals, type Interval } from "./study-time";

export interface RecentStudySession {
  sessionId: string;
  room: { name: string; slug: string };
  startedAt: Date;
  studyMs: number;
  goal: string | null;
  goalDone: boolean | null;
}

export interface StudyLog {
  weekMs: number;
  streakDays: number;
  goalsSet: number;
  goalsMet: number;
  recent: RecentStudySession[];
  /** The goal of the running session the member is joined to now (goal null: joined without one). */
  studyingNow: { goal: string | null; room: { name: string; slug: string } } | null;
}

const RECENT = 5;
/** Days read per step while a streak reaches back further; a year at most. */
const STREAK_STEP_DAYS = 28;
const STREAK_MAX_STEPS = 14;

/** Each session's study intervals from the member's records, optionally cut to a window. */
export function intervalsBySession(records: MemberStudyRecords, now: Date, window?: Interval): Map<string, Interval[]> {
  const out = new Map<string, Interval[]>();
  for (const session of records.sessions) {
    const stints = records.stints.get(session.id) ?? [];
    out.set(session.id, studyIntervals({ session, stints, spans: records.spans, now, window }));
  }
  return out;
}

const sumMs = (lists: Iterable<Interval[]>) => {
  let ms = 0;
  for (const list of lists) for (const i of list) ms += i.end - i.start;
  return ms;
};

/** Study time in [from, to) and the streak, reading further back while the streak reaches the oldest day read. */
async function timeAndStreak(userId: string, now: Date, week: Interval): Promise<{ weekMs: number; streak: number }> {
  const today = utcDayStart(now);
  let oldest = Math.min(week.start, today - (STREAK_STEP_DAYS - 1) * DAY_MS);
  const to = new Date(today + DAY_MS);
  let records = await findMemberStudyRecords({ userId, from: new Date(oldest), to });
  const perDay = msPerDay([...intervalsBySession(records, now, { start: oldest, end: to.getTime() }).values()].flat());
  const weekMs = sumMs(intervalsBySession(records, now, week).values());
  let streak = streakOf(perDay, now, oldest);
  for (let step = 0; streak.open && step < STREAK_MAX_STEPS; step++) {
    const end = oldest;
    oldest -= STREAK_STEP_DAYS * DAY_MS;
    records = await findMemberStudyRecords({ userId, from: new Date(oldest), to: new Date(end) });
    msPerDay([...intervalsBySession(records, now, { start: oldest, end }).values()].flat(), perDay);
    streak = streakOf(perDay, now, oldest);
  }
  return { weekMs, streak: streak.days };
}

async function recentSessions(userId: string, now: Date): Promise<RecentStudySession[]> {
  const goals = await listMemberGoals({ userId, take: RECENT });
  const records = await findMemberSessionRecords({ userId, sessionIds: goals.map((g) => g.sessionId) });
  const intervals = intervalsBySession(records, now);
  return goals.map(({ sessionId, goal, goalDone, session }) => ({
    sessionId,
    room: session.room,
    startedAt: session.startedAt,
    studyMs: sumMs([intervals.get(sessionId) ?? []]),
    goal,
    goalDone,
  }));
}

/** The member's study log at `now`. */
export async function studyLogOf({ userId, now = new Date() }: { userId: string; now?: Date }): Promise<StudyLog> {
  const week = isoWeekOf(now);
  const [{ weekMs, streak }, weekGoals, recent, open] = await Promise.all([
    timeAndStreak(userId, now, week),
    listMemberGoals({ userId, from: new Date(week.start), to: new Date(week.end) }),
    recentSessions(userId, now),
    findOpenStudy({ userId }),
  ]);
  const withGoal = weekGoals.filter((g) => g.goal !== null);
  const running = open.find((o) => isRunning(o.session, now));
  return {
    weekMs,
    streakDays: streak,
    goalsSet: withGoal.length,
    goalsMet: withGoal.filter((g) => g.goalDone === true).length,
    recent,
    studyingNow: running ? { goal: running.goal, room: running.session.room } : null,
  };
}

export type ProfileStudy = { kind: "hidden" } | { kind: "log"; log: StudyLog } | null;

/**
 * What a profile shows of the member's study log to this viewer: the log, "hidden" to its owner when they hid it, and
 * nothing at all to anyone else then.
 */
export async function profileStudyOf({
  userId,
  viewerId,
  now = new Date(),
}: {
  userId: string;
  viewerId: string | null;
  now?: Date;
}): Promise<ProfileStudy> {
  const hidden = await findStudyLogHidden({ userId });
  if (hidden === null) return null;
  if (hidden) return viewerId === userId ? { kind: "hidden" } : null;
  return { kind: "log", log: await studyLogOf({ userId, now }) };
}
