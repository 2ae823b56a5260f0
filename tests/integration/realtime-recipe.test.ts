// `npm run realtime`, the production soketi recipe: the config it builds from the app's
// environment, two nodes sharing channels through the machine's Redis (127.0.0.1:6379, with a
// prefix of this run's own), and one-line errors for a wrong REDIS_URL or missing credentials.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import Pusher from "pusher";
import type PusherClient from "pusher-js";
import type { Channel } from "pusher-js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createRealtimeClient } from "@/lib/realtime/browser-client";
import { REALTIME_LIMITS } from "@/lib/realtime/limits";
import { freePort, StackError } from "@/scripts/stack/ports";
import { realtimeSettingsFromEnv } from "@/scripts/stack/realtime-settings";
import { buildSoketiConfig, PRESENCE_WEBHOOK_EVENTS } from "@/scripts/stack/soketi-config";
import { eventually } from "../support/wait-for";

const workDirs: string[] = [];
afterAll(() => {
  for (const dir of workDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const APP = { PUSHER_APP_ID: "recipe-app", PUSHER_KEY: "recipe-key", PUSHER_SECRET: "recipe-secret-0123456789" };

describe("the realtime recipe's soketi config", () => {
  const settings = realtimeSettingsFromEnv({
    ...APP,
    APP_URL: "https://roomful.example/",
    SOKETI_PORT: "6101",
    SOKETI_CLUSTER_PORT: "11102",
    REDIS_URL: "redis://worker:p%40ss@redis.internal:6380/2",
    REDIS_PREFIX: "roomful-prod",
  });
  const config = buildSoketiConfig(settings);
  const app = (config["appManager.array.apps"] as Array<Record<string, unknown>>)[0] ?? {};

  it("holds soketi to the app's limits and turns client events and user authentication on", () => {
    expect(app).toMatchObject({
      id: "recipe-app",
      key: "recipe-key",
      secret: "recipe-secret-0123456789",
      enabled: true,
      enableClientMessages: true,
      enableUserAuthentication: true,
      maxClientEventsPerSecond: REALTIME_LIMITS.maxClientEventsPerSecond,
      maxPresenceMembersPerChannel: REALTIME_LIMITS.maxPresenceMembersPerChannel,
      maxPresenceMemberSizeInKb: REALTIME_LIMITS.maxPresenceMemberSizeKb,
      maxChannelNameLength: REALTIME_LIMITS.maxChannelNameLength,
      maxEventNameLength: REALTIME_LIMITS.maxEventNameLength,
      maxEventChannelsAtOnce: REALTIME_LIMITS.maxEventChannelsAtOnce,
      maxEventPayloadInKb: REALTIME_LIMITS.maxEventPayloadKb,
    });
    expect(config).toMatchObject({
      host: "0.0.0.0",
      port: 6101,
      "cluster.port": 11102,
      "metrics.port": 9601,
      userAuthenticationTimeout: 30_000,
    });
  });

  it("takes a lower presence limit from PUSHER_PRESENCE_LIMIT, and refuses one above Pusher's", () => {
    const lowered = buildSoketiConfig(
      realtimeSettingsFromEnv({ ...APP, APP_URL: "https://r.example", PUSHER_PRESENCE_LIMIT: "3" }),
    );
    const loweredApp = (lowered["appManager.array.apps"] as Array<Record<string, unknown>>)[0] ?? {};
    expect(loweredApp.maxPresenceMembersPerChannel).toBe(3);
    expect(() =>
      realtimeSettingsFromEnv({ ...APP, APP_URL: "https://r.example", PUSHER_PRESENCE_LIMIT: "101" }),
    ).toThrow(/PUSHER_PRESENCE_LIMIT expected at most 100/);
  });

  it("posts every presence event the app's webhook route applies to <APP_URL>/api/pusher/webhook", () => {
    expect(app.webhooks).toEqual([
      {
        url: "https://roomful.example/api/pusher/webhook",
        event_types: [...PRESENCE_WEBHOOK_EVENTS],
        // Only members' here-channels: a visitor opening a room costs the app no webhook.
        filter: { channel_name_starts_with: "private-here-" },
      },
    ]);
    // The events lib/realtime/presence.ts acts on, read from its source: a new one there must be sent too.
    const handled = [
      ...readFileSync(path.resolve("lib/realtime/presence.ts"), "utf8").matchAll(/event\.name === "([a-z_]+)"/g),
    ].map((m) => m[1]);
    expect([...new Set(handled)].sort()).toEqual([...PRESENCE_WEBHOOK_EVENTS].sort());
  });

  it("sets up the Redis adapter from REDIS_URL, and none without it", () => {
    expect(config).toMatchObject({
      "adapter.driver": "redis",
      "adapter.redis.prefix": "roomful-prod",
      "database.redis.host": "redis.internal",
      "database.redis.port": 6380,
      "database.redis.db": 2,
      "database.redis.username": "worker",
      "database.redis.password": "p@ss",
    });
    expect(config).not.toHaveProperty("database.redis.tls");
    const tls = buildSoketiConfig(
      realtimeSettingsFromEnv({ ...APP, APP_URL: "https://r.example", REDIS_URL: "rediss://r.example" }),
    );
    expect(tls).toMatchObject({ "database.redis.port": 6379, "database.redis.tls": { servername: "r.example" } });
    const single = buildSoketiConfig(
      realtimeSettingsFromEnv({ ...APP, APP_URL: "https://r.example", PUSHER_PORT: "6002" }),
    );
    expect(single).not.toHaveProperty("adapter.driver");
    expect(single.port).toBe(6002);
  });

  it("names the variable in one line when something is missing or malformed, and never echoes a password", () => {
    const problem = (env: Record<string, string | undefined>) => {
      try {
        realtimeSettingsFromEnv(env);
      } catch (error) {
        expect(error).toBeInstanceOf(StackError);
        return (error as Error).message;
      }
      return "no error";
    };
    const missing = problem({ ...APP, PUSHER_SECRET: "", APP_URL: "https://r.example" });
    expect(missing).toMatch(/^npm run realtime: PUSHER_SECRET is required/);
    expect(missing).not.toContain("\n");
    expect(problem({ ...APP })).toContain("APP_URL is required");
    const redis = problem({ ...APP, APP_URL: "https://r.example", REDIS_URL: "http://:hunter2@redis.internal" });
    expect(redis).toMatch(/^REDIS_URL is not a usable Redis URL: it starts with http:\/\/ instead of redis:\/\//);
    expect(redis).not.toContain("hunter2");
    expect(problem({ ...APP, APP_URL: "https://r.example", REDIS_URL: "not a url" })).toContain(
      "REDIS_URL is not a usable Redis URL",
    );
  });
});

interface Node {
  child: ChildProcess;
  port: number;
  output: () => string;
}

function runRecipe(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  const child = spawn(
    process.execPath,
    [path.resolve("node_modules/tsx/dist/cli.mjs"), path.resolve("scripts/realtime.ts")],
    {
      // Only what the recipe is given here: none of the test run's own PUSHER_*/SOKETI_* settings,
      // and no .env (the recipe reads the one in its working directory, as `npm run realtime` does).
      cwd: workDirs[workDirs.push(mkdtempSync(path.join(tmpdir(), "roomful-recipe-"))) - 1],
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function startNode(env: Record<string, string>): Promise<Node> {
  const port = await freePort();
  const node = runRecipe({
    ...env,
    SOKETI_PORT: String(port),
    SOKETI_CLUSTER_PORT: String(await freePort()),
    SOKETI_METRICS_SERVER_PORT: String(await freePort()),
    SOKETI_SHUTDOWN_GRACE_PERIOD: "100",
  });
  const deadline = Date.now() + 30_000;
  while (!node.output().includes("Roomful realtime ready")) {
    if (node.child.exitCode !== null || Date.now() > deadline)
      throw new Error(`recipe did not start:\n${node.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child: node.child, port, output: node.output };
}

function nextEvent<T>(channel: Channel, event: string, timeoutMs = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    channel.bind(event, (data: T) => {
      clearTimeout(timer);
      resolve(data);
    });
  });
}

describe("npm run realtime with REDIS_URL: two soketi nodes", () => {
  const nodes: Node[] = [];
  const clients: PusherClient[] = [];
  const webhooks: Array<{
    path: string;
    valid: boolean;
    events: Array<{ name: string; channel: string; user_id?: string }>;
  }> = [];
  let appServer: http.Server | undefined;
  let sdk: Pusher;

  beforeAll(async () => {
    // Stands in for the app: records the webhooks that reach <APP_URL>/api/pusher/webhook.
    const appPort = await freePort();
    const verifier = new Pusher({
      appId: APP.PUSHER_APP_ID,
      key: APP.PUSHER_KEY,
      secret: APP.PUSHER_SECRET,
      host: "127.0.0.1",
    });
    appServer = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const webhook = verifier.webhook({
          headers: req.headers as Record<string, string>,
          rawBody: Buffer.concat(chunks).toString(),
        });
        const valid = webhook.isValid();
        webhooks.push({ path: req.url ?? "", valid, events: valid ? webhook.getEvents() : [] });
        res.writeHead(200).end("{}");
      });
    });
    await new Promise<void>((resolve) => appServer?.listen(appPort, "127.0.0.1", resolve));

    const env = {
      ...APP,
      APP_URL: `http://127.0.0.1:${appPort}`,
      REDIS_URL: "redis://127.0.0.1:6379",
      REDIS_PREFIX: `roomful-test-${process.pid}-${randomBytes(4).toString("hex")}`,
    };
    nodes.push(...(await Promise.all([startNode(env), startNode(env)])));
    sdk = new Pusher({
      appId: APP.PUSHER_APP_ID,
      key: APP.PUSHER_KEY,
      secret: APP.PUSHER_SECRET,
      host: "127.0.0.1",
      port: String(nodes[0]?.port),
      useTLS: false,
    });
  }, 60_000);

  afterEach(() => {
    for (const client of clients.splice(0)) client.disconnect();
  });

  afterAll(async () => {
    await Promise.all(
      nodes.map(async (node) => {
        const exited = new Promise((resolve) => node.child.once("exit", resolve));
        node.child.kill("SIGTERM");
        await exited;
      }),
    );
    await new Promise((resolve) => appServer?.close(resolve));
  });

  function connect(port: number, userId: string): PusherClient {
    const client = createRealtimeClient(
      { key: APP.PUSHER_KEY, cluster: "mt1", wsHost: "127.0.0.1", wsPort: port, forceTLS: false },
      async ({ socketId, channelName }) =>
        channelName.startsWith("presence-")
          ? sdk.authorizeChannel(socketId, channelName, { user_id: userId, user_info: { name: userId } })
          : sdk.authorizeChannel(socketId, channelName),
      // Signed in as userId, as the app's user authentication would: soketi closes connections that are not.
      async ({ socketId }) => sdk.authenticateUser(socketId, { id: userId }),
    );
    clients.push(client);
    return client;
  }

  async function subscribe(client: PusherClient, name: string): Promise<Channel> {
    const channel = client.subscribe(name);
    await nextEvent(channel, "pusher:subscription_succeeded");
    return channel;
  }

  it("delivers an event triggered on node 1 to a subscriber on node 2", async () => {
    const [node1, node2] = nodes as [Node, Node];
    const name = `presence-room-c${randomBytes(12).toString("hex")}`;
    const channel = await subscribe(connect(node2.port, "ada"), name);
    const received = nextEvent<{ body: string }>(channel, "message:created");
    // Straight to node 1's HTTP API, as an app server configured with PUSHER_PORT=node 1 does.
    const response = await sdk.trigger(name, "message:created", { body: "across nodes" });
    expect(response.status).toBe(200);
    expect(await received).toEqual({ body: "across nodes" });

    // Node 1 counts the member connected to node 2.
    const users = await sdk.get({ path: `/channels/${name}/users` });
    expect(await users.json()).toEqual({ users: [{ id: "ada" }] });
    expect(node1.port).not.toBe(node2.port);
  });

  it("ends a member's connections on every node (a ban, a deactivation) when asked on one", async () => {
    const [node1, node2] = nodes as [Node, Node];
    const onSecond = connect(node2.port, "bea");
    const bystander = connect(node2.port, "cy");
    const signedIn = (client: PusherClient) => () =>
      (client.user as unknown as { user_data: { id: string } | null }).user_data ? true : undefined;
    await eventually(signedIn(onSecond), { what: "bea signed in on node 2" });
    await eventually(signedIn(bystander), { what: "cy signed in on node 2" });
    // Straight to node 1's HTTP API, as lib/realtime/connections.ts does through PUSHER_PORT=node 1.
    const response = await sdk.terminateUserConnections("bea");
    expect(response.status).toBe(200);
    await eventually(() => (onSecond.connection.state === "disconnected" ? true : undefined), {
      what: "bea's connection on node 2 to be closed",
    });
    expect(bystander.connection.state).toBe("connected");
    expect(node1.port).not.toBe(node2.port);
  });

  it("passes client events (typing) between members on different nodes", async () => {
    const [node1, node2] = nodes as [Node, Node];
    const name = `presence-room-c${randomBytes(12).toString("hex")}`;
    const sender = await subscribe(connect(node1.port, "bea"), name);
    const listener = await subscribe(connect(node2.port, "cal"), name);
    const typing = nextEvent<{ typing: boolean }>(listener, "client-typing");
    sender.trigger("client-typing", { typing: true });
    expect(await typing).toEqual({ typing: true });
  });

  it("posts signed occupancy webhooks for members' here-channels to <APP_URL>/api/pusher/webhook", async () => {
    const [, node2] = nodes as [Node, Node];
    const name = `private-here-c${randomBytes(12).toString("hex")}-c${randomBytes(12).toString("hex")}`;
    await subscribe(connect(node2.port, "dee"), name);
    const occupied = await eventually(
      () => webhooks.find((w) => w.events.some((e) => e.name === "channel_occupied" && e.channel === name)),
      { timeoutMs: 10_000, what: "the here-channel's channel_occupied webhook" },
    );
    expect(occupied).toMatchObject({ path: "/api/pusher/webhook", valid: true });
  });
});

describe("npm run realtime refuses bad input in one line", () => {
  it("names REDIS_URL when nothing answers on its port, and starts nothing", async () => {
    const closedPort = await freePort();
    const soketiPort = await freePort();
    const run = runRecipe({
      ...APP,
      APP_URL: "https://r.example",
      REDIS_URL: `redis://127.0.0.1:${closedPort}`,
      SOKETI_PORT: String(soketiPort),
    });
    expect(await run.exited).toBe(1);
    expect(run.output().trim()).toBe(
      `✖ Cannot reach Redis at 127.0.0.1:${closedPort} (REDIS_URL): ECONNREFUSED. Start Redis there or correct REDIS_URL.`,
    );
  });

  it("names the missing credential", async () => {
    const run = runRecipe({ PUSHER_APP_ID: "a", PUSHER_KEY: "k", APP_URL: "https://r.example" });
    expect(await run.exited).toBe(1);
    expect(run.output().trim()).toBe("✖ npm run realtime: PUSHER_SECRET is required (the secret the app servers use).");
  });
});
