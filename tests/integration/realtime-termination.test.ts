// A ban or deactivation ends the member's open realtime connections (security issue 15, item 9): every
// connection signs in (lib/chat/user-auth.ts, POST /api/pusher/user-auth), so the core can ask soketi to
// close a member's connections (lib/realtime/connections.ts). The member here is a modified client (a raw
// socket that would keep its presence subscription forever); soketi is this file's own, with a short
// sign-in timeout, so the socket that never signs in is seen closed quickly.
import { NextRequest } from "next/server";
import type PusherClient from "pusher-js";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/fuzz-scope")).nextHeaders());
import { POST as userAuthRoute } from "@/app/api/pusher/user-auth/route";
import { performAdminAction } from "@/lib/admin/perform";
import { LIMITS } from "@/lib/auth/rate-limit";
import { authorizeChannel } from "@/lib/chat/channel-auth";
import { authenticateRealtimeUser } from "@/lib/chat/user-auth";
import { disconnectDb } from "@/lib/db/client";
import { createRoom } from "@/lib/db/rooms";
import type { SessionUser } from "@/lib/db/users";
import { presenceChannel, roomChannel, userChannel } from "@/lib/realtime/channels";
import { endUserConnections } from "@/lib/realtime/connections";
import { USER_EVENTS } from "@/lib/realtime/event-schemas";
import { createRealtimeClient } from "@/lib/realtime/browser-client";
import { publicRealtimeConfig } from "@/lib/realtime/config";
import { reconnectAfterRefusal } from "@/lib/realtime/reconnect-after-refusal";
import { pusher, triggerEvent } from "@/lib/realtime/server";
import { visitorUserId } from "@/lib/realtime/user-ids";
import { ownSoketiForThisFile } from "@/tests/support/own-soketi";
import { person, refusal, reload } from "../support/admin-fixtures";
import { fuzzScope } from "../support/fuzz-scope";
import { openRawSocket, signIn, subscribe, type RawSocket } from "../support/raw-socket";
import { waitFor } from "../support/wait-for";

const SIGN_IN_TIMEOUT_MS = 1_500;
/** soketi's "disconnected by the app" and "not signed in in time": pusher-js takes 4000–4099 as final. */
const CLOSED_BY_SERVER = 4009;

const soketi = ownSoketiForThisFile({ userAuthenticationTimeoutMs: SIGN_IN_TIMEOUT_MS });
let moderator: SessionUser;
let room: { id: string; slug: string };
const sockets: RawSocket[] = [];
const clients: PusherClient[] = [];

beforeAll(async () => {
  moderator = await person("MODERATOR");
  room = await createRoom({ name: "Termination", topicName: "Testing", description: "", hostId: moderator.id });
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close();
  for (const client of clients.splice(0)) client.disconnect();
});
afterAll(() => disconnectDb());

async function open(): Promise<RawSocket> {
  const socket = await openRawSocket({ port: soketi.port(), key: process.env.PUSHER_KEY ?? "" });
  sockets.push(socket);
  return socket;
}

/** A connection signed in through the core, as `actor` (null: a visitor). */
async function signedIn(actor: SessionUser | null): Promise<RawSocket> {
  const socket = await open();
  await signIn(socket, await authenticateRealtimeUser({ actor, input: { socket_id: socket.socketId } }));
  return socket;
}

const channelAuth = (actor: SessionUser, socketId: string, channelName: string) =>
  authorizeChannel({ actor, input: { socket_id: socketId, channel_name: channelName } });

async function subscribeSigned(socket: RawSocket, actor: SessionUser, channelName: string): Promise<boolean> {
  return subscribe(socket, channelName, await channelAuth(actor, socket.socketId, channelName));
}

async function presentIds(roomId: string): Promise<string[]> {
  const response = await pusher().get({ path: `/channels/${presenceChannel(roomId)}/users` });
  const body = (await response.json()) as { users: { id: string }[] };
  return body.users.map((user) => user.id);
}

