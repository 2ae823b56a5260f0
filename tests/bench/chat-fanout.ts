// `npm run bench:chat-fanout`: live chat fan-out on the production build. N readers sit on one room's public channel
// (`room-<id>`, as every reader of a room does, visitors included) as raw WebSocket clients in this process
// (./support/ws-readers.ts: the `ws` package, which the dev dependencies already install; Node 20 has no WebSocket
// global without a flag). Part of them are members who also hold their `private-here-<roomId>-<userId>` channel
// (signed with the pusher SDK), the rest visitors. Some members post through the real API
// (POST /api/rooms/<slug>/messages with their session cookie and X-Socket-Id) at a fixed rate, open loop. Every reader
// times every message from the moment its POST started (the message number is in the body) and counts what never
// arrived. The floor: the same payloads, at the same rate, triggered straight to soketi with the pusher SDK, so the
// difference is what the app adds (the two take turns in blocks of a few seconds). After each configuration a quiet
// window with every reader connected counts the app's HTTP requests per second (from /api/metrics) and its CPU: raw
// readers ask the app nothing, so this shows the realtime path's idle cost; what browsers ask is for the e2e suite.
//
// BENCH_NODES=2: two soketi nodes on the machine's Redis (127.0.0.1:6379, the Redis adapter, a prefix of this run's
// own) and two app instances on one PostgreSQL, each app triggering through its own node; senders alternate between
// app A and app B, readers alternate between the nodes, and the floor's triggers alternate between the nodes.
//
// Targets (2 cores, one box): 100 readers × 20 msg/s: p95 ≤ 12 ms and app − floor ≤ 4 ms at p95; 1,000 × 20/s:
// p95 ≤ 30 ms, p99 ≤ 60 ms, 0 lost; 2,000 × 5/s: p99 ≤ 100 ms, 0 lost; two nodes at 1,000 × 20/s: 0 lost.
// Settings, all optional: BENCH_READERS (a list, "100,1000,2000" by default: one configuration each),
// BENCH_RATE (messages/s; 20, or 5 above 1,000 readers), BENCH_VISITORS (percentage of readers who are visitors, 50),
// BENCH_SENDERS (enough to stay at half the per-member limit of 10 messages per 10 s per room: 40 at 20/s),
// BENCH_SECONDS (30 per phase), BENCH_BLOCK (5: floor and app take turns in blocks of this many seconds),
// BENCH_QUIET (5 s of quiet window; 0 skips), BENCH_NODES (1 or 2), BENCH_PORT (3202; the second app takes the next
// port), BENCH_SKIP_BUILD=1 (reuse .next-e2e-<port>), BENCH_CPU_PROF=<dir> (profile the app(s), see
// tests/bench/profile-summary.ts).
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { Agent } from "node:http";
import { availableParallelism, cpus } from "node:os";
import path from "node:path";
import Pusher from "pusher";
import { LIMITS } from "../../lib/auth/rate-limit";
import { DEV_DEFAULTS } from "../../lib/env";
import { hereChannel, roomChannel } from "../../lib/realtime/channels";
import { visitorUserId } from "../../lib/realtime/user-ids";
import { withClient } from "../../scripts/stack/database";
import { portFromEnv, StackError } from "../../scripts/stack/ports";
import { runMain } from "../../scripts/stack/run-main";
import { BENCH_NEXTAUTH_SECRET } from "./support/app";
import { groupCpuMs, loadAverage } from "./support/cpu";
import { createMembers, createRoom, inBatches, type BenchMember } from "./support/fanout-clients";
import { machineBusyMs } from "./support/fanout-machine";
import { memoryOf, mib } from "./support/fanout-soketi";
import { BENCH_METRICS_TOKEN, startFanoutStack, type FanoutStack } from "./support/fanout-stack";
import { postgresCpuMs, postmasterPid } from "./support/pg-cpu";
import { connectReader, type Reader } from "./support/ws-readers";

const DRAIN_MS = 5_000;
const SEQ = /fanout #(\d+):/;

function count(variable: string, fallback: number, { min = 1 } = {}): number {
  const raw = process.env[variable];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw new StackError(`${variable} must be a whole number ≥ ${min} (got "${raw}").`);
  return value;
}

