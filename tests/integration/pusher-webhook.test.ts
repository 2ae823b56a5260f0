// POST /api/pusher/webhook (the route handler itself: it needs no session) and the online counts
// it keeps from members' here-channels: signature checks, distinct members, late and repeated
// deliveries, the live count on the room channel, and soketi's own webhooks end to end (this file
// runs a soketi that posts to a local server calling the handler).
import { createHmac } from "node:crypto";
import { tmpdir } from "node:os";
import type PusherClient from "pusher-js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/pusher/webhook/route";
import { authorizeChannel } from "@/lib/chat/channel-auth";
import { db, disconnectDb } from "@/lib/db/client";
import { createRoom } from "@/lib/db/rooms";
import { createUser, findSessionUser, type SessionUser } from "@/lib/db/users";
import { createRealtimeClient } from "@/lib/realtime/browser-client";
import { hereChannel, presenceChannel, roomChannel, userChannel } from "@/lib/realtime/channels";
import { publicRealtimeConfig } from "@/lib/realtime/config";
import { getOnlineCounts } from "@/lib/realtime/presence";
import type { ChildService } from "@/scripts/stack/child-service";
import { freePort } from "@/scripts/stack/ports";
import { startSoketi } from "@/scripts/stack/soketi";
import { startWebhookRouteServer } from "../support/webhook-route-server";
import { waitFor } from "../support/wait-for";

const KEY = process.env.PUSHER_KEY ?? "";
const SECRET = process.env.PUSHER_SECRET ?? "";

const users: SessionUser[] = [];
let roomCounter = 0;

async function newRoom(): Promise<string> {
  roomCounter++;
  const first = users[0];
  if (!first) throw new Error("no users");
  return (
    await createRoom({ name: `Webhook room ${roomCounter}`, topicName: "Testing", description: "", hostId: first.id })
  ).id;
}

beforeAll(async () => {
  for (const name of ["ann", "ben", "cat"]) {
    const { id } = await createUser({
      email: `${name}@example.test`,
      username: name,
      name,
      passwordHash: null,
      emailVerifiedAt: new Date(),
    });
    const user = await findSessionUser({ id });
    if (user) users.push(user);
  }
});
afterAll(() => disconnectDb());

const user = (i: number) => {
  const found = users[i];
  if (!found) throw new Error(`no user ${i}`);
  return found;
};

type WebhookEvent = { name: string; channel: string; user_id?: string };

function webhookRequest(
  events: WebhookEvent[],
  {
    timeMs = Date.now(),
    key = KEY,
    secret = SECRET,
    tamper,
    contentType = "application/json",
  }: { timeMs?: number; key?: string; secret?: string; tamper?: (body: string) => string; contentType?: string } = {},
): Request {
  const body = JSON.stringify({ time_ms: timeMs, events });
  const signature = createHmac("sha256", secret).update(body).digest("hex");
  return new Request("http://localhost/api/pusher/webhook", {
    method: "POST",
    headers: { "Content-Type": contentType, "X-Pusher-Key": key, "X-Pusher-Signature": signature },
    body: tamper ? tamper(body) : body,
  });
}

