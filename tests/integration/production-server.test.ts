// The production server as deployers run it: one `next build` (into .next-e2e-ops, 2–3 minutes
// on two cores) served by `npm start` (scripts/start.ts). OPS_TEST_REUSE_BUILD=1 skips the build
// when the directory holds one already (OPS_TEST_DIST_DIR=.next-e2e serves the browser tests').
// Checks, over HTTP: request ids (X-Request-Id in and out, on JSON log lines), /api/metrics with
// route patterns, readiness with the realtime server out, and SIGTERM during a message send: the
// send is answered and stored, its trigger (held back in after() by a slow relay to soketi)
// reaches a subscriber, and the process exits 0 within the bound.
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import Pusher from "pusher";
import type PusherClient from "pusher-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roomChannel } from "@/lib/realtime/channels";
import { withClient } from "@/scripts/stack/database";
import { freePort } from "@/scripts/stack/ports";
import { buildNext } from "@/scripts/stack/next-build";
import { startNpmStart, startRelay, type Relay, type RunningServer } from "@/tests/support/production-server";
import {
  connectAndSubscribe,
  createMembers,
  createRoom,
  sdkAuthenticator,
  sdkAuthorizer,
  type BenchMember,
} from "@/tests/bench/support/fanout-clients";
import { eventually } from "../support/wait-for";

// A production server under test writes its log and events a little later than an in-process call.
const SLOW = { timeoutMs: 10_000 };

const DIST_DIR = process.env.OPS_TEST_DIST_DIR ?? ".next-e2e-ops";
const SECRET = "production-server-test-secret-0123456789";
const METRICS_TOKEN = "production-server-metrics-token-0123456789";
const SHUTDOWN_TIMEOUT_MS = 15_000;
/** How long the relay holds each trigger back: the after() work still running after the reply. */
const TRIGGER_DELAY_MS = 2_000;

const soketi = { host: "127.0.0.1", port: Number(process.env.PUSHER_PORT) };
let relay: Relay;
let server: RunningServer;
let member: BenchMember;
let room: { id: string; slug: string };
const subscribers: PusherClient[] = [];

beforeAll(async () => {
  relay = await startRelay(soketi);
  const port = await freePort();
  const env = {
    NODE_ENV: "production",
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    DATABASE_URL: process.env.DATABASE_URL ?? "",
    APP_URL: `http://127.0.0.1:${port}`,
    PUSHER_APP_ID: process.env.PUSHER_APP_ID ?? "",
    PUSHER_KEY: process.env.PUSHER_KEY ?? "",
    PUSHER_SECRET: process.env.PUSHER_SECRET ?? "",
    PUSHER_HOST: "127.0.0.1",
    PUSHER_PORT: String(relay.port),
    PUSHER_USE_TLS: "false",
    SMTP_URL: process.env.SMTP_URL ?? "",
    NEXTAUTH_SECRET: SECRET,
    METRICS_TOKEN,
    SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
    LOG_LEVEL: "info",
  };
  const reuse = process.env.OPS_TEST_REUSE_BUILD === "1" && existsSync(path.join(DIST_DIR, "BUILD_ID"));
  if (!reuse) await buildNext(DIST_DIR, { ...process.env, ...env }, { quiet: true });
  server = await startNpmStart(env);

  await withClient(env.DATABASE_URL, async (client) => {
    [member] = (await createMembers(client, { prefix: "ops", count: 1, secret: SECRET })) as [BenchMember];
    room = await createRoom(client, { name: "ops-room", hostId: member.id });
  });
}, 900_000);

afterAll(async () => {
  for (const client of subscribers) client.disconnect();
  await server?.kill();
  await relay?.close();
});

function get(route: string, headers: Record<string, string> = {}) {
  return fetch(`${server.baseUrl}${route}`, { headers });
}