describe("a room ban", () => {
  it("closes the member's held connection within seconds; channel auth then refuses presence", async () => {
    const member = await person("MEMBER");
    const bystander = await person("MEMBER");
    const held = await signedIn(member);
    expect(await subscribeSigned(held, member, presenceChannel(room.id))).toBe(true);
    expect(await subscribeSigned(held, member, userChannel(member.id))).toBe(true);
    const other = await signedIn(bystander);
    expect(await subscribeSigned(other, bystander, presenceChannel(room.id))).toBe(true);
    expect((await presentIds(room.id)).sort()).toEqual([member.id, bystander.id].sort());

    await performAdminAction("room.ban", moderator, { roomSlug: room.slug, userId: member.id, reason: "spam" });

    expect(await held.closed(5_000)).toBe(CLOSED_BY_SERVER);
    // The ban event came first, so an honest page learns why before its connection goes.
    const restricted = held.frames.findIndex((f) => f.event === USER_EVENTS.moderationRestricted);
    const closing = held.frames.findIndex((f) => f.event === "pusher:error");
    expect(restricted).toBeGreaterThanOrEqual(0);
    expect(restricted).toBeLessThan(closing);
    expect(held.frames[closing]?.data).toMatchObject({ code: CLOSED_BY_SERVER });
    // Gone from the room's presence; the bystander's connection is untouched.
    await waitFor(async () => !(await presentIds(room.id)).includes(member.id), { what: "the member to leave" });
    expect(other.closeCode()).toBeUndefined();

    // Reconnecting: the member signs in again and reads the room (public), but presence is refused.
    const again = await signedIn(member);
    const refused = await refusal(channelAuth(member, again.socketId, presenceChannel(room.id)));
    expect([refused.status, refused.code]).toEqual([403, "forbidden:banned"]);
    expect(await subscribe(again, roomChannel(room.id))).toBe(true);
    expect(await subscribeSigned(again, member, userChannel(member.id))).toBe(true);
  });
});

describe("an honest client (pusher-js, as the browser's provider runs it)", () => {
  it("comes back after the ban closes its connection: signed in again, live in the room, refused presence", async () => {
    const member = await person("MEMBER");
    const client = createRealtimeClient(
      publicRealtimeConfig(),
      ({ socketId, channelName }) => channelAuth(member, socketId, channelName),
      ({ socketId }) => authenticateRealtimeUser({ actor: member, input: { socket_id: socketId } }),
    );
    clients.push(client);
    reconnectAfterRefusal(client);
    const states: string[] = [];
    client.connection.bind("state_change", ({ current }: { current: string }) => states.push(current));
    const signedInAs = () => (client.user as unknown as { user_data: { id: string } | null }).user_data?.id;
    const roomEvents: unknown[] = [];
    const reading = client.subscribe(roomChannel(room.id));
    reading.bind("test:ping", (data: unknown) => roomEvents.push(data));
    const presence = client.subscribe(presenceChannel(room.id));
    let presenceRefusals = 0;
    presence.bind("pusher:subscription_error", () => presenceRefusals++);
    await waitFor(() => reading.subscribed && presence.subscribed && signedInAs() === member.id, {
      what: "subscribed and signed in",
    });
    const firstSocket = client.connection.socket_id;

    await performAdminAction("room.ban", moderator, { roomSlug: room.slug, userId: member.id, reason: "" });

    await waitFor(() => states.includes("disconnected"), { what: "the connection to be closed" });
    await waitFor(() => client.connection.state === "connected" && client.connection.socket_id !== firstSocket, {
      what: "a new connection",
      timeoutMs: 10_000,
    });
    await waitFor(() => signedInAs() === member.id && reading.subscribed && presenceRefusals > 0, {
      what: "signed in again, the room resubscribed and presence refused",
    });
    expect(presence.subscribed).toBe(false);
    await triggerEvent(roomChannel(room.id), "test:ping", { n: 1 });
    await waitFor(() => roomEvents.length === 1, { what: "a room event after the comeback" });
  });
});

describe("a deactivation", () => {
  it("closes every connection of the member; channel auth then refuses them everything", async () => {
    const member = await person("MEMBER");
    const first = await signedIn(member);
    const second = await signedIn(member);
    expect(await subscribeSigned(first, member, presenceChannel(room.id))).toBe(true);
    expect(await subscribeSigned(second, member, userChannel(member.id))).toBe(true);

    await performAdminAction("member.deactivate", moderator, { id: member.id });

    expect(await first.closed(5_000)).toBe(CLOSED_BY_SERVER);
    expect(await second.closed(5_000)).toBe(CLOSED_BY_SERVER);
    const now = await reload(member.id);
    expect(now.deactivated).toBe(true);
    const refused = await refusal(channelAuth(now, "1.1", presenceChannel(room.id)));
    expect([refused.status, refused.code]).toEqual([403, "forbidden:deactivated"]);
    // A deactivated member's connection signs in as a visitor, which nothing signs into presence or private channels.
    const socket = await open();
    const signed = await authenticateRealtimeUser({ actor: now, input: { socket_id: socket.socketId } });
    expect(JSON.parse(signed.user_data)).toEqual({ id: visitorUserId(socket.socketId) });
  });
});