async function deliver(events: WebhookEvent[], options: Parameters<typeof webhookRequest>[1] = {}) {
  const response = await POST(webhookRequest(events, options));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const added = (roomId: string, userId: string): WebhookEvent => ({
  name: "channel_occupied",
  channel: hereChannel(roomId, userId),
});
const removed = (roomId: string, userId: string): WebhookEvent => ({
  name: "channel_vacated",
  channel: hereChannel(roomId, userId),
});

const online = async (roomId: string) => (await getOnlineCounts([roomId]))[roomId];

describe("signature", () => {
  it("applies a correctly signed webhook", async () => {
    const room = await newRoom();
    expect(await deliver([added(room, user(0).id)])).toEqual({ status: 200, body: { ok: true, applied: 1 } });
    expect(await online(room)).toBe(1);
  });

  it("accepts a charset on the JSON content type", async () => {
    const room = await newRoom();
    expect((await deliver([added(room, user(0).id)], { contentType: "application/json; charset=utf-8" })).status).toBe(
      200,
    );
    expect(await online(room)).toBe(1);
  });

  it.each([
    ["a tampered body", { tamper: (body: string) => body.replace("channel_occupied", "channel_vacated") }],
    ["a signature made with another secret", { secret: "not-the-secret" }],
    ["another app's key", { key: "someone-elses-key" }],
    ["no signature at all", { tamper: (body: string) => body, secret: "" }],
    ["a body that is not JSON", { contentType: "text/plain" }],
  ])("answers 401 for %s and changes nothing", async (_what, options) => {
    const room = await newRoom();
    const { status, body } = await deliver([added(room, user(0).id)], options);
    expect(status).toBe(401);
    expect(body).toMatchObject({ error: { code: "unauthorized:webhook" } });
    expect(await online(room)).toBe(0);
  });

  it("answers 401 for a request without the Pusher headers", async () => {
    const response = await POST(
      new Request("http://localhost/api/pusher/webhook", {
        method: "POST",
        body: "{}",
        headers: { "Content-Type": "application/json" },
      }),
    );
    expect(response.status).toBe(401);
  });
});

describe("online counts", () => {
  it("counts two joins and one leave as 1", async () => {
    const room = await newRoom();
    await deliver([added(room, user(0).id)]);
    await deliver([added(room, user(1).id)]);
    expect(await online(room)).toBe(2);
    await deliver([removed(room, user(0).id)]);
    expect(await online(room)).toBe(1);
  });

  it("counts a member once however often their channel is occupied, and 0 once all are vacated", async () => {
    const room = await newRoom();
    await deliver([added(room, user(0).id), added(room, user(0).id)]);
    await deliver([added(room, user(0).id)]);
    await deliver([added(room, user(1).id), added(room, user(2).id)]);
    expect(await online(room)).toBe(3);
    await deliver([removed(room, user(0).id), removed(room, user(1).id), removed(room, user(2).id)]);
    expect(await online(room)).toBe(0);
  });

  it("ignores presence and room channel events: only here-channels count", async () => {
    const room = await newRoom();
    const { body } = await deliver([
      { name: "member_added", channel: presenceChannel(room), user_id: user(0).id },
      { name: "channel_occupied", channel: roomChannel(room) },
      { name: "channel_occupied", channel: presenceChannel(room) },
    ]);
    expect(body.applied).toBe(0);
    expect(await online(room)).toBe(0);
  });

  it("ignores a webhook older than what it would undo", async () => {
    const room = await newRoom();
    const t = Date.now();
    await deliver([added(room, user(0).id)], { timeMs: t });
    await deliver([removed(room, user(0).id)], { timeMs: t + 2000 });
    // The join from before the leave arrives late.
    await deliver([added(room, user(0).id)], { timeMs: t + 1000 });
    expect(await online(room)).toBe(0);
    // A repeated delivery of the leave changes nothing either.
    await deliver([removed(room, user(0).id)], { timeMs: t + 2000 });
    expect(await online(room)).toBe(0);
  });

  it("ignores other channels, unknown rooms and unknown users", async () => {
    const room = await newRoom();
    const { status, body } = await deliver([
      { name: "channel_occupied", channel: userChannel(user(0).id) },
      { name: "channel_occupied", channel: "private-here-elsewhere" },
      added("cnosuchroom00000000000000", user(0).id),
      added(room, "cnosuchuser00000000000000"),
      { name: "client_event", channel: roomChannel(room) },
    ]);
    expect(status).toBe(200);
    expect(body.applied).toBe(2);
    expect(await online(room)).toBe(0);
    expect(await db.roomPresence.count({ where: { userId: "cnosuchuser00000000000000" } })).toBe(0);
  });

  it("answers 0 for rooms nobody is in, for many rooms at once", async () => {
    const [a, b] = [await newRoom(), await newRoom()];
    await deliver([added(a, user(0).id), added(a, user(1).id)]);
    expect(await getOnlineCounts([a, b])).toEqual({ [a]: 2, [b]: 0 });
    expect(await getOnlineCounts([])).toEqual({});
  });

  it("forgets a deleted room's rows", async () => {
    const room = await newRoom();
    await deliver([added(room, user(0).id)]);
    await db.room.delete({ where: { id: room } });
    expect(await db.roomPresence.count({ where: { roomId: room } })).toBe(0);
  });
});

describe("soketi's own webhooks", () => {
  let soketi: ChildService | undefined;
  let relay: Awaited<ReturnType<typeof startWebhookRouteServer>> | undefined;
  const clients: PusherClient[] = [];

  beforeAll(async () => {
    relay = await startWebhookRouteServer();
    const port = await freePort();
    soketi = await startSoketi({
      port,
      clusterPort: await freePort(),
      appId: process.env.PUSHER_APP_ID ?? "",
      key: KEY,
      secret: SECRET,
      configDir: tmpdir(),
      webhookUrl: relay.url,
    });
    process.env.PUSHER_PORT = String(port);
  });

  afterEach(() => {
    for (const client of clients.splice(0)) client.disconnect();
  });

  afterAll(async () => {
    await soketi?.stop();
    await relay?.close();
  });

  function connect(actor: SessionUser, roomId: string): Promise<PusherClient> {
    // The realtime settings are read per call here, so this client uses this file's soketi.
    const client = createRealtimeClient(
      { key: KEY, cluster: "mt1", wsHost: "127.0.0.1", wsPort: Number(process.env.PUSHER_PORT), forceTLS: false },
      ({ socketId, channelName }) =>
        authorizeChannel({ actor, input: { socket_id: socketId, channel_name: channelName } }),
    );
    clients.push(client);
    return new Promise((resolve, reject) => {
      // What the room page holds for a member: its occupancy is "online".
      const channel = client.subscribe(hereChannel(roomId, actor.id));
      channel.bind("pusher:subscription_succeeded", () => resolve(client));
      channel.bind("pusher:subscription_error", (e: unknown) => reject(new Error(JSON.stringify(e))));
    });
  }

  const onlineBecomes = (roomId: string, expected: number) =>
    waitFor(async () => (await online(roomId)) === expected, { what: `${expected} online` });

  it("counts members (not tabs) as they come and go, and 0 once the room is empty", async () => {
    const room = await newRoom();
    const annTab1 = await connect(user(0), room);
    await connect(user(0), room);
    const ben = await connect(user(1), room);
    await onlineBecomes(room, 2);

    ben.disconnect();
    await onlineBecomes(room, 1);
    // One of Ann's two tabs closes: she is still there.
    annTab1.disconnect();
    await new Promise((r) => setTimeout(r, 300));
    expect(await online(room)).toBe(1);

    for (const client of clients) client.disconnect();
    await onlineBecomes(room, 0);
    const statuses = relay?.deliveries.map((d) => d.status) ?? [];
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((status) => status === 200)).toBe(true);
  });

  it("tells the room channel's readers, visitors included, the count as it changes", async () => {
    const room = await newRoom();
    // Where the app triggers (its settings are read once per process): the test stack's soketi.
    const visitor = createRealtimeClient(publicRealtimeConfig());
    clients.push(visitor);
    const counts: unknown[] = [];
    await new Promise<void>((resolve, reject) => {
      const channel = visitor.subscribe(roomChannel(room));
      channel.bind("room:online", (data: unknown) => counts.push(data));
      channel.bind("pusher:subscription_succeeded", () => resolve());
      channel.bind("pusher:subscription_error", (e: unknown) => reject(new Error(JSON.stringify(e))));
    });
    const ann = await connect(user(0), room);
    await connect(user(1), room);
    await waitFor(() => counts.some((c) => (c as { online?: number }).online === 2), { what: "2 online, live" });
    ann.disconnect();
    await waitFor(() => (counts.at(-1) as { online?: number } | undefined)?.online === 1, { what: "1 online, live" });
    expect(counts.at(-1)).toEqual({ roomId: room, online: 1 });
  });
});