/** A message send whose body is sent only when asked: the request is in flight until then. */
function heldSend(body: unknown) {
  const payload = JSON.stringify(body);
  const request = http.request(`${server.baseUrl}/api/rooms/${room.slug}/messages`, {
    method: "POST",
    agent: false,
    headers: {
      cookie: member.cookie,
      "content-type": "application/json",
      "content-length": Buffer.byteLength(payload),
      "x-request-id": "ops-drain-send",
    },
  });
  const response = new Promise<{ status: number; body: Record<string, unknown>; at: number }>((resolve, reject) => {
    request.once("error", reject);
    request.once("response", (res) => {
      let text = "";
      res.on("data", (c: Buffer) => (text += c.toString("utf8")));
      res.once("end", () =>
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown>, at: Date.now() }),
      );
    });
  });
  request.flushHeaders();
  return { response, sendBody: () => request.end(payload) };
}

/** Announces `declared` bytes of JSON, sends only `sent`, and returns the answer's status line (a server that read
 * the whole body before refusing it would never answer). */
async function statusOfPartialPost(route: string, declared: number, sent: number): Promise<string> {
  const socket = net.connect({ port: server.port, host: "127.0.0.1" });
  const answer = new Promise<string>((resolve, reject) => {
    let text = "";
    socket.on("data", (chunk: Buffer) => {
      text += chunk.toString("utf8");
      if (text.includes("\r\n")) resolve(text.split("\r\n")[0] ?? "");
    });
    socket.once("error", reject);
  });
  socket.write(
    `POST ${route} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${member.cookie}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${declared}\r\n\r\n`,
  );
  socket.write(Buffer.alloc(sent, "a"));
  try {
    return await answer;
  } finally {
    socket.destroy();
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

type RoomEvent = { event: string; data: { id?: number; body?: string }; at: number };

async function subscribeToRoom(): Promise<{ events: RoomEvent[] }> {
  const sdk = new Pusher({
    appId: process.env.PUSHER_APP_ID ?? "",
    key: process.env.PUSHER_KEY ?? "",
    secret: process.env.PUSHER_SECRET ?? "",
    host: soketi.host,
    port: String(soketi.port),
    useTLS: false,
  });
  const { client, channel } = await connectAndSubscribe({
    config: {
      key: process.env.PUSHER_KEY ?? "",
      cluster: "mt1",
      wsHost: soketi.host,
      wsPort: soketi.port,
      forceTLS: false,
    },
    channelName: roomChannel(room.id),
    authorize: sdkAuthorizer(sdk, "ops-listener"),
    authenticate: sdkAuthenticator(sdk, "ops-listener"),
  });
  subscribers.push(client);
  const events: RoomEvent[] = [];
  for (const event of ["message:created", "reaction:updated"])
    channel.bind(event, (data: RoomEvent["data"]) => events.push({ event, data, at: Date.now() }));
  return { events };
}

describe("request ids", () => {
  it("echo a sane incoming X-Request-Id, and replace a missing or unsafe one", async () => {
    expect((await get("/api/health/live", { "x-request-id": "ops-test-1" })).headers.get("x-request-id")).toBe(
      "ops-test-1",
    );
    const made = (await get("/api/health/live")).headers.get("x-request-id");
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    const replaced = (await get("/api/health/live", { "x-request-id": "x".repeat(200) })).headers.get("x-request-id");
    expect(replaced).toMatch(/^[0-9a-f-]{36}$/);
    // Pages get one too.
    const page = await get("/", { "x-request-id": "ops-page-1" });
    expect(page.status).toBe(200);
    expect(page.headers.get("x-request-id")).toBe("ops-page-1");
    await page.text();
  });

  it("are on the JSON log lines written while the request is handled", async () => {
    await (await get("/", { "x-request-id": "ops-page-2" })).text();
    const access = await eventually(
      () => server.logLines().find((l) => l.requestId === "ops-page-2" && l.msg === "request"),
      SLOW,
    );
    expect(access).toMatchObject({ level: "info", method: "GET", route: "/", status: 200 });
    expect(typeof access.time).toBe("string");
    expect(typeof access.durationMs).toBe("number");
  });
});

describe("the server in front of Next (scripts/serve.ts)", () => {
  it("refuses an oversized body without reading it whole", async () => {
    // Over what any route reads: refused before the body, whichever route.
    for (const route of [`/api/rooms/${room.slug}/messages`, `/api/rooms/${room.slug}/read`]) {
      expect(await statusOfPartialPost(route, 10_000_000, 100 * 1024), route).toBe("HTTP/1.1 413 Payload Too Large");
    }
    // Within that but over the send's own cap: refused after 64 KB of the announced megabyte.
    expect(await statusOfPartialPost(`/api/rooms/${room.slug}/messages`, 1_000_000, 100 * 1024)).toBe(
      "HTTP/1.1 413 Payload Too Large",
    );
  });

  it("refuses state-changing API requests from another site's page, whichever serves them", async () => {
    const crossSite = { origin: "https://evil.example", cookie: member.cookie, "content-type": "application/json" };
    for (const route of [
      `/api/rooms/${room.slug}/messages`,
      `/api/rooms/${room.slug}/messages/1/reactions`,
      `/api/rooms/${room.slug}/read`,
    ]) {
      const response = await fetch(`${server.baseUrl}${route}`, {
        method: "POST",
        headers: crossSite,
        body: JSON.stringify({ body: "forged", clientKey: randomUUID() }),
      });
      expect(response.status, route).toBe(403);
      expect(await response.json()).toMatchObject({ error: { code: "forbidden:origin" } });
    }
    const stored = await withClient(process.env.DATABASE_URL ?? "", (client) =>
      client.query(`SELECT 1 FROM "Message" WHERE body = 'forged'`),
    );
    expect(stored.rowCount).toBe(0);
  });

  it("takes the socket's address for per-IP limits, not the one a client writes in X-Forwarded-For", async () => {
    // Signed-out subscription requests are limited per address (30 a minute): forged addresses share one bucket.
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const response = await fetch(`${server.baseUrl}/api/pusher/auth`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": `198.51.100.${i + 1}` },
        body: "socket_id=1.1&channel_name=private-user-someone",
      });
      statuses.push(response.status);
      await response.arrayBuffer();
    }
    expect(statuses.slice(0, 30)).not.toContain(429);
    expect(statuses[30]).toBe(429);
  });
});

