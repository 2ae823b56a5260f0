// The limits on what a signed-in member (or a visitor's IP) may repeat: edits, deletes, avatar uploads, opening rooms,
// joining and leaving, searching, and messages across rooms. Each is far above what a person does by hand; for each,
// the call past the limit is refused (429 with Retry-After from an API, the wait in a form's error), changing nothing.
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import sharp from "sharp";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/fuzz-scope")).nextHeaders());
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  ...(await import("../support/fuzz-scope")).nextCache,
}));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  ...(await import("../support/fuzz-scope")).nextServer,
}));
import { PUT as putAvatar } from "@/app/api/avatars/[userId]/route";
import { GET as getRooms } from "@/app/api/rooms/route";
import { createRoomAction } from "@/app/(main)/rooms/new/actions";
import { joinRoomAction } from "@/app/(main)/rooms/[slug]/actions";
import { LIMITS } from "@/lib/auth/rate-limit";
import { deleteRoomMessage, editMessage, sendMessage } from "@/lib/chat/messages";
import { db, disconnectDb } from "@/lib/db/client";
import { createRoom } from "@/lib/db/rooms";
import { createUser, findSessionUser, type SessionUser } from "@/lib/db/users";
import { AppError } from "@/lib/errors";
import { createRoomAs } from "@/lib/rooms/create-room";
import { joinRoomAs, leaveRoomAs } from "@/lib/rooms/membership";
import { fuzzScope } from "../support/fuzz-scope";
import { sessionTokenFor } from "../support/session-token";

afterAll(() => disconnectDb());

async function member(): Promise<SessionUser> {
  const username = `lim_${randomUUID().slice(0, 8)}`;
  const { id } = await createUser({
    email: `${username}@example.test`,
    username,
    name: "Limit Tester",
    passwordHash: null,
    emailVerifiedAt: new Date(),
  });
  const user = await findSessionUser({ id });
  if (!user) throw new Error("user vanished");
  return user;
}

/** The request scope's session cookie for `user` (null: a visitor). */
async function signIn(user: SessionUser | null): Promise<void> {
  if (!user) {
    fuzzScope.token = undefined;
    return;
  }
  fuzzScope.token = await sessionTokenFor(user);
}

