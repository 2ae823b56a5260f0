// Focus sessions (lib/focus, lib/db/focus-*.ts): one session per room under concurrency (N simultaneous starts: one
// wins, the others get 409), starting after an overdue session, who may stop (starter, host, moderators; staff
// audited), joining with goals (one line, at most 140), leaving and rejoining (stints), marking goals, the public GET,
// bans and deactivations closing stints, and the announcer: three announcers (two here, one in another process with
// its own pool) announce each phase change once, and one started mid-session ("after a restart") picks up the phase.
import { spawn } from "node:child_process";
import path from "node:path";
import type PusherClient from "pusher-js";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // Phases of seconds, as on the browser tests' server.
  process.env.FOCUS_MIN_PHASE_SECONDS = "1";
});
vi.mock("next/headers", async () => (await import("../support/fuzz-scope")).nextHeaders());
import { PUT as putGoal } from "@/app/api/rooms/[slug]/focus/goal/route";
import { PATCH as patchMembership, POST as postMembership } from "@/app/api/rooms/[slug]/focus/membership/route";
import { GET as getFocus, POST as postFocus } from "@/app/api/rooms/[slug]/focus/route";
import { db, disconnectDb } from "@/lib/db/client";
import { startFocusSession } from "@/lib/db/focus-sessions";
import { createRoom } from "@/lib/db/rooms";
import type { SessionUser } from "@/lib/db/users";
import { createFocusAnnouncer, runFocusAnnouncerTick } from "@/lib/focus/announcer";
import { joinFocusAs, leaveFocusAs, markFocusGoalAs, removeFromFocus, updateFocusMemberAs } from "@/lib/focus/members";
import { focusStateOf, startFocusAs, stopFocusAs } from "@/lib/focus/sessions";
import { createRealtimeClient } from "@/lib/realtime/browser-client";
import { roomChannel } from "@/lib/realtime/channels";
import { publicRealtimeConfig } from "@/lib/realtime/config";
import { focusStateSchema, focusUpdatedSchema, type FocusUpdatedEvent } from "@/lib/realtime/event-schemas";
import { auditSince, lastAuditId, person, refusal, resetLimit, roomCast } from "../support/admin-fixtures";
import { BAD_TEXT, HUGE_TEXT, WRONG_VALUES, describeValue } from "../support/fuzz-corpus";
import { fuzzScope } from "../support/fuzz-scope";
import { sessionTokenFor } from "../support/session-token";
import { eventually, waitFor } from "../support/wait-for";

let host: SessionUser;
let member: SessionUser;
let moderator: SessionUser;

beforeAll(async () => ({ host, member, moderator } = await roomCast()));
afterAll(() => disconnectDb());
beforeEach(async () => {
  await resetLimit("focusStart");
  await resetLimit("focusChange");
});

let rooms = 0;
const newRoom = () => createRoom({ name: `Focus ${++rooms}`, topicName: "Testing", description: "", hostId: host.id });
const POMODORO = { focusSeconds: 25 * 60, breakSeconds: 5 * 60, rounds: 4 };
const runningIn = (roomId: string) => db.focusSession.count({ where: { roomId, endedAt: null } });
const stintsOf = (sessionId: string, userId: string) =>
  db.focusStint.findMany({ where: { sessionId, userId }, orderBy: { id: "asc" } });

