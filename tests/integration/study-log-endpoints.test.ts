// The study log's endpoints: GET /api/rooms/<slug>/study-board (public while on, a JSON 404 while off or for an
// unknown room) and the two server actions (settings' "Hide my study log", the edit page's board switch) as the
// signed-out, a member, the host: who may, what is stored, the form state a page shows, and the setter's rate limit.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/fuzz-scope")).nextHeaders());
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  ...(await import("../support/fuzz-scope")).nextCache,
}));
import { setStudyBoardAction } from "@/app/(main)/rooms/[slug]/edit/study-board-actions";
import { updateStudyLogAction } from "@/app/(main)/settings/study-log-actions";
import { GET as getBoard } from "@/app/api/rooms/[slug]/study-board/route";
import { LIMITS } from "@/lib/auth/rate-limit";
import { db, disconnectDb } from "@/lib/db/client";
import { createRoom } from "@/lib/db/rooms";
import type { SessionUser } from "@/lib/db/users";
import { initialFormState, type FormState } from "@/lib/form-state";
import { person, resetLimit } from "../support/admin-fixtures";
import { fuzzScope } from "../support/fuzz-scope";
import { sessionTokenFor } from "../support/session-token";

let host: SessionUser;
let member: SessionUser;
let room: { id: string; slug: string };

beforeAll(async () => {
  [host, member] = await Promise.all([person(), person()]);
  room = await createRoom({ name: "Study endpoints", topicName: "Testing", description: "", hostId: host.id });
  // Twenty minutes of study just now (one 25-minute round that started 21 minutes ago).
  const now = Date.now();
  const startedAt = new Date(now - 21 * 60_000);
  const session = await db.focusSession.create({
    data: {
      roomId: room.id,
      startedAt,
      endedAt: new Date(now - 60_000),
      focusSeconds: 1500,
      breakSeconds: 0,
      rounds: 1,
    },
  });
  await db.focusMember.create({ data: { sessionId: session.id, userId: member.id, goal: "Twenty minutes" } });
  await db.focusStint.create({ data: { sessionId: session.id, userId: member.id, startedAt, endedAt: null } });
  await db.presenceSpan.create({ data: { roomId: room.id, userId: member.id, startedAt, endedAt: null } });
});
afterAll(() => disconnectDb());

const get = (slug: string) =>
  getBoard(new Request(`http://localhost/api/rooms/${slug}/study-board`) as never, {
    params: Promise.resolve({ slug }),
  });

async function as<T>(caller: SessionUser | null, action: (s: FormState, d: FormData) => Promise<T>, fields: object) {
  fuzzScope.token = caller ? await sessionTokenFor(caller) : undefined;
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, String(value));
  return action(initialFormState, data);
}

const stored = async () =>
  (await db.room.findUniqueOrThrow({ where: { id: room.id }, select: { studyBoard: true } })).studyBoard;

describe("the board", () => {
  it("is a JSON 404 while off, for anyone", async () => {
    const response = await get(room.slug);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "not_found:study_board" } });
    expect((await get("no-such-room-anywhere")).status).toBe(404);
  });

  it("is turned on by the host only, then served to anyone", async () => {
    expect(await as(null, setStudyBoardAction, { slug: room.slug, enabled: "on" })).toMatchObject({ status: "error" });
    expect(await as(member, setStudyBoardAction, { slug: room.slug, enabled: "on" })).toMatchObject({
      status: "error",
      message: expect.stringContaining("Only the room’s host"),
    });
    expect(await stored()).toBe(false);
    expect(await as(host, setStudyBoardAction, { slug: room.slug, enabled: "on" })).toMatchObject({
      status: "success",
      message: expect.stringContaining("The study board is on"),
    });
    expect(await stored()).toBe(true);
    const response = await get(room.slug);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(body.entries).toEqual([
      {
        rank: 1,
        member: { id: member.id, username: member.username, name: member.name, avatarUrl: null },
        studyMs: expect.any(Number),
      },
    ]);
    expect(body.entries[0].studyMs).toBeGreaterThanOrEqual(19 * 60_000);
    // Unticked, the box posts nothing: off.
    expect(await as(host, setStudyBoardAction, { slug: room.slug })).toMatchObject({ status: "success" });
    expect(await stored()).toBe(false);
  });

  it("refuses a bad room address and a bad value without changing anything", async () => {
    expect(await as(host, setStudyBoardAction, { slug: "Not A Slug", enabled: "on" })).toMatchObject({
      status: "error",
      message: "That is not a room address.",
    });
    expect(await as(host, setStudyBoardAction, { slug: room.slug, enabled: "yes please" })).toMatchObject({
      status: "error",
    });
    expect(await stored()).toBe(false);
  });
});

describe("hide my study log", () => {
  const hidden = async () =>
    (await db.user.findUniqueOrThrow({ where: { id: member.id }, select: { studyLogHidden: true } })).studyLogHidden;

  it("needs a signed-in member and changes only their own setting", async () => {
    expect(await as(null, updateStudyLogAction, { hidden: "on" })).toMatchObject({ status: "error" });
    expect(await hidden()).toBe(false);
    expect(await as(member, updateStudyLogAction, { hidden: "on" })).toMatchObject({
      status: "success",
      message: expect.stringContaining("Your study log is hidden"),
      values: { hidden: "on" },
    });
    expect(await hidden()).toBe(true);
    expect(await as(member, updateStudyLogAction, {})).toMatchObject({ status: "success", values: { hidden: "" } });
    expect(await hidden()).toBe(false);
  });

  it("is rate-limited, changing nothing past the limit", async () => {
    await resetLimit("studySettings");
    for (let i = 0; i < LIMITS.studySettings.points; i++) await as(member, updateStudyLogAction, { hidden: "on" });
    expect(await as(member, updateStudyLogAction, {})).toMatchObject({ status: "error" });
    expect(await hidden()).toBe(true);
    await resetLimit("studySettings");
  });
});