describe("health over HTTP", () => {
  it("keeps the instance ready when the realtime server is out, and says so", async () => {
    relay.down = true;
    try {
      const ready = await get("/api/health/ready", { "x-request-id": "ops-ready-1" });
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ ready: true, status: "degraded", failing: ["realtime"] });
      expect((await get("/api/health")).status).toBe(503);
      expect((await get("/api/health/live")).status).toBe(200);
      // Code inside the route handler logged the failure with the request's id.
      const line = await eventually(
        () => server.logLines().find((l) => l.requestId === "ops-ready-1" && l.msg === "realtime check failed"),
        SLOW,
      );
      expect(line).toMatchObject({ level: "warn", dependency: "realtime" });
    } finally {
      relay.down = false;
    }
    expect(await (await get("/api/health/ready")).json()).toMatchObject({ ready: true, status: "ok" });
  });
});

describe("GET /api/metrics", () => {
  it("is 401 without the token and leaks no metric name", async () => {
    const response = await get("/api/metrics");
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(text).not.toContain("roomful_");
    expect(JSON.parse(text)).toMatchObject({ error: { code: "unauthorized" } });
  });

  it("counts requests by route pattern and status, message sends and triggers", async () => {
    const { events } = await subscribeToRoom();
    const sent = await fetch(`${server.baseUrl}/api/rooms/${room.slug}/messages`, {
      method: "POST",
      headers: { cookie: member.cookie, "content-type": "application/json" },
      body: JSON.stringify({ body: "first", clientKey: randomUUID() }),
    });
    expect(sent.status).toBe(201);
    // A reaction, also answered before Next's router: stored, announced, and counted under its own route.
    const { id } = (await sent.json()) as { id: number };
    const reacted = await fetch(`${server.baseUrl}/api/rooms/${room.slug}/messages/${id}/reactions`, {
      method: "POST",
      headers: { cookie: member.cookie, "content-type": "application/json" },
      body: JSON.stringify({ emoji: "🎉", on: true }),
    });
    expect([reacted.status, await reacted.json()]).toMatchObject([200, { messageId: id, reaction: { count: 1 } }]);
    await eventually(() => events.find((e) => e.event === "reaction:updated"), SLOW);
    // A page's request ends when its stream does: read it to the end.
    expect(await (await get(`/rooms/${room.slug}`)).text()).toContain("ops-room");
    await eventually(() => events.find((e) => e.data.body !== undefined), SLOW);

    const response = await get("/api/metrics", { authorization: `Bearer ${METRICS_TOKEN}` });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/roomful_http_requests_total\{method="GET",route="\/api\/health\/live",status="200"\} [3-9]/);
    expect(text).toContain(
      'roomful_http_requests_total{method="POST",route="/api/rooms/[slug]/messages",status="201"} 1',
    );
    expect(text).toContain('roomful_http_requests_total{method="GET",route="/rooms/[slug]",status="200"} 1');
    expect(text).toContain(
      'roomful_http_requests_total{method="POST",route="/api/rooms/[slug]/messages/[id]/reactions",status="200"} 1',
    );
    // Raw URLs never become labels.
    expect(text).not.toContain(room.slug);
    expect(text).toContain('roomful_message_sends_total{outcome="created"} 1');
    expect(text).toMatch(/roomful_realtime_trigger_duration_seconds_count\{event="message:created",outcome="ok"\} 1\n/);
    expect(text).toMatch(/\nroomful_db_pool_connections [1-9]/);
    expect(text).toContain("\nprocess_cpu_seconds_total ");
  });
});