describe("one session per room", () => {
  it("lets exactly one of many simultaneous starts win; the others are told one is running (409)", async () => {
    const room = await newRoom();
    const starters = await Promise.all(Array.from({ length: 8 }, () => person("MEMBER")));
    const outcomes = await Promise.allSettled(
      starters.map((starter) => startFocusAs({ actor: starter, slug: room.slug, input: POMODORO })),
    );
    const won = outcomes.filter((o) => o.status === "fulfilled");
    const lost = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason as unknown] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(7);
    for (const error of lost)
      expect(error).toMatchObject({ code: "conflict:focus_running", status: 409, message: /already running/ });
    expect(await runningIn(room.id)).toBe(1);
  });

  it("answers the HTTP start with 201, and a second start with a 409 body naming the running session", async () => {
    const room = await newRoom();
    const call = async (caller: SessionUser, body: unknown) => {
      fuzzScope.token = await sessionTokenFor(caller);
      const request = new Request(`http://localhost/api/rooms/${room.slug}/focus`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://localhost" },
        body: JSON.stringify(body),
      });
      return postFocus(request as never, { params: Promise.resolve({ slug: room.slug }) });
    };
    expect((await call(member, POMODORO)).status).toBe(201);
    const second = await call(host, POMODORO);
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({
      error: { code: "conflict:focus_running", message: expect.stringContaining(member.name) as unknown },
    });
    const bad = await call(host, { focusSeconds: 0, breakSeconds: 5, rounds: 99 });
    expect(bad.status).toBe(400);
    fuzzScope.token = undefined;
    const visitor = await getFocus(new Request("http://localhost") as never, {
      params: Promise.resolve({ slug: room.slug }),
    });
    const state = focusStateSchema.parse(await visitor.json());
    expect(state.session).toMatchObject({ focusSeconds: 1500, rounds: 4, endedAt: null, memberCount: 0 });
    expect(state.me).toBeNull();
    expect(Math.abs(state.serverNow - Date.now())).toBeLessThan(5_000);
  });

  it("ends a session whose schedule is over at its scheduled end when the next one starts", async () => {
    const room = await newRoom();
    const startedAt = new Date(Date.now() - 10 * 60_000);
    const old = await startFocusSession({
      roomId: room.id,
      startedById: member.id,
      focusSeconds: 60,
      breakSeconds: 60,
      rounds: 2,
      now: startedAt,
    });
    if (!("started" in old)) throw new Error("not started");
    await db.focusStint.create({ data: { sessionId: old.started.id, userId: member.id, startedAt } });
    await startFocusAs({ actor: host, slug: room.slug, input: POMODORO });
    const ended = await db.focusSession.findUniqueOrThrow({ where: { id: old.started.id } });
    expect(ended.endedAt?.getTime()).toBe(startedAt.getTime() + 180_000);
    expect((await stintsOf(old.started.id, member.id))[0]?.endedAt?.getTime()).toBe(startedAt.getTime() + 180_000);
    expect(await runningIn(room.id)).toBe(1);
  });

  it("refuses visitors, unverified members, bad lengths and banned members", async () => {
    const room = await newRoom();
    expect(await refusal(startFocusAs({ actor: null, slug: room.slug, input: POMODORO }))).toMatchObject({
      status: 401,
    });
    const unverified = await person("MEMBER", { verified: false });
    expect((await refusal(startFocusAs({ actor: unverified, slug: room.slug, input: POMODORO }))).status).toBe(403);
    const tooLong = { ...POMODORO, focusSeconds: 181 * 60 };
    expect(await refusal(startFocusAs({ actor: member, slug: room.slug, input: tooLong }))).toMatchObject({
      status: 400,
      message: expect.stringContaining("Focus lasts") as unknown,
    });
    const banned = await person("MEMBER");
    await db.roomRestriction.create({
      data: { roomId: room.id, userId: banned.id, kind: "BAN", reason: "spam", createdById: moderator.id },
    });
    expect(await refusal(startFocusAs({ actor: banned, slug: room.slug, input: POMODORO }))).toMatchObject({
      code: "forbidden:banned",
    });
  });
});

describe("stopping", () => {
  it("lets the starter, the host and moderators stop (staff audited), not other members", async () => {
    const room = await newRoom();
    const starter = await person("MEMBER");
    const other = await person("MEMBER");
    await startFocusAs({ actor: starter, slug: room.slug, input: POMODORO });
    expect(await refusal(stopFocusAs({ actor: other, slug: room.slug }))).toMatchObject({
      status: 403,
      code: "forbidden:focus_stop",
    });
    const before = await lastAuditId();
    const { session } = await stopFocusAs({ actor: moderator, slug: room.slug });
    expect(session.endedAt).not.toBeNull();
    expect(session.stoppedBy?.username).toBe(moderator.username);
    expect(await auditSince(before)).toMatchObject([{ actorId: moderator.id, action: "room.update" }]);
    expect(await refusal(stopFocusAs({ actor: starter, slug: room.slug }))).toMatchObject({ status: 404 });

    await startFocusAs({ actor: starter, slug: room.slug, input: POMODORO });
    const mid = await lastAuditId();
    await stopFocusAs({ actor: host, slug: room.slug });
    await startFocusAs({ actor: starter, slug: room.slug, input: POMODORO });
    await stopFocusAs({ actor: starter, slug: room.slug });
    expect(await auditSince(mid)).toEqual([]);
  });
});

