// The chat HTTP API against the production build: send (201, 200 on retry, 400/401/403/404/415/
// 429), history and catch-up, edit and delete permissions, read state, channel auth refusals,
// and presence webhooks from the run's soketi reaching the app (RoomPresence rows).
import { createHmac, randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "./support/test";
import { DEV_DEFAULTS } from "../lib/env";
import { createRealtimeClient } from "../lib/realtime/browser-client";
import { signInViaApi } from "./support/accounts";
import { createMember, createRoom, type ArrangedRoom, type Member } from "./support/members";
import { sql } from "./support/services";

interface MessageJson {
  id: number;
  roomId: string;
  body: string;
  html: string;
  createdAt: string;
  editedAt: string | null;
  author: { id: string; username: string; name: string; avatarUrl: string | null } | null;
}
interface ErrorJson {
  error: { code: string; message: string; fields?: Record<string, string> };
}

async function signedIn(page: Page, member: Member): Promise<APIRequestContext> {
  await signInViaApi(page, member.email, member.password ?? "");
  return page.context().request;
}

const post = (request: APIRequestContext, room: ArrangedRoom, data: unknown, headers: Record<string, string> = {}) =>
  request.post(`/api/rooms/${room.slug}/messages`, { data, headers });

test("a member sends, retries, edits and deletes; others may read but not change it", async ({ page, browser }) => {
  const [author, other] = [await createMember({ prefix: "ca" }), await createMember({ prefix: "cb" })];
  const room = await createRoom({ hostId: null, name: "Chat api one" });
  const request = await signedIn(page, author);

  const clientKey = randomUUID();
  const created = await post(request, room, { body: "Hello **there**", clientKey });
  expect(created.status()).toBe(201);
  const message = (await created.json()) as MessageJson;
  expect(message).toMatchObject({
    roomId: room.id,
    body: "Hello **there**",
    html: "<p>Hello <strong>there</strong></p>",
    editedAt: null,
  });
  expect(message.author).toMatchObject({ id: author.id, username: author.username });

  const retried = await post(request, room, { body: "Hello **there**", clientKey });
  expect(retried.status()).toBe(200);
  expect(((await retried.json()) as MessageJson).id).toBe(message.id);
  expect(await sql(`SELECT id FROM "Message" WHERE "roomId" = $1`, [room.id])).toHaveLength(1);

  // Anyone may read, signed in or not.
  const visitor = await browser.newContext();
  const history = await visitor.request.get(`/api/rooms/${room.slug}/messages`);
  expect(history.status()).toBe(200);
  // History carries each message's reactions (none yet), which a send's answer has no need of.
  expect(await history.json()).toEqual({
    messages: [{ ...message, reactions: [] }],
    hasMore: false,
    at: expect.any(String),
  });
  await visitor.close();

  const otherPage = await browser.newPage();
  const otherRequest = await signedIn(otherPage, other);
  expect(
    (await otherRequest.patch(`/api/rooms/${room.slug}/messages/${message.id}`, { data: { body: "hijack" } })).status(),
  ).toBe(403);
  expect((await otherRequest.delete(`/api/rooms/${room.slug}/messages/${message.id}`)).status()).toBe(403);

  const edited = await request.patch(`/api/rooms/${room.slug}/messages/${message.id}`, {
    data: { body: "Hello *again*" },
  });
  expect(edited.status()).toBe(200);
  expect(await edited.json()).toMatchObject({
    id: message.id,
    html: "<p>Hello <em>again</em></p>",
    editedAt: expect.any(String) as unknown,
  });

  const deleted = await request.delete(`/api/rooms/${room.slug}/messages/${message.id}`);
  expect(deleted.status()).toBe(200);
  expect(await deleted.json()).toEqual({ id: message.id, roomId: room.id, deleted: true });
  const after = (await (await request.get(`/api/rooms/${room.slug}/messages`)).json()) as { messages: unknown[] };
  expect(after.messages).toEqual([{ id: message.id, deleted: true }]);
  await otherPage.close();
});

test("bad sends get a clear 4xx and store nothing", async ({ page, request: anonymous }) => {
  const member = await createMember({ prefix: "cc" });
  const room = await createRoom({ hostId: null, name: "Chat api two" });

  const signedOut = await post(anonymous, room, { body: "hi", clientKey: randomUUID() });
  expect(signedOut.status()).toBe(401);
  expect(((await signedOut.json()) as ErrorJson).error.code).toBe("unauthorized");

  const request = await signedIn(page, member);
  const cases: Array<[unknown, number, RegExp]> = [
    [{ body: "   ", clientKey: randomUUID() }, 400, /Write a message first/],
    [{ body: "x".repeat(4001), clientKey: randomUUID() }, 400, /at most 4,000 characters/],
    [{ body: ["not", "text"], clientKey: randomUUID() }, 400, /Write a message first/],
    [{ body: "hi", clientKey: "nope" }, 400, /clientKey/],
  ];
  for (const [data, status, message] of cases) {
    const response = await post(request, room, data);
    expect(response.status()).toBe(status);
    expect(((await response.json()) as ErrorJson).error.message).toMatch(message);
  }
  const notJson = await request.post(`/api/rooms/${room.slug}/messages`, {
    data: "body=hi",
    headers: { "Content-Type": "text/plain" },
  });
  expect(notJson.status()).toBe(415);
  const broken = await request.post(`/api/rooms/${room.slug}/messages`, {
    data: "{",
    headers: { "Content-Type": "application/json" },
  });
  expect(broken.status()).toBe(400);
  expect(
    (await post(request, room, { body: "hi", clientKey: randomUUID() }, { "X-Socket-Id": "not-a-socket" })).status(),
  ).toBe(400);
  expect(
    (
      await request.post(`/api/rooms/no-such-room-here/messages`, { data: { body: "hi", clientKey: randomUUID() } })
    ).status(),
  ).toBe(404);
  expect(await sql(`SELECT id FROM "Message" WHERE "roomId" = $1`, [room.id])).toHaveLength(0);

  await sql(`UPDATE "User" SET "emailVerifiedAt" = NULL WHERE id = $1`, [member.id]);
  const unverified = await post(request, room, { body: "hi", clientKey: randomUUID() });
  expect(unverified.status()).toBe(403);
  expect(((await unverified.json()) as ErrorJson).error.code).toBe("forbidden:unverified");
});

test("the 11th message in 10 seconds is refused with 429 and Retry-After", async ({ page }) => {
  const member = await createMember({ prefix: "cd" });
  const room = await createRoom({ hostId: null, name: "Chat api three" });
  const request = await signedIn(page, member);
  for (let i = 0; i < 10; i++)
    expect((await post(request, room, { body: `m${i}`, clientKey: randomUUID() })).status()).toBe(201);
  const limited = await post(request, room, { body: "too many", clientKey: randomUUID() });
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
  expect(((await limited.json()) as ErrorJson).error.message).toMatch(/too fast/);

  // History and catch-up by id.
  const latest = (await (await request.get(`/api/rooms/${room.slug}/messages?limit=4`)).json()) as {
    messages: MessageJson[];
    hasMore: boolean;
  };
  expect(latest.messages.map((m) => m.body)).toEqual(["m6", "m7", "m8", "m9"]);
  expect(latest.hasMore).toBe(true);
  const older = (await (
    await request.get(`/api/rooms/${room.slug}/messages?before=${latest.messages[0]?.id}&limit=50`)
  ).json()) as { messages: MessageJson[]; hasMore: boolean };
  expect(older.messages.map((m) => m.body)).toEqual(["m0", "m1", "m2", "m3", "m4", "m5"]);
  const caughtUp = (await (
    await request.get(`/api/rooms/${room.slug}/messages?after=${older.messages[2]?.id}&limit=3`)
  ).json()) as { messages: MessageJson[]; hasMore: boolean };
  expect(caughtUp.messages.map((m) => m.body)).toEqual(["m3", "m4", "m5"]);
  expect(caughtUp.hasMore).toBe(true);
  expect((await request.get(`/api/rooms/${room.slug}/messages?before=1&after=2`)).status()).toBe(400);
});

test("reading a room answers the read position and unread total", async ({ page, browser, request: anonymous }) => {
  const [reader, writer] = [await createMember({ prefix: "ce" }), await createMember({ prefix: "cf" })];
  const room = await createRoom({ hostId: reader.id, name: "Chat api four" });
  const writerPage = await browser.newPage();
  const writerRequest = await signedIn(writerPage, writer);
  const ids: number[] = [];
  for (const body of ["one", "two", "three"])
    ids.push(((await (await post(writerRequest, room, { body, clientKey: randomUUID() })).json()) as MessageJson).id);

  const request = await signedIn(page, reader);
  const partly = await request.post(`/api/rooms/${room.slug}/read`, { data: { messageId: ids[0] } });
  expect(await partly.json()).toEqual({ lastReadMessageId: ids[0], totalUnread: 2 });
  const all = await request.post(`/api/rooms/${room.slug}/read`);
  expect(await all.json()).toEqual({ lastReadMessageId: ids[2], totalUnread: 0 });
  expect((await anonymous.post(`/api/rooms/${room.slug}/read`)).status()).toBe(401);
  await writerPage.close();
});

test("channel auth signs only the right channels for signed-in members", async ({ page, request: anonymous }) => {
  const [member, someoneElse] = [await createMember({ prefix: "cg" }), await createMember({ prefix: "ch" })];
  const room = await createRoom({ hostId: null, name: "Chat api five" });
  const auth = (request: APIRequestContext, channel: string, socketId = "123.456") =>
    request.post("/api/pusher/auth", { form: { socket_id: socketId, channel_name: channel } });

  expect((await auth(anonymous, `presence-room-${room.id}`)).status()).toBe(401);

  const request = await signedIn(page, member);
  const ok = await auth(request, `presence-room-${room.id}`);
  expect(ok.status()).toBe(200);
  const signed = (await ok.json()) as { auth: string; channel_data: string };
  expect(signed.auth).toMatch(/^roomful-key:[0-9a-f]{64}$/);
  expect(JSON.parse(signed.channel_data)).toEqual({
    user_id: member.id,
    user_info: { name: member.name, username: member.username, avatarUrl: null },
  });
  // JSON works too.
  expect(
    (
      await request.post("/api/pusher/auth", {
        data: { socket_id: "123.456", channel_name: `private-user-${member.id}` },
      })
    ).status(),
  ).toBe(200);

  expect((await auth(request, "presence-lobby")).status()).toBe(400);
  expect((await auth(request, `presence-room-${room.id}`, "nope")).status()).toBe(400);
  expect((await auth(request, "presence-room-e2enosuchroom0000000000")).status()).toBe(404);
  expect((await auth(request, `private-user-${someoneElse.id}`)).status()).toBe(403);
});

test("soketi's occupancy webhooks reach the app and keep the room's online members", async ({ page }) => {
  const member = await createMember({ prefix: "ci" });
  const room = await createRoom({ hostId: null, name: "Chat api six" });
  const request = await signedIn(page, member);

  // An unsigned webhook is refused.
  const forged = JSON.stringify({
    time_ms: Date.now(),
    events: [{ name: "channel_occupied", channel: `private-here-${room.id}-${member.id}` }],
  });
  const refused = await request.post("/api/pusher/webhook", {
    data: forged,
    headers: {
      "Content-Type": "application/json",
      "X-Pusher-Key": DEV_DEFAULTS.PUSHER_KEY,
      "X-Pusher-Signature": createHmac("sha256", "wrong").update(forged).digest("hex"),
    },
  });
  expect(refused.status()).toBe(401);

  const client = createRealtimeClient(
    {
      key: DEV_DEFAULTS.PUSHER_KEY,
      cluster: "mt1",
      wsHost: "127.0.0.1",
      wsPort: Number(process.env.E2E_PUSHER_PORT),
      forceTLS: false,
    },
    async ({ socketId, channelName }) => {
      const response = await request.post("/api/pusher/auth", {
        form: { socket_id: socketId, channel_name: channelName },
      });
      if (!response.ok()) throw new Error(`auth ${response.status()}`);
      return (await response.json()) as { auth: string; channel_data?: string };
    },
  );
  const online = async () =>
    Number(
      (
        await sql<{ n: string }>(`SELECT count(*) AS n FROM "RoomPresence" WHERE "roomId" = $1 AND online`, [room.id])
      )[0]?.n,
    );
  try {
    await new Promise<void>((resolve, reject) => {
      // What the room page holds for a member: its occupancy is "online".
      const channel = client.subscribe(`private-here-${room.id}-${member.id}`);
      channel.bind("pusher:subscription_succeeded", () => resolve());
      channel.bind("pusher:subscription_error", (e: unknown) => reject(new Error(JSON.stringify(e))));
    });
    await expect.poll(online).toBe(1);
  } finally {
    client.disconnect();
  }
  await expect.poll(online).toBe(0);
});