describe("SIGTERM", () => {
  it("drains: an in-flight send is answered, stored and triggered (work after the reply), then the process exits 0 in time", async () => {
    const { events } = await subscribeToRoom();
    // The relay delays new connections: the app's kept-alive one to soketi goes, so the trigger opens a new one.
    relay.cut();
    relay.delayMs = TRIGGER_DELAY_MS;
    const send = heldSend({ body: "sent while stopping", clientKey: randomUUID() });
    // Let the server take the request's headers: from now on it is in flight.
    await new Promise((r) => setTimeout(r, 1_000));

    const signalledAt = Date.now();
    server.process.kill("SIGTERM");
    // No new connections once draining starts…
    const refusedBy = Date.now() + 5_000;
    while ((await canConnect(server.port)) && Date.now() < refusedBy) await new Promise((r) => setTimeout(r, 50));
    expect(await canConnect(server.port)).toBe(false);

    // …while the request in flight completes.
    send.sendBody();
    const answer = await send.response;
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ body: "sent while stopping" });

    // The trigger was still held back by the relay when the reply went out: the server waited for it.
    const received = await eventually(() => events.find((e) => e.data.id === answer.body.id), {
      timeoutMs: SHUTDOWN_TIMEOUT_MS,
    });
    expect(received.at - answer.at).toBeGreaterThanOrEqual(TRIGGER_DELAY_MS - 500);

    const exit = await server.exited;
    expect(exit.code).toBe(0);
    expect(exit.at).toBeGreaterThanOrEqual(received.at);
    expect(exit.at - signalledAt).toBeLessThan(SHUTDOWN_TIMEOUT_MS);

    const stored = await withClient(process.env.DATABASE_URL ?? "", (client) =>
      client.query<{ body: string }>(`SELECT body FROM "Message" WHERE id = $1`, [answer.body.id]),
    );
    expect(stored.rows).toEqual([{ body: "sent while stopping" }]);
    expect(
      server
        .logLines()
        .some((l) => l.msg === "draining: no new connections; finishing in-flight requests and their after() work"),
    ).toBe(true);
    expect(server.logLines().find((l) => l.msg === "stopped")).toMatchObject({ code: 0 });
  });
});
