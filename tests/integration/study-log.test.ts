// The study log on real PostgreSQL: presence spans kept through the real webhook path (applyPresenceWebhook with
// here-channel occupied/vacated events: repeated, late, concurrent), then focus rows written as the focus side writes
// them, and what the profile and a room's weekly board compute from both (lib/study): joins, leaves, reconnects, two
// sessions in a week and one straddling its start, the streak across days, goals, studying now, a hidden log, the
// board's opt-in and who may set it, and another room's presence not counting.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteUserAccount } from "@/lib/db/account-deletion";
import { db, disconnectDb } from "@/lib/db/client";
import { createRoom } from "@/lib/db/rooms";
import type { SessionUser } from "@/lib/db/users";
import { hereChannel } from "@/lib/realtime/channels";
import { applyPresenceWebhook } from "@/lib/realtime/presence";
import { changeStudyLogHidden } from "@/lib/study/settings";
import { getStudyBoard, setStudyBoardAs } from "@/lib/study/study-board";
import { profileStudyOf, studyLogOf } from "@/lib/study/study-log";
import { auditSince, lastAuditId, person, refusal, resetLimit } from "../support/admin-fixtures";

afterAll(() => disconnectDb());

const MIN = 60_000;
/** A Wednesday afternoon; its ISO week started on Monday 2026-11-16. */
const NOW = new Date("2026-11-18T15:00:00Z");
const t = (iso: string) => new Date(`2026-11-${iso}Z`);

let rooms = 0;
async function newRoom(hostId: string) {
  const room = await createRoom({ name: `Study room ${++rooms}`, topicName: "Testing", description: "", hostId });
  return room;
}

async function webhook(name: "channel_occupied" | "channel_vacated", roomId: string, userId: string, at: Date) {
  return applyPresenceWebhook({ time_ms: at.getTime(), events: [{ name, channel: hereChannel(roomId, userId) }] });
}
/** The member's here-channel occupied from `from` and vacated at `to` (none: still there). */
async function present(roomId: string, userId: string, from: Date, to?: Date) {
  await webhook("channel_occupied", roomId, userId, from);
  if (to) await webhook("channel_vacated", roomId, userId, to);
}

const spansOf = (roomId: string, userId: string) =>
  db.presenceSpan.findMany({
    where: { roomId, userId },
    orderBy: { startedAt: "asc" },
    select: { startedAt: true, endedAt: true },
  });

/** A session as the focus side stores it: 25-minute focus, 5-minute break. */
async function focusSession(roomId: string, startedAt: Date, rounds: number, endedAt: Date | null) {
  return db.focusSession.create({
    data: { roomId, startedAt, endedAt, focusSeconds: 25 * 60, breakSeconds: 5 * 60, rounds },
  });
}
async function joined(
  sessionId: string,
  userId: string,
  stints: Array<[Date, Date | null]>,
  goal: { goal?: string; goalDone?: boolean } = {},
) {
  await db.focusMember.create({ data: { sessionId, userId, ...goal, createdAt: stints[0]?.[0] } });
  for (const [startedAt, endedAt] of stints)
    await db.focusStint.create({ data: { sessionId, userId, startedAt, endedAt } });
}