function list(variable: string, fallback: number[]): number[] {
  const raw = process.env[variable];
  if (raw === undefined || raw === "") return fallback;
  const values = raw
    .split(/[,|\s]+/)
    .filter(Boolean)
    .map(Number);
  if (values.length === 0 || values.some((v) => !Number.isInteger(v) || v < 2))
    throw new StackError(`${variable} must be whole numbers ≥ 2, e.g. "100,1000,2000" (got "${raw}").`);
  return values;
}

/** Nearest-rank percentile of sorted values. */
const percentile = (sorted: Float64Array, p: number) =>
  sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
const ms = (value: number | undefined) =>
  value === undefined || Number.isNaN(value) ? "n/a" : `${value.toFixed(1)} ms`;
const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));
const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);
const sum = (values: Array<number | undefined>) =>
  values.some((v) => v === undefined) ? undefined : values.reduce<number>((a, v) => a + (v ?? 0), 0);

interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  n: number;
}
function percentiles(values: number[]): Percentiles {
  const sorted = Float64Array.from(values).sort();
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    n: sorted.length,
  };
}

interface Send {
  phase: Phase;
  sender: number;
  startedAt: number;
  stored?: boolean;
  lastDeliveryAt?: number;
}

interface Phase {
  name: "floor" | "app";
  latencies: number[];
  requestLatencies: number[];
  statuses: Map<string, number>;
  sends: Send[];
  duplicates: number;
  echoes: number;
  expected: number;
  lost: number;
  /** CPU milliseconds of each part, summed over the phase's blocks. */
  used: { app?: number; soketi?: number; postgres?: number; redis?: number; bench: number; machine?: number };
  wallMs: number;
}

const newPhase = (name: Phase["name"]): Phase => ({
  name,
  latencies: [],
  requestLatencies: [],
  statuses: new Map(),
  sends: [],
  duplicates: 0,
  echoes: 0,
  expected: 0,
  lost: 0,
  used: { bench: 0 },
  wallMs: 0,
});

interface Target {
  label: string;
  ok: boolean;
}

interface ConfigResult {
  readers: number;
  visitors: number;
  rate: number;
  senders: number;
  floor: Phase;
  app: Phase;
  connectMs: number;
  quiet?: { requestsPerSecond?: number; appCpuPerSecond?: number; seconds: number };
  soketiRss: { before?: number; with?: number };
  strays: number;
  targets: Target[];
}

/** The brief's targets for a configuration, where one is set. */
function targetsFor(readers: number, rate: number, nodes: number, app: Percentiles, floor: Percentiles, lost: number) {
  const targets: Target[] = [];
  const add = (label: string, ok: boolean) => targets.push({ label, ok });
  if (nodes === 1 && readers <= 100 && rate >= 20) {
    add(`p95 ≤ 12 ms (${ms(app.p95)})`, app.p95 <= 12);
    add(`app − floor ≤ 4 ms at p95 (${ms(app.p95 - floor.p95)})`, app.p95 - floor.p95 <= 4);
  } else if (nodes === 1 && readers <= 1000 && rate >= 20) {
    add(`p95 ≤ 30 ms (${ms(app.p95)})`, app.p95 <= 30);
    add(`p99 ≤ 60 ms (${ms(app.p99)})`, app.p99 <= 60);
  } else if (nodes === 1 && readers <= 2000) {
    add(`p99 ≤ 100 ms (${ms(app.p99)})`, app.p99 <= 100);
  }
  add(`0 lost (${lost})`, lost === 0);
  return targets;
}

/** Every roomful_http_requests_total sample added up (all routes, methods and statuses). */
async function appRequests(baseUrl: string): Promise<number | undefined> {
  const response = await fetch(`${baseUrl}/api/metrics`, {
    headers: { authorization: `Bearer ${BENCH_METRICS_TOKEN}` },
  }).catch(() => undefined);
  if (!response?.ok) return undefined;
  const text = await response.text();
  let total = 0;
  for (const line of text.split("\n")) {
    if (line.startsWith("roomful_http_requests_total")) total += Number(line.slice(line.lastIndexOf(" ") + 1)) || 0;
  }
  return total;
}

/** The message number sits in the body, so every receiver can time it without a clock of its own. */
const bodyOf = (seq: number, sender: BenchMember) =>
  `fanout #${seq}: **hello** from @${sender.username}, about as long as an ordinary line of chat in a busy room.`;

