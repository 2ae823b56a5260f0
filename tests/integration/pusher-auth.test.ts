// Channel authorization (lib/chat/channel-auth.ts, behind POST /api/pusher/auth): who gets a
// signature for which channel, what presence info it carries, and that soketi accepts it (and
// serves a room's public channel to anyone, unsigned).
import type PusherClient from "pusher-js";
import type { Channel } from "pusher-js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { authorizeChannel, presenceMemberOf } from "@/lib/chat/channel-auth";
import { db, disconnectDb } from "@/lib/db/client";
import { createRoom } from "@/lib/db/rooms";
import { createUser, findSessionUser, type SessionUser } from "@/lib/db/users";
import { LIMITS } from "@/lib/auth/rate-limit";
import { createRealtimeClient } from "@/lib/realtime/browser-client";
import { hereChannel, presenceChannel, roomChannel, userChannel } from "@/lib/realtime/channels";
import { publicRealtimeConfig } from "@/lib/realtime/config";
import { pusher } from "@/lib/realtime/server";
import { refusal } from "../support/admin-fixtures";

let alice: SessionUser;
let bob: SessionUser;
let unverified: SessionUser;
let room: { id: string; slug: string };

async function member(username: string, extra: { verified?: boolean; image?: string } = {}): Promise<SessionUser> {
  const { id } = await createUser({
    email: `${username}@example.test`,
    username,
    name: `${username} Example`,
    passwordHash: "not-used-here",
    emailVerifiedAt: extra.verified === false ? null : new Date(),
    image: extra.image ?? null,
  });
  const user = await findSessionUser({ id });
  if (!user) throw new Error("user vanished");
  return user;
}

beforeAll(async () => {
  alice = await member("alice", { image: "https://avatars.example.test/alice.png" });
  bob = await member("bob");
  unverified = await member("newbie", { verified: false });
  room = await createRoom({ name: "Auth room", topicName: "Testing", description: "", hostId: alice.id });
});
afterAll(() => disconnectDb());

const SOCKET = "1234.5678";

const authorize = (actor: SessionUser | null, channelName: unknown, socketId: unknown = SOCKET) =>
  authorizeChannel({ actor, input: { socket_id: socketId, channel_name: channelName } });

describe("refusals", () => {
  it("401 for the signed out, 403 for a deactivated member", async () => {
    expect((await refusal(authorize(null, presenceChannel(room.id)))).status).toBe(401);
    const error = await refusal(authorize({ ...alice, deactivated: true }, presenceChannel(room.id)));
    expect([error.status, error.code]).toEqual([403, "forbidden:deactivated"]);
  });

  it.each([
    "presence-room-",
    "presence-room-UPPERCASE0000000000000000",
    `presence-room-${"a".repeat(40)}`,
    "private-room-abcdefghijabcdefghij123",
    "presence-user-abcdefghijabcdefghij123",
    "private-user-short",
    "my-channel",
    "private-encrypted-user-abcdefghijabcdefghij123",
    `presence-room-abcdefghijabcdefghij123 `,
    "x".repeat(200),
  ])("400 for the channel name %j", async (name) => {
    const error = await refusal(authorize(alice, name));
    expect(error.status).toBe(400);
  });

  it("400 for a missing channel name or a socket id not shaped like Pusher's", async () => {
    expect((await refusal(authorizeChannel({ actor: alice, input: { socket_id: SOCKET } }))).status).toBe(400);
    expect(
      (await refusal(authorizeChannel({ actor: alice, input: { channel_name: presenceChannel(room.id) } }))).status,
    ).toBe(400);
    for (const socketId of ["", "abc", "1234", "1.2.3", "1234.5678\n", 1234.5678]) {
      expect((await refusal(authorize(alice, presenceChannel(room.id), socketId))).status).toBe(400);
    }
  });

  it("404 for a room that does not exist", async () => {
    const error = await refusal(authorize(alice, presenceChannel("cnosuchroom00000000000000")));
    expect([error.status, error.code]).toEqual([404, "not_found:room"]);
  });

  it("403 for someone else's private channel or here-channel", async () => {
    const error = await refusal(authorize(bob, userChannel(alice.id)));
    expect([error.status, error.code]).toEqual([403, "forbidden:channel"]);
    const here = await refusal(authorize(bob, hereChannel(room.id, alice.id)));
    expect([here.status, here.code]).toEqual([403, "forbidden:channel"]);
  });

  it("404 for one's here-channel in a room that does not exist", async () => {
    const error = await refusal(authorize(bob, hereChannel("cnosuchroom00000000000000", bob.id)));
    expect([error.status, error.code]).toEqual([404, "not_found:room"]);
  });

  it("403 for the presence and here-channel of a room one is banned from, until the ban ends", async () => {
    const banned = await member("banned");
    const other = await createRoom({ name: "Other room", topicName: "Testing", description: "", hostId: alice.id });
    const ban = await db.roomRestriction.create({
      data: { roomId: room.id, userId: banned.id, kind: "BAN", until: null, reason: "spam" },
    });
    for (const channel of [presenceChannel(room.id), hereChannel(room.id, banned.id)]) {
      const error = await refusal(authorize(banned, channel));
      expect([error.status, error.code, error.message]).toEqual([
        403,
        "forbidden:banned",
        "You are banned from this room.",
      ]);
    }
    // Elsewhere, and on their own channel, they are a member like any other.
    expect(await authorize(banned, presenceChannel(other.id))).toHaveProperty("auth");
    expect(await authorize(banned, userChannel(banned.id))).toHaveProperty("auth");
    // A ban that has ended no longer counts.
    await db.roomRestriction.update({ where: { id: ban.id }, data: { until: new Date(Date.now() - 1_000) } });
    expect(await authorize(banned, hereChannel(room.id, banned.id))).toHaveProperty("auth");
  });

  it("400 for a room's public channel: it needs no signature, so none is given", async () => {
    const error = await refusal(authorize(alice, roomChannel(room.id)));
    expect([error.status, error.code]).toEqual([400, "invalid:channel"]);
  });

  it("counts signed-out callers per IP, and answers 429 past the limit", async () => {
    const ip = `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
    const asVisitor = () =>
      authorizeChannel({ actor: null, input: { socket_id: SOCKET, channel_name: presenceChannel(room.id) }, ip });
    for (let i = 0; i < LIMITS.channelAuthIp.points; i++) expect((await refusal(asVisitor())).status).toBe(401);
    const limited = await refusal(asVisitor());
    expect([limited.status, limited.code]).toEqual([429, "rate_limited:channelAuthIp"]);
    // Members are not counted against their address.
    const auth = await authorizeChannel({
      actor: bob,
      input: { socket_id: SOCKET, channel_name: presenceChannel(room.id) },
      ip,
    });
    expect(auth.auth).toBeTruthy();
  });
});

describe("signatures", () => {
  it("signs a room's presence channel with id, name, username and avatar and nothing else", async () => {
    const auth = await authorize(alice, presenceChannel(room.id));
    expect(JSON.parse(auth.channel_data ?? "")).toEqual({
      user_id: alice.id,
      user_info: { name: "alice Example", username: "alice", avatarUrl: "https://avatars.example.test/alice.png" },
    });
    expect(auth).toEqual(pusher().authorizeChannel(SOCKET, presenceChannel(room.id), presenceMemberOf(alice)));
  });

  it("lets unverified members (who may read a room) be present too", async () => {
    const auth = await authorize(unverified, presenceChannel(room.id));
    expect(JSON.parse(auth.channel_data ?? "")).toMatchObject({ user_id: unverified.id });
  });

  it("signs one's own private channel and here-channel without presence data", async () => {
    for (const name of [userChannel(bob.id), hereChannel(room.id, bob.id)]) {
      const auth = await authorize(bob, name);
      expect(auth.auth).toMatch(/^[^:]+:[0-9a-f]{64}$/);
      expect(auth.channel_data).toBeUndefined();
    }
  });

  it("drops an avatar URL that would push the member past the 1 KB presence limit", async () => {
    const member = presenceMemberOf({ ...alice, avatarUrl: `https://example.test/${"a".repeat(2000)}` });
    expect(member.user_info.avatarUrl).toBeNull();
    expect(member.user_info.username).toBe("alice");
  });
});

