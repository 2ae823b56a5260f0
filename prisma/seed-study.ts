// Sample study data for `npm run dev`: two finished focus sessions in the calculus room (yesterday and today), with
// members' goals (met, not met, not marked), stints and presence spans, and the room's weekly board on, so a sample
// profile (alice) and the board show study time. Idempotent: the sessions have fixed ids, and their rows are written
// only with a new session.
import { db } from "../lib/db/client";

const MINUTE = 60_000;
const ROOM_SLUG = "calculus-study-group";

interface SampleMember {
  username: string;
  goal?: string;
  goalDone?: boolean;
  /** Minutes from the session's start: joined spans, and present spans (the room open in a tab). */
  stints: Array<[number, number]>;
  present: Array<[number, number]>;
}

interface SampleSession {
  id: string;
  /** Minutes before now. */
  startedMinutesAgo: number;
  rounds: number;
  members: SampleMember[];
}

// 25-minute focus, 5-minute break.
const SESSIONS: SampleSession[] = [
  {
    id: "seed-focus-calculus-yesterday",
    startedMinutesAgo: 26 * 60,
    rounds: 3,
    members: [
      {
        username: "alice",
        goal: "Finish the chain rule exercises",
        goalDone: true,
        stints: [[0, 85]],
        present: [
          [-5, 40],
          [42, 90],
        ],
      },
      { username: "chen", goal: "Review my limits notes", goalDone: false, stints: [[10, 60]], present: [[5, 65]] },
      { username: "bob", stints: [[0, 85]], present: [[0, 85]] },
    ],
  },
  {
    id: "seed-focus-calculus-today",
    startedMinutesAgo: 3 * 60,
    rounds: 2,
    members: [
      {
        username: "alice",
        goal: "Integration by parts: 10 problems",
        goalDone: true,
        stints: [[0, 55]],
        present: [[-2, 60]],
      },
      { username: "dana", goal: "Read section 4.2", stints: [[5, 55]], present: [[0, 55]] },
    ],
  },
];

/** Adds the sample sessions that are missing; answers how many were added. */
export async function seedStudy(now: Date, userIds: Map<string, string>): Promise<number> {
  const room = await db.room.findUnique({ where: { slug: ROOM_SLUG }, select: { id: true } });
  if (!room) return 0;
  await db.room.update({ where: { id: room.id }, data: { studyBoard: true } });
  let added = 0;
  for (const sample of SESSIONS) {
    if (await db.focusSession.findUnique({ where: { id: sample.id }, select: { id: true } })) continue;
    const startedAt = new Date(now.getTime() - sample.startedMinutesAgo * MINUTE);
    const at = (minutes: number) => new Date(startedAt.getTime() + minutes * MINUTE);
    const length = sample.rounds * 25 + (sample.rounds - 1) * 5;
    const members = sample.members.flatMap((m) => {
      const userId = userIds.get(m.username);
      return userId ? [{ ...m, userId }] : [];
    });
    await db.$transaction([
      db.focusSession.create({
        data: {
          id: sample.id,
          roomId: room.id,
          startedById: members[0]?.userId,
          focusSeconds: 25 * 60,
          breakSeconds: 5 * 60,
          rounds: sample.rounds,
          startedAt,
          endedAt: at(length),
          announcedPhase: sample.rounds * 2 - 2,
        },
      }),
      db.focusMember.createMany({
        data: members.map((m) => ({
          sessionId: sample.id,
          userId: m.userId,
          goal: m.goal ?? null,
          goalDone: m.goalDone ?? null,
          createdAt: at(m.stints[0]?.[0] ?? 0),
        })),
      }),
      db.focusStint.createMany({
        data: members.flatMap((m) =>
          m.stints.map(([from, to]) => ({
            sessionId: sample.id,
            userId: m.userId,
            startedAt: at(from),
            endedAt: at(to),
          })),
        ),
      }),
      db.presenceSpan.createMany({
        data: members.flatMap((m) =>
          m.present.map(([from, to]) => ({ roomId: room.id, userId: m.userId, startedAt: at(from), endedAt: at(to) })),
        ),
      }),
    ]);
    added++;
  }
  return added;
}