async function runConfig(
  stack: FanoutStack,
  settings: {
    readers: number;
    rate: number;
    senders: number;
    visitorShare: number;
    seconds: number;
    blockSeconds: number;
    quietSeconds: number;
    log: (line: string) => void;
    profileWindows?: Array<{ start: number; end: number; messages: number }>;
  },
): Promise<ConfigResult> {
  const { readers: readerCount, rate, senders: senderCount, seconds, blockSeconds, log } = settings;
  const visitors = Math.min(readerCount - senderCount, Math.round((readerCount * settings.visitorShare) / 100));
  const memberCount = readerCount - visitors;
  const nodes = stack.nodes;
  // One SDK per node, with a keep-alive agent like the app's: the floor's triggers alternate between the nodes.
  const sdks = nodes.map(
    (node) =>
      new Pusher({
        appId: DEV_DEFAULTS.PUSHER_APP_ID,
        key: DEV_DEFAULTS.PUSHER_KEY,
        secret: DEV_DEFAULTS.PUSHER_SECRET,
        host: "127.0.0.1",
        port: String(node.port),
        useTLS: false,
        agent: new Agent({ keepAlive: true }),
      }),
  );
  const signer = sdks[0] as Pusher;

  log(`${readerCount} readers: creating ${memberCount} members and the room…`);
  const { members, room, warmupRoom } = await withClient(stack.databaseUrl, async (client) => {
    const created = await createMembers(client, {
      prefix: `f${readerCount}`,
      count: memberCount,
      secret: BENCH_NEXTAUTH_SECRET,
    });
    const host = created[0];
    if (!host) throw new Error("no members");
    return {
      members: created,
      room: await createRoom(client, { name: "fanout", hostId: host.id }),
      warmupRoom: await createRoom(client, { name: "warmup", hostId: host.id }),
    };
  });
  const postmaster = await postmasterPid(stack.databaseUrl);
  const senders = members.slice(0, senderCount);
  const rssOf = () => sum(nodes.map((node) => memoryOf(node.pid)?.rssKb));
  const soketiRss: ConfigResult["soketiRss"] = { before: rssOf() };

  // ---- readers: members first (senders among them, so each sender's own socket is a reader), then visitors
  const sends = new Map<number, Send>();
  const received: Array<Set<number>> = Array.from({ length: readerCount }, () => new Set());
  let strays = 0;
  const connectStarted = performance.now();
  log(
    `Connecting ${readerCount} raw WebSocket readers (${memberCount} members with their here-channel, ${visitors} visitors) over ${nodes.length} soketi node(s)…`,
  );
  const readers: Reader[] = await inBatches(readerCount, 50, async (index) => {
    const member = index < memberCount ? members[index] : undefined;
    const node = nodes[index % nodes.length] ?? nodes[0];
    const here = member ? hereChannel(room.id, member.id) : undefined;
    return connectReader({
      url: `ws://127.0.0.1:${node?.port ?? 0}`,
      key: DEV_DEFAULTS.PUSHER_KEY,
      channel: roomChannel(room.id),
      signIn: (socketId) => signer.authenticateUser(socketId, { id: member?.id ?? visitorUserId(socketId) }),
      privateChannel: here
        ? { name: here, sign: (socketId) => signer.authorizeChannel(socketId, here).auth }
        : undefined,
      onMessage: (frame) => {
        const at = performance.now();
        const seq = Number(SEQ.exec(frame)?.[1] ?? Number.NaN);
        const send = sends.get(seq);
        if (!send) {
          strays++;
          return;
        }
        const seen = received[index] as Set<number>;
        if (seen.has(seq)) {
          send.phase.duplicates++;
          return;
        }
        seen.add(seq);
        if (send.sender === index) send.phase.echoes++;
        send.phase.latencies.push(at - send.startedAt);
        if ((send.lastDeliveryAt ?? 0) < at) send.lastDeliveryAt = at;
      },
    });
  });
  const connectMs = performance.now() - connectStarted;
  soketiRss.with = rssOf();

  try {
    let seq = 0;
    let posts = 0;
    const post = async (slug: string, sender: number, body: string) => {
      const member = senders[sender] as BenchMember;
      // Two apps: every other POST goes to the other one.
      const app = stack.apps[posts++ % stack.apps.length] ?? stack.apps[0];
      const response = await fetch(`${app?.baseUrl}/api/rooms/${slug}/messages`, {
        method: "POST",
        headers: {
          cookie: member.cookie,
          "content-type": "application/json",
          "x-socket-id": readers[sender]?.socketId ?? "",
        },
        body: JSON.stringify({ body, clientKey: randomUUID() }),
      });
      await response.arrayBuffer();
      return response.status;
    };
    // The payload the app would send for this message (a ChatMessage), built here.
    const floorPayload = (n: number, sender: number, roomId: string) => {
      const member = senders[sender] as BenchMember;
      const body = bodyOf(n, member);
      const mention = `<a href="/u/${member.username}" class="mention">@${member.username}</a>`;
      return {
        id: n,
        roomId,
        body,
        html: `<p>${body.replace(/\*\*hello\*\*/, "<strong>hello</strong>").replace(`@${member.username}`, mention)}</p>`,
        createdAt: new Date().toISOString(),
        editedAt: null,
        author: { id: member.id, username: member.username, name: `Fan-out ${member.username}`, avatarUrl: null },
      };
    };
    let triggers = 0;
    const trigger = async (roomId: string, n: number, sender: number) => {
      const socketId = readers[sender]?.socketId;
      const sdk = sdks[triggers++ % sdks.length] ?? signer;
      const response = await sdk.trigger(
        roomChannel(roomId),
        "message:created",
        floorPayload(n, sender, roomId),
        socketId ? { socket_id: socketId } : undefined,
      );
      const answer = (await response.json().catch(() => ({}))) as { error?: string };
      return answer.error ? 0 : response.status;
    };

    log("Warming up (sends to another room, triggers)…");
    for (let i = 0; i < Math.min(senderCount, 20); i++) {
      await post(warmupRoom.slug, i, `warm-up ${i}`);
      await trigger(warmupRoom.id, -1, i % senderCount);
    }

    const runBlock = async (phase: Phase, messages: number): Promise<void> => {
      const interval = 1000 / rate;
      const before = {
        app: sum(stack.apps.map((a) => groupCpuMs(a.processGroup))),
        soketi: sum(nodes.map((node) => groupCpuMs(node.pid))),
        postgres: postgresCpuMs(postmaster),
        redis: stack.redisPid === undefined ? undefined : groupCpuMs(stack.redisPid),
        bench: process.cpuUsage(),
        machine: machineBusyMs(),
      };
      const windowStart = monotonicMicros();
      const inflight: Promise<void>[] = [];
      const started = performance.now() + 20;
      for (let i = 0; i < messages; i++) {
        const wait = started + i * interval - performance.now();
        if (wait > 0) await sleep(wait);
        const n = ++seq;
        const sender = phase.sends.length % senderCount;
        const send: Send = { phase, sender, startedAt: performance.now() };
        sends.set(n, send);
        phase.sends.push(send);
        const request =
          phase.name === "app"
            ? post(room.slug, sender, bodyOf(n, senders[sender] as BenchMember))
            : trigger(room.id, n, sender);
        inflight.push(
          request.then(
            (status) => {
              phase.requestLatencies.push(performance.now() - send.startedAt);
              const key = String(status || "refused");
              phase.statuses.set(key, (phase.statuses.get(key) ?? 0) + 1);
              send.stored = status === 200 || status === 201;
            },
            (error: unknown) => {
              const key = error instanceof Error ? error.message.slice(0, 60) : "error";
              phase.statuses.set(key, (phase.statuses.get(key) ?? 0) + 1);
              send.stored = false;
            },
          ),
        );
      }
      await Promise.all(inflight);
      phase.expected = phase.sends.reduce((total, s) => total + (s.stored ? readerCount - 1 : 0), 0);
      const deadline = performance.now() + DRAIN_MS;
      while (phase.latencies.length < phase.expected && performance.now() < deadline) await sleep(20);
      phase.wallMs += performance.now() - started;
      if (phase.name === "app") settings.profileWindows?.push({ start: windowStart, end: monotonicMicros(), messages });
      const bench = process.cpuUsage(before.bench);
      const spent = (after: number | undefined, from: number | undefined) =>
        after !== undefined && from !== undefined ? after - from : undefined;
      const add = (total: number | undefined, value: number | undefined) =>
        value === undefined ? total : (total ?? 0) + value;
      const used = phase.used;
      used.app = add(used.app, spent(sum(stack.apps.map((a) => groupCpuMs(a.processGroup))), before.app));
      used.soketi = add(used.soketi, spent(sum(nodes.map((node) => groupCpuMs(node.pid))), before.soketi));
      used.postgres = add(used.postgres, spent(postgresCpuMs(postmaster), before.postgres));
      if (stack.redisPid !== undefined) used.redis = add(used.redis, spent(groupCpuMs(stack.redisPid), before.redis));
      used.bench += (bench.user + bench.system) / 1000;
      used.machine = add(used.machine, spent(machineBusyMs(), before.machine));
    };

    const floor = newPhase("floor");
    const appPhase = newPhase("app");
    const blocks = Math.max(1, Math.round(seconds / blockSeconds));
    log(
      `Floor (SDK trigger → soketi) and app (POST by ${senderCount} senders${stack.apps.length > 1 ? ", alternating between the apps" : ""}) in turns: ` +
        `${blocks} blocks of ${(seconds / blocks).toFixed(1)} s each at ${rate} messages/s…`,
    );
    for (let block = 0; block < blocks; block++) {
      const messages =
        Math.round(((block + 1) * rate * seconds) / blocks) - Math.round((block * rate * seconds) / blocks);
      await runBlock(floor, messages);
      await runBlock(appPhase, messages);
    }
    for (const phase of [floor, appPhase]) {
      for (const [n, s] of sends) {
        if (s.phase !== phase || !s.stored) continue;
        for (let index = 0; index < readerCount; index++) {
          if (index !== s.sender && !(received[index] as Set<number>).has(n)) phase.lost++;
        }
      }
    }
    const closed = readers.filter((r) => !r.open()).length;
    if (closed > 0) log(`warning: ${closed} readers were disconnected during the run`);

    // ---- quiet window: every reader connected, nothing sent
    let quiet: ConfigResult["quiet"];
    if (settings.quietSeconds > 0) {
      const first = await Promise.all(stack.apps.map((a) => appRequests(a.baseUrl)));
      const cpuBefore = sum(stack.apps.map((a) => groupCpuMs(a.processGroup)));
      await sleep(settings.quietSeconds * 1000);
      const cpuAfter = sum(stack.apps.map((a) => groupCpuMs(a.processGroup)));
      const second = await Promise.all(stack.apps.map((a) => appRequests(a.baseUrl)));
      const before = sum(first);
      const after = sum(second);
      quiet = {
        seconds: settings.quietSeconds,
        // Less the first scrape of each app, which the second one counts.
        requestsPerSecond:
          before !== undefined && after !== undefined
            ? Math.max(0, after - before - stack.apps.length) / settings.quietSeconds
            : undefined,
        appCpuPerSecond:
          cpuBefore !== undefined && cpuAfter !== undefined
            ? (cpuAfter - cpuBefore) / settings.quietSeconds
            : undefined,
      };
    }
    const a = percentiles(appPhase.latencies);
    const f = percentiles(floor.latencies);
    return {
      readers: readerCount,
      visitors,
      rate,
      senders: senderCount,
      floor,
      app: appPhase,
      connectMs,
      quiet,
      soketiRss,
      strays,
      targets: targetsFor(readerCount, rate, nodes.length, a, f, appPhase.lost),
    };
  } finally {
    for (const reader of readers) reader.close();
    await sleep(1_000);
  }
}