describe("soketi accepts what we sign", () => {
  const clients: PusherClient[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.disconnect();
  });

  function connect(actor: SessionUser): PusherClient {
    const client = createRealtimeClient(publicRealtimeConfig(), ({ socketId, channelName }) =>
      authorizeChannel({ actor, input: { socket_id: socketId, channel_name: channelName } }),
    );
    clients.push(client);
    return client;
  }

  function subscribe(client: PusherClient, name: string): Promise<{ ok: boolean; channel: Channel; status?: number }> {
    return new Promise((resolve) => {
      const channel = client.subscribe(name);
      channel.bind("pusher:subscription_succeeded", () => resolve({ ok: true, channel }));
      channel.bind("pusher:subscription_error", (e: { status?: number }) =>
        resolve({ ok: false, channel, status: e.status }),
      );
    });
  }

  type Members = {
    count: number;
    me: { id: string; info: unknown };
    each(fn: (m: { id: string; info: unknown }) => void): void;
  };

  it("subscribes to a room's presence channel and lists each member once, however many tabs", async () => {
    const first = await subscribe(connect(alice), presenceChannel(room.id));
    const second = await subscribe(connect(alice), presenceChannel(room.id));
    const third = await subscribe(connect(bob), presenceChannel(room.id));
    expect([first.ok, second.ok, third.ok]).toEqual([true, true, true]);
    const members = (third.channel as unknown as { members: Members }).members;
    expect(members.count).toBe(2);
    expect(members.me).toEqual({ id: bob.id, info: { name: "bob Example", username: "bob", avatarUrl: null } });
    const seen: string[] = [];
    members.each((m) => seen.push(m.id));
    expect(seen.sort()).toEqual([alice.id, bob.id].sort());
  });

  it("subscribes to one's own private channel; someone else's is refused", async () => {
    expect((await subscribe(connect(bob), userChannel(bob.id))).ok).toBe(true);
    expect((await subscribe(connect(bob), userChannel(alice.id))).ok).toBe(false);
  });

  it("reads a room's public channel with no signature at all (a visitor)", async () => {
    const visitor = createRealtimeClient(publicRealtimeConfig());
    clients.push(visitor);
    expect((await subscribe(visitor, roomChannel(room.id))).ok).toBe(true);
  });

  it("gets nothing for a room deleted meanwhile", async () => {
    const gone = await createRoom({ name: "Short-lived", topicName: "Testing", description: "", hostId: bob.id });
    await db.room.delete({ where: { id: gone.id } });
    expect((await subscribe(connect(bob), presenceChannel(gone.id))).ok).toBe(false);
  });
});