describe("signing in", () => {
  it("closes a connection that never signs in after the timeout; one that signed in stays", async () => {
    const member = await person("MEMBER");
    const signed = await signedIn(member);
    const silent = await open();
    expect(await subscribe(silent, roomChannel(room.id))).toBe(true);
    expect(await silent.closed(SIGN_IN_TIMEOUT_MS + 5_000)).toBe(CLOSED_BY_SERVER);
    expect(silent.frames.find((f) => f.event === "pusher:error")?.data).toMatchObject({
      code: CLOSED_BY_SERVER,
      message: "Connection not authorized within timeout.",
    });
    // Opened before the silent one, so it has outlived its own timeout too.
    expect(signed.closeCode()).toBeUndefined();
  });

  it("signs a visitor in as a visitor id, which soketi accepts", async () => {
    const socket = await open();
    const signed = await authenticateRealtimeUser({ actor: null, input: { socket_id: socket.socketId } });
    expect(JSON.parse(signed.user_data)).toEqual({ id: `visitor-${socket.socketId}` });
    await signIn(socket, signed);
  });

  it("refuses a signature made for another socket", async () => {
    const member = await person("MEMBER");
    const socket = await open();
    socket.send("pusher:signin", await authenticateRealtimeUser({ actor: member, input: { socket_id: "1.2" } }));
    expect(await socket.closed()).toBe(CLOSED_BY_SERVER);
  });

  it("cannot reach a connection that holds a member's channel but never signs in (a residual risk)", async () => {
    // The Pusher protocol counts a private or presence subscription as authenticated: the sign-in timer stops, and
    // with no signed-in user the connection is out of terminateUserConnections' reach (SECURITY.md).
    const member = await person("MEMBER");
    const dodger = await open();
    expect(await subscribeSigned(dodger, member, presenceChannel(room.id))).toBe(true);
    expect(await endUserConnections(member.id)).toBe(true);
    // A silent connection opened after it is closed for not signing in: the dodger has outlived its own timer.
    const silent = await open();
    expect(await silent.closed(SIGN_IN_TIMEOUT_MS + 5_000)).toBe(CLOSED_BY_SERVER);
    expect(dodger.closeCode()).toBeUndefined();
    // What it can no longer do: be signed into the room's presence again once banned.
    await performAdminAction("room.ban", moderator, { roomSlug: room.slug, userId: member.id, reason: "dodging" });
    const refused = await refusal(channelAuth(member, (await open()).socketId, presenceChannel(room.id)));
    expect(refused.code).toBe("forbidden:banned");
  });

  it("does not fail when the realtime server cannot be told (logged)", async () => {
    await soketi.stop();
    try {
      expect(await endUserConnections("abcdefghijabcdefghij12")).toBe(false);
    } finally {
      await soketi.start();
    }
  });
});

describe("POST /api/pusher/user-auth", () => {
  const post = (body: string, type = "application/x-www-form-urlencoded") =>
    userAuthRoute(
      new NextRequest("http://localhost/api/pusher/user-auth", {
        method: "POST",
        // The route reads the caller's address from the request (as npm start's server appends it).
        headers: { "content-type": type, "x-forwarded-for": fuzzScope.ip },
        body,
      }),
    );

  it("signs a signed-out caller in as a visitor", async () => {
    fuzzScope.token = undefined;
    fuzzScope.ip = "198.51.100.21";
    const response = await post("socket_id=123.456");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { auth: string; user_data: string };
    expect(JSON.parse(body.user_data)).toEqual({ id: "visitor-123.456" });
    expect(body.auth).toMatch(/^[^:]+:[0-9a-f]{64}$/);
  });

  it.each([
    ["a malformed socket id", "socket_id=12345", "application/x-www-form-urlencoded"],
    ["no socket id", "", "application/x-www-form-urlencoded"],
    ["a socket id that is not a string", '{"socket_id":123.456}', "application/json"],
  ])("answers 400 with a JSON reason for %s", async (_what, body, type) => {
    fuzzScope.token = undefined;
    fuzzScope.ip = "198.51.100.22";
    const response = await post(body, type);
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { error: { code: string; message: string } };
    expect(answer.error.code).toMatch(/^invalid/);
    expect(answer.error.message).not.toBe("");
  });

  it("counts signed-out callers per IP", async () => {
    fuzzScope.token = undefined;
    fuzzScope.ip = "198.51.100.23";
    const statuses: number[] = [];
    const { points } = LIMITS.realtimeSignInIp;
    for (let i = 0; i <= points; i++) statuses.push((await post(`socket_id=1.${i}`)).status);
    expect(statuses.slice(0, points)).not.toContain(429);
    expect(statuses[points]).toBe(429);
  });
});