function report(result: ConfigResult, nodes: number): string {
  const { floor, app } = result;
  const a = percentiles(app.latencies);
  const f = percentiles(floor.latencies);
  const perMessage = (phase: Phase, value: number | undefined) =>
    value === undefined || phase.sends.length === 0 ? undefined : value / phase.sends.length;
  const slowest = (phase: Phase) =>
    percentiles(
      phase.sends.filter((s) => s.lastDeliveryAt !== undefined).map((s) => (s.lastDeliveryAt ?? 0) - s.startedAt),
    );
  const row = (label: string, p: Percentiles, extra = "") =>
    `  ${label.padEnd(30)} ${ms(p.p50).padStart(9)} ${ms(p.p95).padStart(9)} ${ms(p.p99).padStart(9)} ${ms(p.max).padStart(9)}  ${extra}`;
  const statuses = (phase: Phase) => [...phase.statuses.entries()].map(([k, v]) => `${v}× ${k}`).join(", ");
  const cpu = (phase: Phase) =>
    [
      phase.name === "app" ? `app ${ms(perMessage(phase, phase.used.app))}` : undefined,
      phase.name === "app" ? `PostgreSQL ${ms(perMessage(phase, phase.used.postgres))}` : undefined,
      `soketi ${ms(perMessage(phase, phase.used.soketi))}`,
      phase.used.redis === undefined ? undefined : `Redis ${ms(perMessage(phase, phase.used.redis))}`,
      `bench clients ${ms(perMessage(phase, phase.used.bench))}`,
    ]
      .filter(Boolean)
      .join(", ");
  const busy = (phase: Phase) => {
    const { machine, app: appCpu, soketi, postgres, redis, bench } = phase.used;
    if (machine === undefined || phase.wallMs === 0) return "n/a";
    const ours = (appCpu ?? 0) + (soketi ?? 0) + (postgres ?? 0) + (redis ?? 0) + bench;
    const others = Math.max(0, machine - ours) / phase.wallMs;
    return `${(machine / phase.wallMs).toFixed(2)} CPUs, ${others.toFixed(2)} by other processes${others > 0.25 ? " (DISTURBED)" : ""}`;
  };
  const rss = result.soketiRss;
  const perReader =
    rss.before !== undefined && rss.with !== undefined ? ((rss.with - rss.before) / result.readers).toFixed(1) : "n/a";
  const lines = [
    "",
    `${result.readers} readers (${result.readers - result.visitors} members, ${result.visitors} visitors) on ${nodes} soketi node(s), ${result.senders} senders, ${result.rate} messages/s`,
    `  connected     ${result.readers} readers in ${(result.connectMs / 1000).toFixed(1)} s; soketi RSS ${mib(rss.before)} → ${mib(rss.with)} (~${perReader} KiB per reader)`,
    `  ${"send → receive (every delivery)".padEnd(30)} ${"p50".padStart(9)} ${"p95".padStart(9)} ${"p99".padStart(9)} ${"max".padStart(9)}  deliveries`,
    row(
      "floor: SDK trigger → soketi",
      f,
      `${f.n}/${floor.expected}, lost ${floor.lost}, duplicates ${floor.duplicates}`,
    ),
    row("app: POST → soketi", a, `${a.n}/${app.expected}, lost ${app.lost}, duplicates ${app.duplicates}`),
    `  ${"app − floor".padEnd(30)} ${ms(a.p50 - f.p50).padStart(9)} ${ms(a.p95 - f.p95).padStart(9)} ${ms(a.p99 - f.p99).padStart(9)}`,
    row("floor: last reader", slowest(floor), "(per message, its slowest delivery)"),
    row("app: last reader", slowest(app)),
    row("POST /api/…/messages", percentiles(app.requestLatencies), statuses(app)),
    row("floor: trigger request", percentiles(floor.requestLatencies), statuses(floor)),
    `  echoes        ${app.echoes} (app), ${floor.echoes} (floor): deliveries to the sender's own socket, which must be excluded${result.strays ? `; ${result.strays} stray events` : ""}`,
    `  CPU/message   app phase: ${cpu(app)}`,
    `                floor:     ${cpu(floor)}`,
    `  machine busy  floor ${busy(floor)}; app ${busy(app)}; load ${loadAverage()}`,
  ];
  if (result.quiet) {
    lines.push(
      `  quiet window  ${result.quiet.seconds} s, every reader connected, nothing sent: app ${result.quiet.requestsPerSecond?.toFixed(1) ?? "n/a"} requests/s, ${ms(result.quiet.appCpuPerSecond)} CPU/s (raw readers ask the app nothing; browsers' requests are the e2e suite's to count)`,
    );
  }
  lines.push(`  targets       ${result.targets.map((t) => `${t.label}: ${t.ok ? "met" : "NOT met"}`).join("; ")}`);
  return lines.join("\n");
}

