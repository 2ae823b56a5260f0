// Two soketi nodes sharing the machine's Redis (127.0.0.1:6379), as a deployment with several
// realtime nodes runs: an event triggered through one node reaches a reader on the other, and the
// occupancy webhooks both nodes post keep one true online count; a node cut off from Redis keeps
// serving its own readers; and when a node goes away its readers come back through the other.
import { randomBytes } from "node:crypto";
import { connect, createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import Pusher from "pusher";
import type PusherClient from "pusher-js";
import type { Channel } from "pusher-js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { authorizeChannel } from "@/lib/chat/channel-auth";
import { disconnectDb } from "@/lib/db/client";
import { createRoom } from "@/lib/db/rooms";
import { createUser, findSessionUser, type SessionUser } from "@/lib/db/users";
import { createRealtimeClient } from "@/lib/realtime/browser-client";
import { hereChannel, roomChannel } from "@/lib/realtime/channels";
import { getOnlineCounts } from "@/lib/realtime/presence";
import type { ChildService } from "@/scripts/stack/child-service";
import { freePort } from "@/scripts/stack/ports";
import { assertRedisAnswers } from "@/scripts/stack/redis-check";
import { startSoketi } from "@/scripts/stack/soketi";
import type { RedisSettings } from "@/scripts/stack/soketi-config";
import { waitFor } from "../support/wait-for";
import { startWebhookRouteServer } from "../support/webhook-route-server";

const APP = {
  id: process.env.PUSHER_APP_ID ?? "",
  key: process.env.PUSHER_KEY ?? "",
  secret: process.env.PUSHER_SECRET ?? "",
};
// A prefix of this run's own, so parallel runs on one Redis never hear each other.
const REDIS: RedisSettings = {
  host: "127.0.0.1",
  port: 6379,
  db: 0,
  tls: false,
  prefix: `roomful-test-${randomBytes(4).toString("hex")}`,
};

/** A soketi node on this machine, in a cluster through `redis`. */
async function startNode(options: { redis: RedisSettings; webhookUrl?: string }) {
  const port = await freePort();
  const service = await startSoketi({
    port,
    clusterPort: await freePort(),
    appId: APP.id,
    key: APP.key,
    secret: APP.secret,
    configDir: tmpdir(),
    ...options,
  });
  return { port, service };
}

const online = async (roomId: string) => (await getOnlineCounts([roomId]))[roomId];

afterAll(() => disconnectDb());

const redisUp = await assertRedisAnswers(REDIS).then(
  () => true,
  (error: unknown) => {
    // A newcomer's machine may have no Redis; CI sets REQUIRE_REDIS_TESTS so it cannot skip there.
    if (process.env.REQUIRE_REDIS_TESTS === "1") throw error;
    console.warn(`Skipping the two-node realtime tests: ${(error as Error).message}`);
    return false;
  },
);

describe.skipIf(!redisUp)("two soketi nodes on Redis", () => {
  const nodes: Array<{ port: number; service: ChildService }> = [];
  const clients: PusherClient[] = [];
  const users: SessionUser[] = [];
  let relay: Awaited<ReturnType<typeof startWebhookRouteServer>> | undefined;

  beforeAll(async () => {
    // Both nodes post to the app's webhook route.
    relay = await startWebhookRouteServer();
    for (let i = 0; i < 2; i++) nodes.push(await startNode({ redis: REDIS, webhookUrl: relay.url }));
    for (const name of ["nia", "oto"]) {
      const { id } = await createUser({
        email: `${name}-cluster@example.test`,
        username: `${name}cluster`,
        name,
        passwordHash: null,
        emailVerifiedAt: new Date(),
      });
      const found = await findSessionUser({ id });
      if (found) users.push(found);
    }
  });

  afterEach(() => {
    for (const client of clients.splice(0)) client.disconnect();
  });

  afterAll(async () => {
    await Promise.all(nodes.map((node) => node.service.stop()));
    await relay?.close();
  });

  const node = (i: number) => {
    const found = nodes[i];
    if (!found) throw new Error(`no node ${i}`);
    return found;
  };
  const person = (i: number) => {
    const found = users[i];
    if (!found) throw new Error(`no user ${i}`);
    return found;
  };

  async function newRoom(): Promise<string> {
    const name = `Cluster room ${randomBytes(3).toString("hex")}`;
    return (await createRoom({ name, topicName: "Testing", description: "", hostId: person(0).id })).id;
  }

  /** A member's room page connected to node `i`: the room's public channel, and their here-channel (online). */
  async function join(
    actor: SessionUser,
    roomId: string,
    i: number,
  ): Promise<{ client: PusherClient; events: unknown[] }> {
    const client = createRealtimeClient(
      { key: APP.key, cluster: "mt1", wsHost: "127.0.0.1", wsPort: node(i).port, forceTLS: false },
      ({ socketId, channelName }) =>
        authorizeChannel({ actor, input: { socket_id: socketId, channel_name: channelName } }),
    );
    clients.push(client);
    const events: unknown[] = [];
    const subscribed = (name: string, bind: (channel: Channel) => void = () => {}) =>
      new Promise<void>((resolve, reject) => {
        const channel = client.subscribe(name);
        bind(channel);
        channel.bind("pusher:subscription_succeeded", () => resolve());
        channel.bind("pusher:subscription_error", (e: unknown) => reject(new Error(JSON.stringify(e))));
      });
    await Promise.all([
      subscribed(roomChannel(roomId), (channel) =>
        channel.bind("message:created", (data: unknown) => events.push(data)),
      ),
      subscribed(hereChannel(roomId, actor.id)),
    ]);
    return { client, events };
  }

  it("delivers an event triggered through one node to a reader on the other", async () => {
    const room = await newRoom();
    const reader = await join(person(1), room, 1);
    const viaFirst = new Pusher({
      appId: APP.id,
      key: APP.key,
      secret: APP.secret,
      host: "127.0.0.1",
      port: String(node(0).port),
      useTLS: false,
    });
    // The subscription reaches the other node through Redis a moment after it succeeds locally.
    await waitFor(
      async () => {
        const info = await viaFirst.get({
          path: `/channels/${roomChannel(room)}`,
          params: { info: "subscription_count" },
        });
        return ((await info.json()) as { subscription_count?: number }).subscription_count === 1;
      },
      { what: "the first node to count the reader on the second" },
    );
    await viaFirst.trigger(roomChannel(room), "message:created", { id: 1, body: "across nodes" });
    await waitFor(() => reader.events.length === 1, { what: "the event on the second node" });
    expect(reader.events).toEqual([{ id: 1, body: "across nodes" }]);
  });

  it("keeps one online count from both nodes' webhooks: a member on two nodes counts once", async () => {
    const room = await newRoom();
    const niaOnFirst = await join(person(0), room, 0);
    const niaOnSecond = await join(person(0), room, 1);
    const oto = await join(person(1), room, 1);
    await waitFor(async () => (await online(room)) === 2, { what: "2 online" });

    // Nia leaves one node but is still in the room through the other.
    niaOnFirst.client.disconnect();
    oto.client.disconnect();
    await waitFor(async () => (await online(room)) === 1, { what: "1 online" });
    niaOnSecond.client.disconnect();
    await waitFor(async () => (await online(room)) === 0, { what: "0 online" });

    const events = relay?.deliveries.flatMap((d) => d.events) ?? [];
    const of = (name: string) => events.filter((e) => e.channel === hereChannel(room, person(0).id) && e.name === name);
    expect(of("channel_occupied")).toHaveLength(1);
    expect(of("channel_vacated")).toHaveLength(1);
  });
});

describe.skipIf(!redisUp)("a node whose Redis goes away", () => {
  const open = new Set<Socket>();
  let cut: Server | undefined;
  let service: ChildService | undefined;
  let port = 0;
  let client: PusherClient | undefined;

  beforeAll(async () => {
    // The node reaches Redis through a relay the test can cut, as a network partition would.
    cut = createServer((socket) => {
      const upstream = connect(REDIS.port, REDIS.host);
      for (const end of [socket, upstream]) {
        open.add(end);
        end.on("error", () => {});
      }
      socket.pipe(upstream).pipe(socket);
    });
    const relayPort = await freePort();
    await new Promise<void>((resolve) => cut?.listen(relayPort, "127.0.0.1", resolve));
    ({ port, service } = await startNode({ redis: { ...REDIS, port: relayPort, prefix: `${REDIS.prefix}-cut` } }));
  });

  afterAll(async () => {
    client?.disconnect();
    await service?.stop();
    cut?.close();
  });

  it("keeps serving its own readers, while what the health check asks of it fails", async () => {
    const sdk = new Pusher({
      ...APP,
      appId: APP.id,
      host: "127.0.0.1",
      port: String(port),
      useTLS: false,
      timeout: 2_000,
    });
    client = createRealtimeClient({ key: APP.key, cluster: "mt1", wsHost: "127.0.0.1", wsPort: port, forceTLS: false });
    const events: unknown[] = [];
    await new Promise<void>((resolve) => {
      const channel = client?.subscribe(roomChannel("cpartitionroom000000000000"));
      channel?.bind("message:created", (data: unknown) => events.push(data));
      channel?.bind("pusher:subscription_succeeded", () => resolve());
    });

    cut?.close();
    for (const socket of open) socket.destroy();
    await sdk.trigger(roomChannel("cpartitionroom000000000000"), "message:created", { id: 2, body: "Redis is gone" });
    await waitFor(() => events.length === 1, { what: "the event on the node's own reader" });
    expect(client.connection.state).toBe("connected");
    expect(service?.process.exitCode).toBeNull();
    // The app's health checks ask the node to list channels, which needs Redis: that fails, so /api/health/ready
    // says "degraded" (and /api/health names the realtime server).
    await expect(sdk.get({ path: "/channels" })).rejects.toThrow();
  });
});

describe.skipIf(!redisUp)("a node going away behind a load balancer", () => {
  const nodes: Array<{ port: number; service: ChildService; up: boolean }> = [];
  const proxied = new Set<Socket>();
  let balancer: Server | undefined;
  let balancerPort = 0;
  let relay: Awaited<ReturnType<typeof startWebhookRouteServer>> | undefined;
  let client: PusherClient | undefined;

  beforeAll(async () => {
    relay = await startWebhookRouteServer();
    const prefix = `${REDIS.prefix}-failover`;
    for (let i = 0; i < 2; i++) {
      nodes.push({ ...(await startNode({ redis: { ...REDIS, prefix }, webhookUrl: relay.url })), up: true });
    }
    // A TCP balancer as a deployment has: each new connection goes to the first node still up.
    balancer = createServer((socket) => {
      const target = nodes.find((n) => n.up);
      if (!target) return socket.destroy();
      const upstream = connect(target.port, "127.0.0.1");
      for (const end of [socket, upstream]) {
        proxied.add(end);
        end.on("error", () => socket.destroy());
      }
      socket.pipe(upstream).pipe(socket);
    });
    balancerPort = await freePort();
    await new Promise<void>((resolve) => balancer?.listen(balancerPort, "127.0.0.1", resolve));
  });

  afterAll(async () => {
    client?.disconnect();
    for (const socket of proxied) socket.destroy();
    balancer?.close();
    await Promise.all(nodes.map((n) => n.service.stop()));
    await relay?.close();
  });

  it("its readers reconnect to the other node, resubscribe, and count as online once again", async () => {
    const { id } = await createUser({
      email: "failover-cluster@example.test",
      username: "failovercluster",
      name: "Fay",
      passwordHash: null,
      emailVerifiedAt: new Date(),
    });
    const fay = await findSessionUser({ id });
    if (!fay) throw new Error("no user");
    const roomId = (await createRoom({ name: "Failover room", topicName: "Testing", description: "", hostId: id })).id;
    client = createRealtimeClient(
      { key: APP.key, cluster: "mt1", wsHost: "127.0.0.1", wsPort: balancerPort, forceTLS: false },
      ({ socketId, channelName }) =>
        authorizeChannel({ actor: fay, input: { socket_id: socketId, channel_name: channelName } }),
    );
    const events: unknown[] = [];
    let subscriptions = 0;
    const room = client.subscribe(roomChannel(roomId));
    room.bind("message:created", (data: unknown) => events.push(data));
    room.bind("pusher:subscription_succeeded", () => subscriptions++);
    client.subscribe(hereChannel(roomId, id));
    await waitFor(() => subscriptions === 1, { what: "the first subscription" });
    await waitFor(async () => (await online(roomId)) === 1, { what: "1 online" });

    // The first node goes away (as on a deploy); soketi tells its clients to reconnect.
    const first = nodes[0];
    if (!first) throw new Error("no node");
    first.up = false;
    await first.service.stop();
    await waitFor(() => subscriptions === 2, {
      what: "the subscription again, through the other node",
      timeoutMs: 15_000,
    });

    const viaSecond = new Pusher({
      appId: APP.id,
      key: APP.key,
      secret: APP.secret,
      host: "127.0.0.1",
      port: String(nodes[1]?.port),
      useTLS: false,
    });
    await viaSecond.trigger(roomChannel(roomId), "message:created", { id: 7, body: "after the failover" });
    await waitFor(() => events.length === 1, { what: "the event after the failover" });
    expect(events).toEqual([{ id: 7, body: "after the failover" }]);
    // Whatever order the two nodes' webhooks arrive in, the member counts once: not lost, not twice.
    await waitFor(async () => (await online(roomId)) === 1, { what: "1 online again", timeoutMs: 10_000 });
  });
});