describe("presence spans from the occupancy webhooks", () => {
  let user: SessionUser;
  let roomId: string;
  beforeAll(async () => {
    user = await person();
    roomId = (await newRoom(user.id)).id;
  });

  it("opens a span on occupied and closes it on vacated, at the webhooks' times", async () => {
    const start = new Date(Date.now() - 60 * MIN);
    await webhook("channel_occupied", roomId, user.id, start);
    // Repeated, and a second node's copy a moment later: the span stays the first one.
    await webhook("channel_occupied", roomId, user.id, start);
    await webhook("channel_occupied", roomId, user.id, new Date(start.getTime() + 1000));
    expect(await spansOf(roomId, user.id)).toEqual([{ startedAt: start, endedAt: null }]);

    const leave = new Date(start.getTime() + 10 * MIN);
    await webhook("channel_vacated", roomId, user.id, leave);
    await webhook("channel_vacated", roomId, user.id, leave);
    // A late join from before the leave changes nothing.
    await webhook("channel_occupied", roomId, user.id, new Date(start.getTime() + 5 * MIN));
    expect(await spansOf(roomId, user.id)).toEqual([{ startedAt: start, endedAt: leave }]);

    // A reconnect opens a new span; a vacate older than it does not close it.
    const back = new Date(start.getTime() + 12 * MIN);
    await webhook("channel_occupied", roomId, user.id, back);
    await webhook("channel_vacated", roomId, user.id, new Date(start.getTime() + 11 * MIN));
    expect(await spansOf(roomId, user.id)).toEqual([
      { startedAt: start, endedAt: leave },
      { startedAt: back, endedAt: null },
    ]);
  });

  it("ignores unknown rooms and users", async () => {
    await webhook("channel_occupied", "cnosuchroom00000000000000", user.id, new Date());
    expect(await db.presenceSpan.count({ where: { roomId: "cnosuchroom00000000000000" } })).toBe(0);
  });

  it("keeps one open span when the same event arrives from two nodes at once", async () => {
    const other = await person();
    const at = new Date(Date.now() - 30 * MIN);
    await Promise.all(Array.from({ length: 8 }, () => webhook("channel_occupied", roomId, other.id, at)));
    expect(await spansOf(roomId, other.id)).toEqual([{ startedAt: at, endedAt: null }]);
  });

  it("agrees with the online flag whatever order concurrent joins and leaves arrive in", async () => {
    const other = await person();
    const base = Date.now() - 20 * MIN;
    const events = Array.from({ length: 12 }, (_, i) => ({
      name: i % 2 === 0 ? ("channel_occupied" as const) : ("channel_vacated" as const),
      at: new Date(base + i * 1000),
    }));
    // Shuffled deterministically and sent side by side.
    const order = [5, 0, 11, 3, 8, 1, 10, 6, 2, 9, 4, 7].map((i) => events[i]!);
    await Promise.all(order.map((e) => webhook(e.name, roomId, other.id, e.at)));
    const presence = await db.roomPresence.findUniqueOrThrow({
      where: { roomId_userId: { roomId, userId: other.id } },
    });
    const spans = await spansOf(roomId, other.id);
    expect(presence.eventAt).toEqual(new Date(base + 11_000));
    expect(presence.online).toBe(false);
    expect(spans.filter((s) => s.endedAt === null)).toHaveLength(0);
    for (const s of spans) expect(s.endedAt!.getTime()).toBeGreaterThanOrEqual(s.startedAt.getTime());
  });
});