async function newRoom(host: SessionUser) {
  return createRoom({
    name: `Limits ${randomUUID().slice(0, 6)}`,
    topicName: "Testing",
    description: "",
    hostId: host.id,
  });
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

function expectTooMany(error: AppError, code: string, words: RegExp) {
  expect(error.status).toBe(429);
  expect(error.code).toBe(`rate_limited:${code}`);
  expect(error.retryAfter).toBeGreaterThanOrEqual(1);
  expect(error.message).toMatch(words);
  expect(error.message).toMatch(/Try again in \d+ minutes?\.$/);
}

async function send(user: SessionUser, slug: string, body: string) {
  return sendMessage({ actor: user, slug, input: { body, clientKey: randomUUID() } });
}

describe("message edits and deletes", () => {
  it(`refuses the edit past ${LIMITS.messageEdit.points} a minute, leaving the message as it was`, async () => {
    const author = await member();
    const room = await newRoom(author);
    const { message } = await send(author, room.slug, "first words");
    for (let i = 0; i < LIMITS.messageEdit.points; i++) {
      await editMessage({ actor: author, slug: room.slug, messageId: message.id, input: { body: `edit ${i}` } });
    }
    const error = await refusal(
      editMessage({ actor: author, slug: room.slug, messageId: message.id, input: { body: "one too many" } }),
    );
    expectTooMany(error, "messageEdit", /editing messages too fast/);
    const stored = await db.message.findUniqueOrThrow({ where: { id: message.id } });
    expect(stored.body).toBe(`edit ${LIMITS.messageEdit.points - 1}`);
  });

  it(`refuses a member's delete past ${LIMITS.messageDelete.points} a minute, deleting nothing`, async () => {
    const author = await member();
    const room = await newRoom(author);
    // Stored directly: sending this many would meet the send limits first.
    const ids: number[] = [];
    for (let i = 0; i <= LIMITS.messageDelete.points; i++) {
      const row = await db.message.create({ data: { roomId: room.id, authorId: author.id, body: `m${i}` } });
      ids.push(row.id);
    }
    for (const id of ids.slice(0, -1)) await deleteRoomMessage({ actor: author, slug: room.slug, messageId: id });
    const last = ids.at(-1);
    const error = await refusal(deleteRoomMessage({ actor: author, slug: room.slug, messageId: last }));
    expectTooMany(error, "messageDelete", /deleting messages too fast/);
    expect((await db.message.findUniqueOrThrow({ where: { id: last } })).deletedAt).toBeNull();
  });
});

describe("messages across rooms", () => {
  it(`refuses the message past ${LIMITS.messagePostMember.points} a minute spread over several rooms`, async () => {
    const sender = await member();
    const perRoom = LIMITS.messagePost.points;
    const rooms = await Promise.all(
      Array.from({ length: Math.ceil(LIMITS.messagePostMember.points / perRoom) + 1 }, () => newRoom(sender)),
    );
    // Each room stays within its own limit; together they reach the member's.
    for (let i = 0; i < LIMITS.messagePostMember.points; i++) {
      await send(sender, rooms[Math.floor(i / perRoom)]!.slug, `message ${i}`);
    }
    const fresh = rooms.at(-1)!;
    const error = await refusal(send(sender, fresh.slug, "one room too many"));
    expect(error.status).toBe(429);
    expect(error.code).toBe("rate_limited:message_post");
    expect(error.retryAfter).toBeGreaterThan(LIMITS.messagePost.durationSeconds);
    expect(error.retryAfter).toBeLessThanOrEqual(LIMITS.messagePostMember.durationSeconds);
    expect(error.message).toMatch(/^You are sending messages too fast\. Wait \d+ seconds? and try again\.$/);
    expect(await db.message.count({ where: { roomId: fresh.id } })).toBe(0);
    expect(await db.message.count({ where: { authorId: sender.id } })).toBe(LIMITS.messagePostMember.points);
    // Another member is not held back by this one.
    expect((await send(await member(), fresh.slug, "hello")).created).toBe(true);
  });
});

describe("avatar uploads", () => {
  it(`refuses the upload past ${LIMITS.avatarUpload.points} an hour with a 429, keeping the avatar`, async () => {
    const user = await member();
    await signIn(user);
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#3366cc" } })
      .png()
      .toBuffer();
    const upload = () =>
      putAvatar(
        new NextRequest(`http://localhost/api/avatars/${user.id}`, {
          method: "PUT",
          headers: { "content-type": "image/png" },
          body: new Uint8Array(png),
        }),
        { params: Promise.resolve({ userId: user.id }) },
      );
    for (let i = 0; i < LIMITS.avatarUpload.points; i++) expect((await upload()).status).toBe(200);
    const before = await db.avatar.findUniqueOrThrow({ where: { userId: user.id } });

    const response = await upload();
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("rate_limited:avatarUpload");
    expect(body.error.message).toMatch(/changed your avatar many times .* Try again in \d+ minutes?\./);
    expect((await db.avatar.findUniqueOrThrow({ where: { userId: user.id } })).updatedAt).toEqual(before.updatedAt);
  });
});

describe("rooms", () => {
  it(`refuses the room past ${LIMITS.roomCreate.points} an hour with the wait in the form, opening none`, async () => {
    const user = await member();
    for (let i = 0; i < LIMITS.roomCreate.points; i++) {
      await createRoomAs(user, { name: `Mine ${i} ${user.username}`, topicName: "Testing", description: "" });
    }
    await signIn(user);
    const form = new FormData();
    for (const [key, value] of Object.entries({ name: "One more", topic: "Testing", description: "" }))
      form.set(key, value);
    const state = await createRoomAction({ status: "idle" }, form);
    expect(state.status).toBe("error");
    expect(state.message).toMatch(/opened many rooms in the last hour\. Try again in \d+ minutes?\./);
    expect(await db.room.count({ where: { hostId: user.id } })).toBe(LIMITS.roomCreate.points);
  });

  it(`refuses the join or leave past ${LIMITS.roomMembership.points} a minute, changing no membership`, async () => {
    const [host, user] = [await member(), await member()];
    const room = await newRoom(host);
    const other = await newRoom(host);
    for (let i = 0; i < LIMITS.roomMembership.points / 2; i++) {
      await joinRoomAs(user, { slug: room.slug });
      await leaveRoomAs(user, { slug: room.slug });
    }
    const error = await refusal(leaveRoomAs(user, { slug: room.slug }));
    expectTooMany(error, "roomMembership", /joined and left rooms many times/);

    await signIn(user);
    const form = new FormData();
    form.set("slug", other.slug);
    const state = await joinRoomAction({ status: "idle" }, form);
    expect(state.status).toBe("error");
    expect(state.message).toMatch(/joined and left rooms many times in the last minute\. Try again in 1 minute\./);
    expect(await db.participant.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("room search", () => {
  const search = (q: string) => getRooms(new NextRequest(`http://localhost/api/rooms?q=${encodeURIComponent(q)}`));

  it(`refuses a visitor's search past ${LIMITS.searchIp.points} a minute per IP with a 429`, async () => {
    await signIn(null);
    // The IP comes from the request's own X-Forwarded-For (appended by the server in front).
    const fromIp = (ip: string, q: string) =>
      getRooms(
        new NextRequest(`http://localhost/api/rooms?q=${encodeURIComponent(q)}`, {
          headers: { "x-forwarded-for": ip },
        }),
      );
    const ip = `192.0.2.${Math.floor(Math.random() * 250) + 1}`;
    for (let i = 0; i < LIMITS.searchIp.points; i++) expect((await fromIp(ip, `topic ${i}`)).status).toBe(200);
    const response = await fromIp(ip, "one too many");
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await response.json()) as { error: { code: string; message: string }; rooms?: unknown };
    expect(body.error).toEqual({
      code: "rate_limited:searchIp",
      message: expect.stringMatching(/searched very often in the last minute\. Try again in 1 minute\./),
    });
    expect(body.rooms).toBeUndefined();
    // Another address, and browsing without a search, still work.
    expect((await fromIp(`${ip}1`, "hello")).status).toBe(200);
    expect(
      (await getRooms(new NextRequest("http://localhost/api/rooms", { headers: { "x-forwarded-for": ip } }))).status,
    ).toBe(200);
  });

  it(`refuses a member's search past ${LIMITS.searchMember.points} a minute wherever it comes from`, async () => {
    const user = await member();
    await signIn(user);
    for (let i = 0; i < LIMITS.searchMember.points; i++) expect((await search(`topic ${i}`)).status).toBe(200);
    const response = await search("one too many");
    expect(response.status).toBe(429);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("rate_limited:searchMember");
    await signIn(await member());
    expect((await search("hello")).status).toBe(200);
  });
});