function summary(results: ConfigResult[], nodes: number): string {
  const header = `  ${"readers".padStart(7)} ${"rate".padStart(5)} ${"app p50".padStart(9)} ${"p95".padStart(9)} ${"p99".padStart(9)} ${"floor p95".padStart(10)} ${"app−floor p95".padStart(14)} ${"lost".padStart(6)} ${"dup".padStart(4)} ${"app CPU/msg".padStart(12)} ${"PG/msg".padStart(9)} ${"soketi/msg".padStart(11)} ${"bench/msg".padStart(10)}  targets`;
  const rows = results.map((r) => {
    const a = percentiles(r.app.latencies);
    const f = percentiles(r.floor.latencies);
    const per = (value: number | undefined) =>
      value === undefined || r.app.sends.length === 0 ? "n/a" : ms(value / r.app.sends.length);
    return `  ${String(r.readers).padStart(7)} ${String(r.rate).padStart(5)} ${ms(a.p50).padStart(9)} ${ms(a.p95).padStart(9)} ${ms(a.p99).padStart(9)} ${ms(f.p95).padStart(10)} ${ms(a.p95 - f.p95).padStart(14)} ${String(r.app.lost).padStart(6)} ${String(r.app.duplicates).padStart(4)} ${per(r.app.used.app).padStart(12)} ${per(r.app.used.postgres).padStart(9)} ${per(r.app.used.soketi).padStart(11)} ${per(r.app.used.bench).padStart(10)}  ${r.targets.every((t) => t.ok) ? "met" : "NOT met"}`;
  });
  return [
    "",
    `Summary (${nodes} soketi node(s), ${nodes} app instance(s); send → receive over every delivery; CPU per message in the app phase)`,
    header,
    ...rows,
  ].join("\n");
}