describe("a member's study log and the weekly board", () => {
  let ann: SessionUser; // studies all week
  let ben: SessionUser; // leaves and rejoins
  let cat: SessionUser; // hides her log
  let dan: SessionUser; // deactivated
  let host: SessionUser;
  let roomA: { id: string; slug: string };
  let roomB: { id: string; slug: string };

  beforeAll(async () => {
    [ann, ben, cat, dan, host] = await Promise.all([person(), person(), person(), person(), person()]);
    roomA = await newRoom(host.id);
    roomB = await newRoom(host.id);
    await db.user.update({ where: { id: dan.id }, data: { deactivatedAt: t("18T12:00:00") } });

    // Sunday night, last week into this one: one 25-minute round, 23:40–00:05; 20 min on Sunday, 5 on Monday.
    const sunday = await focusSession(roomA.id, t("15T23:40:00"), 1, t("16T00:05:00"));
    await joined(sunday.id, ann.id, [[t("15T23:40:00"), t("16T00:05:00")]]);
    await present(roomA.id, ann.id, t("15T23:35:00"), t("16T00:10:00"));

    // Monday 10:00, two rounds (focus 10:00–10:25 and 10:30–10:55). Ann reconnects 10:10–10:12: 23 + 25 = 48 min.
    const monday = await focusSession(roomA.id, t("16T10:00:00"), 2, t("16T10:55:00"));
    await joined(monday.id, ann.id, [[t("16T10:00:00"), t("16T10:55:00")]], { goal: "Read chapter 3", goalDone: true });
    await present(roomA.id, ann.id, t("16T09:55:00"), t("16T10:10:00"));
    await present(roomA.id, ann.id, t("16T10:12:00"), t("16T11:00:00"));
    // Ben leaves at 10:20 and rejoins at 10:40: 20 + 15 = 35 min.
    await joined(monday.id, ben.id, [
      [t("16T10:00:00"), t("16T10:20:00")],
      [t("16T10:40:00"), t("16T10:55:00")],
    ]);
    await present(roomA.id, ben.id, t("16T10:00:00"), t("16T11:00:00"));
    // Cat and Dan studied the whole session: hidden and deactivated, they never show on the board.
    for (const user of [cat, dan]) {
      await joined(monday.id, user.id, [[t("16T10:00:00"), t("16T10:55:00")]]);
      await present(roomA.id, user.id, t("16T10:00:00"), t("16T11:00:00"));
    }

    // Tuesday 10:00, stopped early at 10:40. Ann joins at 10:05: 20 + 10 = 30 min; the goal not met.
    const tuesday = await focusSession(roomA.id, t("17T10:00:00"), 2, t("17T10:40:00"));
    await joined(tuesday.id, ann.id, [[t("17T10:05:00"), null]], { goal: "Problems 1-10", goalDone: false });
    await present(roomA.id, ann.id, t("17T09:58:00"), t("17T11:00:00"));

    // Tuesday noon: Ann joined room A's session while her page was in room B: nothing counts.
    const elsewhere = await focusSession(roomA.id, t("17T12:00:00"), 1, t("17T12:25:00"));
    await joined(elsewhere.id, ann.id, [[t("17T12:00:00"), t("17T12:25:00")]]);
    await present(roomB.id, ann.id, t("17T11:55:00"), t("17T12:30:00"));

    // Now (Wednesday 15:00), in room B's running session since 14:50: 10 min so far, studying "Essay outline".
    const running = await focusSession(roomB.id, t("18T14:50:00"), 2, null);
    await joined(running.id, ann.id, [[t("18T14:50:00"), null]], { goal: "Essay outline" });
    await present(roomB.id, ann.id, t("18T14:45:00"));
  });

  it("adds up the week from presence and stints: reconnects, late joins, early stops, breaks excluded", async () => {
    const log = await studyLogOf({ userId: ann.id, now: NOW });
    // 5 (Monday's share of Sunday night) + 48 + 30 + 0 (room B presence) + 10 (running).
    expect(log.weekMs / MIN).toBe(93);
    expect((await studyLogOf({ userId: ben.id, now: NOW })).weekMs / MIN).toBe(35);
  });

  it("counts a streak of consecutive UTC days, today included", async () => {
    expect((await studyLogOf({ userId: ann.id, now: NOW })).streakDays).toBe(4);
    // Ben studied only on Monday: on Wednesday his streak is over.
    expect((await studyLogOf({ userId: ben.id, now: NOW })).streakDays).toBe(0);
    expect((await studyLogOf({ userId: ben.id, now: t("17T09:00:00") })).streakDays).toBe(1);
  });

  it("counts goals set and met this week, and lists recent sessions with their goals", async () => {
    const log = await studyLogOf({ userId: ann.id, now: NOW });
    expect({ set: log.goalsSet, met: log.goalsMet }).toEqual({ set: 3, met: 1 });
    expect(log.recent.map((r) => [r.room.slug, r.goal, r.goalDone, r.studyMs / MIN])).toEqual([
      [roomB.slug, "Essay outline", null, 10],
      [roomA.slug, null, null, 0],
      [roomA.slug, "Problems 1-10", false, 30],
      [roomA.slug, "Read chapter 3", true, 48],
      [roomA.slug, null, null, 25],
    ]);
    expect(log.studyingNow).toEqual({ goal: "Essay outline", room: { name: expect.any(String), slug: roomB.slug } });
    expect((await studyLogOf({ userId: ann.id, now: t("18T16:00:00") })).studyingNow).toBeNull();
  });

  it("shows an empty log for someone who never studied", async () => {
    const log = await studyLogOf({ userId: host.id, now: NOW });
    expect(log).toEqual({ weekMs: 0, streakDays: 0, goalsSet: 0, goalsMet: 0, recent: [], studyingNow: null });
  });

  it("hides a log from everyone but its owner, who is told so", async () => {
    await changeStudyLogHidden({ userId: cat.id, input: { hidden: "on" } });
    expect(await profileStudyOf({ userId: cat.id, viewerId: ann.id, now: NOW })).toBeNull();
    expect(await profileStudyOf({ userId: cat.id, viewerId: null, now: NOW })).toBeNull();
    expect(await profileStudyOf({ userId: cat.id, viewerId: cat.id, now: NOW })).toEqual({ kind: "hidden" });
    expect(await profileStudyOf({ userId: ann.id, viewerId: cat.id, now: NOW })).toMatchObject({ kind: "log" });
    await expect(changeStudyLogHidden({ userId: cat.id, input: { hidden: "maybe" } })).rejects.toMatchObject({
      status: 400,
    });
  });

  it("shows the board only once the host turns it on, without hidden, deactivated or banned members", async () => {
    expect(await refusal(getStudyBoard({ slug: roomA.slug, now: NOW }))).toMatchObject({
      code: "not_found:study_board",
      status: 404,
    });
    expect(await refusal(setStudyBoardAs(ann, { slug: roomA.slug, enabled: "on" }))).toMatchObject({ status: 403 });
    await setStudyBoardAs(host, { slug: roomA.slug, enabled: "on" });
    await changeStudyLogHidden({ userId: cat.id, input: { hidden: "on" } });
    const board = await getStudyBoard({ slug: roomA.slug, now: NOW });
    expect(board.weekStart).toBe("2026-11-16T00:00:00.000Z");
    // Ann: 5 + 48 + 30 in room A's sessions (room B's running session is room B's).
    expect(board.entries.map((e) => [e.rank, e.member.id, e.studyMs / MIN])).toEqual([
      [1, ann.id, 83],
      [2, ben.id, 35],
    ]);
    // Cat shows her log again: she is back on the board.
    await changeStudyLogHidden({ userId: cat.id, input: {} });
    expect((await getStudyBoard({ slug: roomA.slug, now: NOW })).entries.map((e) => e.member.id)).toContain(cat.id);
    await changeStudyLogHidden({ userId: cat.id, input: { hidden: "on" } });
    // Banned from the room, Ben leaves its board; lifted, he is back.
    const ban = await db.roomRestriction.create({ data: { roomId: roomA.id, userId: ben.id, kind: "BAN" } });
    expect((await getStudyBoard({ slug: roomA.slug, now: NOW })).entries.map((e) => e.member.id)).not.toContain(ben.id);
    await db.roomRestriction.delete({ where: { id: ban.id } });
    expect((await getStudyBoard({ slug: roomA.slug, now: NOW })).entries.map((e) => e.member.id)).toContain(ben.id);
    // Last week's board holds only Sunday night's 20 minutes.
    const lastWeek = await getStudyBoard({ slug: roomA.slug, now: t("15T23:59:00") });
    expect(lastWeek.entries.map((e) => [e.member.id, e.studyMs / MIN])).toEqual([[ann.id, 19]]);
  });

  it("audits a moderator's change of the board, and 404s a room that does not exist", async () => {
    await resetLimit("studySettings");
    const moderator = await person("MODERATOR");
    const since = await lastAuditId();
    await setStudyBoardAs(moderator, { slug: roomB.slug, enabled: "on" });
    expect((await auditSince(since)).map((a) => [a.action, a.detail])).toEqual([
      ["room.update", "study board: off → on"],
    ]);
    expect((await getStudyBoard({ slug: roomB.slug, now: NOW })).entries.map((e) => e.member.id)).toEqual([ann.id]);
    await setStudyBoardAs(host, { slug: roomB.slug, enabled: "" });
    expect(await refusal(getStudyBoard({ slug: roomB.slug }))).toMatchObject({ status: 404 });
    expect(await refusal(getStudyBoard({ slug: "no-such-room-here" }))).toMatchObject({ code: "not_found:room" });
    expect(await refusal(getStudyBoard({ slug: "Bad Slug\u0000" }))).toMatchObject({ status: 404 });
  });

  it("forgets a deleted account's study rows and keeps the session and everyone else's time", async () => {
    const gone = await person();
    const session = await focusSession(roomA.id, t("18T09:00:00"), 1, t("18T09:25:00"));
    await joined(session.id, gone.id, [[t("18T09:00:00"), t("18T09:25:00")]], { goal: "Leave soon" });
    await present(roomA.id, gone.id, t("18T08:59:00"), t("18T09:30:00"));
    await db.focusSession.update({ where: { id: session.id }, data: { startedById: gone.id, stoppedById: gone.id } });
    await deleteUserAccount({ userId: gone.id });
    const left = await Promise.all([
      db.focusMember.count({ where: { userId: gone.id } }),
      db.focusStint.count({ where: { userId: gone.id } }),
      db.presenceSpan.count({ where: { userId: gone.id } }),
    ]);
    expect(left).toEqual([0, 0, 0]);
    expect(await db.focusSession.findUnique({ where: { id: session.id }, select: { startedById: true } })).toEqual({
      startedById: null,
    });
    expect((await studyLogOf({ userId: ann.id, now: NOW })).weekMs / MIN).toBe(93);
  });
});