describe("members and goals", () => {
  it("joins with a goal, leaves, rejoins keeping the goal, and closes stints when stopped", async () => {
    const room = await newRoom();
    const { session } = await startFocusAs({ actor: host, slug: room.slug, input: POMODORO });
    const { me } = await joinFocusAs({
      actor: member,
      slug: room.slug,
      input: { goal: "  Finish chapter 3  ", holdMessages: true },
    });
    expect(me).toMatchObject({ joined: true, goal: "Finish chapter 3", holdMessages: true });
    const state = await focusStateOf({ actor: member, slug: room.slug });
    expect(state.members).toMatchObject([{ user: { username: member.username }, goal: "Finish chapter 3" }]);
    expect(state.session?.memberCount).toBe(1);

    expect((await leaveFocusAs({ actor: member, slug: room.slug })).me?.joined).toBe(false);
    expect((await joinFocusAs({ actor: member, slug: room.slug, input: {} })).me.goal).toBe("Finish chapter 3");
    expect(await stintsOf(session.id, member.id)).toHaveLength(2);
    // Joining twice opens no second stint.
    await joinFocusAs({ actor: member, slug: room.slug, input: { holdMessages: false } });
    expect(await stintsOf(session.id, member.id)).toHaveLength(2);

    await stopFocusAs({ actor: host, slug: room.slug });
    const stints = await stintsOf(session.id, member.id);
    const stopped = await db.focusSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(stints.every((stint) => stint.endedAt !== null)).toBe(true);
    expect(stints[1]?.endedAt?.getTime()).toBe(stopped.endedAt?.getTime());
  });

  it("refuses a goal of two lines or over 140 characters, and changes while not joined", async () => {
    const room = await newRoom();
    await startFocusAs({ actor: host, slug: room.slug, input: POMODORO });
    expect(await refusal(joinFocusAs({ actor: member, slug: room.slug, input: { goal: "one\ntwo" } }))).toMatchObject({
      status: 400,
      message: expect.stringContaining("one line") as unknown,
    });
    expect(
      await refusal(joinFocusAs({ actor: member, slug: room.slug, input: { goal: "x".repeat(141) } })),
    ).toMatchObject({ status: 400, message: expect.stringContaining("140") as unknown });
    expect(
      await refusal(updateFocusMemberAs({ actor: member, slug: room.slug, input: { goal: "Read" } })),
    ).toMatchObject({ status: 409, code: "conflict:focus_not_joined" });
    expect(await refusal(joinFocusAs({ actor: null, slug: room.slug, input: {} }))).toMatchObject({ status: 401 });
  });

  it("marks a goal only once the session ended or the member left, and only their own", async () => {
    const room = await newRoom();
    const { session } = await startFocusAs({ actor: host, slug: room.slug, input: POMODORO });
    await joinFocusAs({ actor: member, slug: room.slug, input: { goal: "Write the intro" } });
    const mark = (actor: SessionUser, done: boolean) =>
      markFocusGoalAs({ actor, slug: room.slug, input: { sessionId: session.id, done } });
    expect(await refusal(mark(member, true))).toMatchObject({ status: 409, code: "conflict:focus_running" });
    expect(await refusal(mark(host, true))).toMatchObject({ status: 404 });
    await leaveFocusAs({ actor: member, slug: room.slug });
    expect((await mark(member, true)).me.goalDone).toBe(true);
    expect(
      (await db.focusMember.findFirstOrThrow({ where: { sessionId: session.id, userId: member.id } })).goalDone,
    ).toBe(true);
  });
});

describe("malformed bodies", () => {
  it("answer bad values in every field without a 5xx (a 4xx, or success where the value is allowed)", async () => {
    const room = await newRoom();
    await startFocusAs({ actor: host, slug: room.slug, input: POMODORO });
    const routes = [
      { handler: postFocus, valid: POMODORO },
      { handler: postMembership, valid: { goal: "Read", holdMessages: true } },
      { handler: patchMembership, valid: { goal: "Read", holdMessages: true } },
      { handler: putGoal, valid: { sessionId: "abc", done: true } },
    ];
    fuzzScope.token = await sessionTokenFor(member);
    const failures: string[] = [];
    for (const { handler, valid } of routes) {
      for (const key of Object.keys(valid)) {
        for (const bad of [...BAD_TEXT, HUGE_TEXT, ...WRONG_VALUES, "one\ntwo"]) {
          await resetLimit("focusStart");
          await resetLimit("focusChange");
          const request = new Request(`http://localhost/api/rooms/${room.slug}/focus`, {
            method: "POST",
            headers: { "content-type": "application/json", origin: "http://localhost" },
            body: JSON.stringify({ ...valid, [key]: bad }),
          });
          const response = await handler(request as never, { params: Promise.resolve({ slug: room.slug }) });
          if (response.status >= 500)
            failures.push(`${handler.name} {${key}: ${describeValue(bad)}} ${response.status}`);
        }
      }
    }
    fuzzScope.token = undefined;
    expect(failures).toEqual([]);
  });
});