runMain(async () => {
  const readerCounts = list("BENCH_READERS", [100, 1000, 2000]);
  const nodes = count("BENCH_NODES", 1);
  if (nodes !== 1 && nodes !== 2) throw new StackError("BENCH_NODES is 1 or 2.");
  const seconds = count("BENCH_SECONDS", 30);
  const blockSeconds = count("BENCH_BLOCK", 5);
  const quietSeconds = count("BENCH_QUIET", 5, { min: 0 });
  const visitorShare = count("BENCH_VISITORS", 50, { min: 0 });
  const port = portFromEnv("BENCH_PORT", 3202);
  const profileDir = process.env.BENCH_CPU_PROF || undefined;
  const perSenderPerSecond = LIMITS.messagePost.points / LIMITS.messagePost.durationSeconds;
  const log = (line: string) => console.log(`· ${line}`);
  if (profileDir) mkdirSync(profileDir, { recursive: true });

  const stack = await startFanoutStack({
    nodes,
    port,
    distDir: `.next-e2e-${port}`,
    skipBuild: process.env.BENCH_SKIP_BUILD === "1",
    log,
    cpuProfileDir: profileDir,
  });
  const results: ConfigResult[] = [];
  const profileWindows: Array<{ start: number; end: number; messages: number }> = [];
  try {
    for (const readers of readerCounts) {
      const rate = count("BENCH_RATE", readers > 1000 ? 5 : 20);
      // Each sender stays at half the per-member limit, so no send is refused for going too fast.
      const senders = Math.min(readers, count("BENCH_SENDERS", Math.ceil(rate / (perSenderPerSecond / 2))));
      if (rate / senders > perSenderPerSecond)
        log(`warning: ${(rate / senders).toFixed(2)} messages/s per sender is over the limit; expect 429s`);
      const result = await runConfig(stack, {
        readers,
        rate,
        senders,
        visitorShare,
        seconds,
        blockSeconds,
        quietSeconds,
        log,
        profileWindows,
      });
      results.push(result);
      console.log(report(result, nodes));
    }
    console.log(
      [
        "",
        `Chat fan-out on the production build: ${availableParallelism()} CPUs (${cpus()[0]?.model.trim() ?? "unknown CPU"}), Node ${process.version}; app, PostgreSQL, soketi${nodes > 1 ? ", Redis" : ""} and these clients share it`,
        summary(results, nodes),
        "",
      ].join("\n"),
    );
  } finally {
    await stack.stop();
    if (profileDir) writeFileSync(path.join(profileDir, "windows.json"), JSON.stringify(profileWindows));
  }
});
