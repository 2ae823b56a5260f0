// The realtime pipe end to end: the server triggers through `pusher`, soketi delivers, and a
// pusher-js client receives; presence subscriptions need a valid signature.
import { randomBytes } from "node:crypto";
import { Agent, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import Pusher from "pusher";
import type PusherClient from "pusher-js";
import type { Channel } from "pusher-js";
import { afterEach, describe, expect, it } from "vitest";
import { createRealtimeClient, type ChannelAuthorizer } from "@/lib/realtime/browser-client";
import { presenceChannel } from "@/lib/realtime/channels";
import { publicRealtimeConfig, serverRealtimeConfig } from "@/lib/realtime/config";
import { REALTIME_LIMITS } from "@/lib/realtime/limits";
import { eventsEndpoint, keepAliveAgent, RealtimeHttpError } from "@/lib/realtime/events-request";
import { pusher, RealtimePayloadTooLarge, triggerEvent } from "@/lib/realtime/server";

const clients: PusherClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.disconnect();
});

const member = { user_id: "ctestuser000000000000001", user_info: { name: "Tess Tester", username: "tess" } };

function connect(authorize: ChannelAuthorizer): PusherClient {
  const client = createRealtimeClient(publicRealtimeConfig(), authorize);
  clients.push(client);
  return client;
}

function subscribe(
  client: PusherClient,
  channelName: string,
): Promise<{ channel: Channel; ok: boolean; status?: number }> {
  return new Promise((resolve) => {
    const channel = client.subscribe(channelName);
    channel.bind("pusher:subscription_succeeded", () => resolve({ channel, ok: true }));
    channel.bind("pusher:subscription_error", (error: { status?: number }) =>
      resolve({ channel, ok: false, status: error.status }),
    );
  });
}

function nextEvent<T>(channel: Channel, event: string, timeoutMs = 5_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    channel.bind(event, (data: T) => {
      clearTimeout(timer);
      resolve(data);
    });
  });
}

const newPresenceChannel = () => presenceChannel(`c${randomBytes(12).toString("hex")}`);
const signedByServer: ChannelAuthorizer = async ({ socketId, channelName }) =>
  pusher().authorizeChannel(socketId, channelName, member);

describe("realtime pipe through soketi", () => {
  it("delivers an event triggered by the server to a subscribed pusher-js client", async () => {
    const channelName = newPresenceChannel();
    const { channel, ok } = await subscribe(connect(signedByServer), channelName);
    expect(ok).toBe(true);

    const received = nextEvent<{ id: number; body: string }>(channel, "message:created");
    await triggerEvent(channelName, "message:created", { id: 42, body: "Hello, room" });
    expect(await received).toEqual({ id: 42, body: "Hello, room" });
  });

  it("lists the subscriber as a presence member", async () => {
    const channelName = newPresenceChannel();
    const { channel } = await subscribe(connect(signedByServer), channelName);
    const members = (channel as unknown as { members: { count: number; me: { id: string } } }).members;
    expect(members.count).toBe(1);
    expect(members.me.id).toBe(member.user_id);

    const response = await pusher().get({ path: `/channels/${channelName}/users` });
    expect(await response.json()).toEqual({ users: [{ id: member.user_id }] });
  });

  it("refuses a presence subscription signed with the wrong secret", async () => {
    const forger = new Pusher({ ...serverRealtimeConfig(), secret: "not-the-secret" });
    const channelName = newPresenceChannel();
    const result = await subscribe(
      connect(async ({ socketId, channelName: name }) => forger.authorizeChannel(socketId, name, member)),
      channelName,
    );
    expect(result.ok).toBe(false);

    // Nothing reaches a client whose subscription was refused.
    const delivered = nextEvent(result.channel, "message:created", 1_000).then(
      () => true,
      () => false,
    );
    await triggerEvent(channelName, "message:created", { id: 1 });
    expect(await delivered).toBe(false);
  });

  it("refuses a presence subscription with no signature at all", async () => {
    const result = await subscribe(
      connect(async () => ({ auth: "", channel_data: JSON.stringify(member) })),
      newPresenceChannel(),
    );
    expect(result.ok).toBe(false);
  });

  it("never sends an event over Pusher's 10 KB limit, and soketi enforces the same limit", async () => {
    const channelName = newPresenceChannel();
    const oversized = { body: "x".repeat(REALTIME_LIMITS.maxEventPayloadKb * 1024 + 1) };
    await expect(triggerEvent(channelName, "message:created", oversized)).rejects.toBeInstanceOf(
      RealtimePayloadTooLarge,
    );
    // Bypassing our check, the server itself refuses it (soketi says so in the body, with HTTP 200).
    const response = await pusher().trigger(channelName, "message:created", oversized);
    expect(await response.json()).toMatchObject({ code: 413 });
  });

  it("keeps the server's connection open between triggers (scripts/stack/soketi-keep-alive.cjs)", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    let connections = 0;
    const create = agent.createConnection.bind(agent);
    agent.createConnection = (...args: Parameters<typeof create>) => {
      connections += 1;
      return create(...args);
    };
    const own = new Pusher({ ...serverRealtimeConfig(), agent });
    for (let i = 0; i < 3; i += 1) {
      const response = await own.trigger(newPresenceChannel(), "message:created", { n: i });
      expect(response.status).toBe(200);
      await response.text();
    }
    agent.destroy();
    expect(connections).toBe(1);
  });

  it("sends triggers over one kept-alive connection, and names the status of a refused one", async () => {
    const config = serverRealtimeConfig();
    const agent = keepAliveAgent(config);
    let connections = 0;
    const create = agent.createConnection.bind(agent);
    agent.createConnection = (...args: Parameters<typeof create>) => {
      connections += 1;
      return create(...args);
    };
    const events = eventsEndpoint(config, new Pusher(config), agent);
    const client = connect(async () => ({ auth: "" }));
    const channelName = `room-keepalive-${randomBytes(4).toString("hex")}`;
    const channel = client.subscribe(channelName);
    await new Promise<void>((resolve) => channel.bind("pusher:subscription_succeeded", () => resolve()));
    const received: number[] = [];
    channel.bind("message:created", (data: { n: number }) => received.push(data.n));
    for (let n = 0; n < 3; n += 1) {
      await events(JSON.stringify({ name: "message:created", channel: channelName, data: JSON.stringify({ n }) }));
    }
    await expect.poll(() => received).toEqual([0, 1, 2]);
    expect(connections).toBe(1);

    agent.destroy();
  });

  it("rejects with the status of a non-2xx answer (Pusher Channels answers refusals so; soketi with a 200)", async () => {
    const server = createServer((_request, response) => response.writeHead(503).end("busy"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const config = { ...serverRealtimeConfig(), host: "127.0.0.1", port: String(port), useTLS: false };
    const events = eventsEndpoint(config, new Pusher(config), keepAliveAgent(config));
    const refused: unknown = await events(JSON.stringify({ name: "x", channel: "room-x", data: "{}" })).catch((e) => e);
    server.close();
    expect(refused).toBeInstanceOf(RealtimeHttpError);
    expect(refused).toMatchObject({ status: 503 });
  });
});