describe("bans and deactivations", () => {
  it("close a banned member's stint in that room's session, and a deactivated one's everywhere", async () => {
    const [first, second] = [await newRoom(), await newRoom()];
    const joiner = await person("MEMBER");
    const sessions = [];
    for (const room of [first, second]) {
      sessions.push((await startFocusAs({ actor: host, slug: room.slug, input: POMODORO })).session);
      await joinFocusAs({ actor: joiner, slug: room.slug, input: { goal: "Revise" } });
    }
    const open = async (sessionId: string) =>
      (await stintsOf(sessionId, joiner.id)).filter((stint) => stint.endedAt === null).length;
    await removeFromFocus({ userId: joiner.id, roomId: first.id });
    expect([await open(sessions[0]?.id ?? ""), await open(sessions[1]?.id ?? "")]).toEqual([0, 1]);
    await removeFromFocus({ userId: joiner.id });
    expect(await open(sessions[1]?.id ?? "")).toBe(0);
    expect((await focusStateOf({ actor: null, slug: second.slug })).members).toEqual([]);
  });
});

describe("the announcer", () => {
  const clients: PusherClient[] = [];
  const stops: Array<() => void> = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.disconnect();
    for (const stop of stops.splice(0)) stop();
  });

  async function listen(roomId: string): Promise<FocusUpdatedEvent[]> {
    const reader = createRealtimeClient(publicRealtimeConfig());
    clients.push(reader);
    const channel = reader.subscribe(roomChannel(roomId));
    await new Promise<void>((resolve) => channel.bind("pusher:subscription_succeeded", () => resolve()));
    const events: FocusUpdatedEvent[] = [];
    channel.bind("focus:updated", (data: unknown) => events.push(focusUpdatedSchema.parse(data)));
    return events;
  }

  /** Another instance: an announcer in a child process with its own pool. */
  async function otherInstance(): Promise<() => void> {
    const child = spawn(
      process.execPath,
      [
        path.resolve("node_modules/tsx/dist/cli.mjs"),
        "--conditions=react-server",
        "tests/support/focus-announcer-child.ts",
      ],
      { env: { ...process.env, LOG_LEVEL: "silent" }, stdio: ["ignore", "pipe", "inherit"] },
    );
    const stop = () => void child.kill("SIGTERM");
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    await waitFor(() => output.includes("ready"), { timeoutMs: 30_000, what: "the other instance's announcer" });
    return stop;
  }

  it("announces each phase change and the end once, with two instances announcing", async () => {
    const room = await newRoom();
    const events = await listen(room.id);
    stops.push(await otherInstance());
    const outcome = await startFocusSession({
      roomId: room.id,
      startedById: host.id,
      focusSeconds: 1,
      breakSeconds: 1,
      rounds: 2,
      now: new Date(),
    });
    if (!("started" in outcome)) throw new Error("not started");
    stops.push(createFocusAnnouncer({ pollMs: 100 }).stop, createFocusAnnouncer({ pollMs: 100 }).stop);
    await waitFor(() => events.some((e) => e.change === "ended"), { timeoutMs: 15_000, what: "the end" });
    expect(events.map((e) => [e.change, e.phase])).toEqual([
      ["phase", 1],
      ["phase", 2],
      ["ended", 2],
    ]);
    const ended = await db.focusSession.findUniqueOrThrow({ where: { id: outcome.started.id } });
    expect(ended.endedAt?.getTime()).toBe(outcome.started.startedAt.getTime() + 3_000);
    expect(ended.announcedPhase).toBe(2);
  });

  it("picks up the right phase when started mid-session (after a restart)", async () => {
    const room = await newRoom();
    const events = await listen(room.id);
    const startedAt = new Date(Date.now() - 90_000);
    // 60 s focus, 60 s break × 3: 90 s in is the first break.
    await startFocusSession({
      roomId: room.id,
      startedById: host.id,
      focusSeconds: 60,
      breakSeconds: 60,
      rounds: 3,
      now: startedAt,
    });
    const report = await runFocusAnnouncerTick();
    expect(report.nextAt).toBeLessThanOrEqual(startedAt.getTime() + 120_000);
    const [event] = await eventually(() => (events.length > 0 ? events : undefined));
    expect(event).toMatchObject({ change: "phase", phase: 1 });
    const again = await runFocusAnnouncerTick();
    expect(again.announced).toBe(0);
    expect((await focusStateOf({ actor: null, slug: room.slug })).session?.startedAt).toBe(startedAt.getTime());
  });
});
