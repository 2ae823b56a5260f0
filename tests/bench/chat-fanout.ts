// `npm run bench:chat-fanout`: live chat fan-out on the production build. N members (pusher-js
// in this process, each a real user authorised through the app's POST /api/pusher/auth) sit in
// one room's presence channel; some of them post through the real API
// (POST /api/rooms/<slug>/messages with their session cookie and X-Socket-Id) at a fixed rate,
// open loop. Every subscriber times every message from the moment its POST started (the message
// number is in the body) and counts what never arrived. The floor: the same payloads, at the
// same rate, triggered straight to soketi with the pusher SDK and the app's credentials, so the
// difference is what the app adds (the two take turns in blocks of a few seconds). Then it holds
// BENCH_IDLE idle connections (presence subscriptions signed with the SDK, 100 per channel) and
// reports soketi's resident memory.
//
// Targets (2 cores, 100 subscribers, 20 messages/s): p95 ≤ 40 ms, p99 ≤ 80 ms, 0 lost, and the
// app adds ≤ 20 ms at p95 over the floor.
// Settings, all optional: BENCH_SUBSCRIBERS (100; a presence channel holds at most 100),
// BENCH_SENDERS (enough to stay under the per-member limit of 10 messages per 10 s per room:
// 40 at 20/s), BENCH_RATE (20 messages/s), BENCH_SECONDS (30 per phase), BENCH_BLOCK (5: the
// floor and the app take turns in blocks of this many seconds, so that other work on the machine
// falls on both alike), BENCH_IDLE (1000; 0 skips), BENCH_IDLE_HOLD (10 s), BENCH_PORT (3202),
// BENCH_SKIP_BUILD=1 (reuse .next-e2e-<port>).
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { Agent } from "node:http";
import { availableParallelism, cpus } from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import Pusher from "pusher";
import { LIMITS } from "../../lib/auth/rate-limit";
import { DEV_DEFAULTS } from "../../lib/env";
import { roomChannel } from "../../lib/realtime/channels";
import type { RealtimeConnection } from "../../lib/realtime/config";
import { REALTIME_LIMITS } from "../../lib/realtime/limits";
import { withClient } from "../../scripts/stack/database";
import { portFromEnv, StackError } from "../../scripts/stack/ports";
import { runMain } from "../../scripts/stack/run-main";
import { BENCH_NEXTAUTH_SECRET, startBenchApp, type BenchApp } from "./support/app";
import { groupCpuMs, loadAverage } from "./support/cpu";
import {
  appAuthorizer,
  connectAndSubscribe,
  createMembers,
  createRoom,
  inBatches,
  sdkAuthorizer,
  type BenchMember,
  type Connection,
} from "./support/fanout-clients";
import { machineBusyMs } from "./support/fanout-machine";
import { findSoketi, memoryOf, mib, type Memory } from "./support/fanout-soketi";
import { postgresCpuMs, postmasterPid } from "./support/pg-cpu";

const TARGET = { p95: 40, p99: 80, lost: 0, addedP95: 20 };
const DRAIN_MS = 5_000;

function count(variable: string, fallback: number, { min = 1 } = {}): number {
  const raw = process.env[variable];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw new StackError(`${variable} must be a whole number ≥ ${min} (got "${raw}").`);
  return value;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
const sortNumbers = (values: number[]) => Float64Array.from(values).sort();
const ms = (value: number) => (Number.isNaN(value) ? "n/a" : `${value.toFixed(1)} ms`);
const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);
const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  n: number;
}
function percentiles(values: number[]): Percentiles {
  const sorted = Array.from(sortNumbers(values));
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    n: sorted.length,
  };
}

interface Subscriber {
  member: BenchMember;
  connection: Connection;
  /** Message numbers received (by message:created), to count losses and duplicates. */
  received: Set<number>;
}

interface Send {
  phase: Phase;
  sender: number;
  startedAt: number;
  /** Set once the POST (or the floor's trigger) answered; false when nothing was stored. */
  stored?: boolean;
  /** Receive time of the slowest subscriber so far. */
  lastDeliveryAt?: number;
}

interface Phase {
  name: "floor" | "app";
  /** Send → receive, one value per delivery (message × subscriber). */
  latencies: number[];
  /** POST (app) or trigger request (floor), one per message. */
  requestLatencies: number[];
  statuses: Map<string, number>;
  sends: Send[];
  duplicates: number;
  /** The sender's own socket received its message: the exclusion did not work. */
  echoes: number;
  expected: number;
  lost: number;
  load: { before: string; after: string };
  /** CPU milliseconds per message of each part. */
  cpu: { app?: number; soketi?: number; postgres?: number; bench: number };
  /** Average CPUs busy during the phase: the whole machine, and processes outside this benchmark. */
  busyCpus?: number;
  othersCpus?: number;
  eventLoopP99: number;
  wallMs: number;
}

function newPhase(name: Phase["name"]): Phase {
  return {
    name,
    latencies: [],
    requestLatencies: [],
    statuses: new Map(),
    sends: [],
    duplicates: 0,
    echoes: 0,
    expected: 0,
    lost: 0,
    load: { before: "", after: "" },
    cpu: { bench: 0 },
    eventLoopP99: 0,
    wallMs: 0,
  };
}

/** The message number sits in the body, so every receiver can time it without a clock of its own. */
const bodyOf = (seq: number, sender: BenchMember) =>
  `fanout #${seq}: **hello** from @${sender.username}, about as long as an ordinary line of chat in a busy room.`;
const seqOf = (body: unknown) =>
  typeof body === "string" ? Number(/^fanout #(\d+):/.exec(body)?.[1] ?? Number.NaN) : Number.NaN;

runMain(async () => {
  const subscriberCount = count("BENCH_SUBSCRIBERS", 100);
  if (subscriberCount > REALTIME_LIMITS.maxPresenceMembersPerChannel) {
    throw new StackError(
      `BENCH_SUBSCRIBERS is at most ${REALTIME_LIMITS.maxPresenceMembersPerChannel}: a presence channel holds no more members.`,
    );
  }
  const rate = count("BENCH_RATE", 20);
  const seconds = count("BENCH_SECONDS", 30);
  // Each sender stays at half the per-member limit, so no send is refused for going too fast.
  const perSenderPerSecond = LIMITS.messagePost.points / LIMITS.messagePost.durationSeconds;
  const senderCount = count("BENCH_SENDERS", Math.min(subscriberCount, Math.ceil(rate / (perSenderPerSecond / 2))));
  if (senderCount > subscriberCount)
    throw new StackError("BENCH_SENDERS cannot exceed BENCH_SUBSCRIBERS (senders are subscribers too).");
  const idleCount = count("BENCH_IDLE", 1000, { min: 0 });
  const idleHoldSeconds = count("BENCH_IDLE_HOLD", 10);
  const blockSeconds = count("BENCH_BLOCK", 5);
  const port = portFromEnv("BENCH_PORT", 3202);
  const log = (line: string) => console.log(`· ${line}`);
  if (rate / senderCount > perSenderPerSecond) {
    log(
      `warning: ${(rate / senderCount).toFixed(2)} messages/s per sender is over the limit of ${perSenderPerSecond}/s; expect 429s`,
    );
  }

  let app: BenchApp | undefined;
  const connections: Connection[] = [];
  try {
    app = await startBenchApp({
      port,
      distDir: `.next-e2e-${port}`,
      skipBuild: process.env.BENCH_SKIP_BUILD === "1",
      log,
      cpuProfileDir: process.env.BENCH_CPU_PROF || undefined,
    });
    const baseUrl = app.baseUrl;
    const soketi = findSoketi(app.processGroup);
    if (!soketi) throw new StackError("Could not find the benchmark's soketi process in /proc.");
    const memory: Array<{ when: string; memory?: Memory }> = [
      { when: "started, no clients", memory: memoryOf(soketi.pid) },
    ];
    const config: RealtimeConnection = {
      key: DEV_DEFAULTS.PUSHER_KEY,
      cluster: "mt1",
      wsHost: "127.0.0.1",
      wsPort: soketi.port,
      forceTLS: false,
    };
    // The floor's SDK: the app's credentials and a keep-alive agent like the app's (soketi 1.6
    // closes every API connection after its answer, so both connect per trigger).
    const sdk = new Pusher({
      appId: DEV_DEFAULTS.PUSHER_APP_ID,
      key: DEV_DEFAULTS.PUSHER_KEY,
      secret: DEV_DEFAULTS.PUSHER_SECRET,
      host: "127.0.0.1",
      port: String(soketi.port),
      useTLS: false,
      agent: new Agent({ keepAlive: true }),
    });

    log(`Creating ${subscriberCount} members and the room…`);
    const { members, room, warmupRoom } = await withClient(app.databaseUrl, async (client) => {
      const created = await createMembers(client, {
        prefix: "fan",
        count: subscriberCount,
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
    const postmaster = await postmasterPid(app.databaseUrl);
    const channelName = roomChannel(room.id);
    const senders = members.slice(0, senderCount);

    // ---- subscribers, authorised by the app
    const sends = new Map<number, Send>();
    let strays = 0;
    const subscribeStarted = performance.now();
    log(`Connecting ${subscriberCount} subscribers (each authorised through POST /api/pusher/auth)…`);
    const subscribers: Subscriber[] = await inBatches(members.length, 10, async (index) => {
      const member = members[index] as BenchMember;
      const connection = await connectAndSubscribe({ config, channelName, authorize: appAuthorizer(baseUrl, member) });
      connections.push(connection);
      const subscriber: Subscriber = { member, connection, received: new Set() };
      connection.channel.bind("message:created", (data: { body?: unknown }) => {
        const at = performance.now();
        const seq = seqOf(data.body);
        const send = sends.get(seq);
        if (!send) {
          strays++;
          return;
        }
        if (subscriber.received.has(seq)) {
          send.phase.duplicates++;
          return;
        }
        subscriber.received.add(seq);
        if (send.sender === index) send.phase.echoes++;
        send.phase.latencies.push(at - send.startedAt);
        send.lastDeliveryAt = Math.max(send.lastDeliveryAt ?? 0, at);
      });
      return subscriber;
    });
    const subscribeMs = performance.now() - subscribeStarted;
    memory.push({ when: `${subscriberCount} subscribers`, memory: memoryOf(soketi.pid) });

    let seq = 0;
    // The app phase's blocks on V8's clock (CLOCK_MONOTONIC, µs), for tests/bench/profile-summary.ts.
    const profileWindows: Array<{ start: number; end: number; messages: number }> = [];
    const post = async (slug: string, sender: number, body: string) => {
      const member = senders[sender] as BenchMember;
      const socketId = subscribers[sender]?.connection.socketId ?? "";
      const response = await fetch(`${baseUrl}/api/rooms/${slug}/messages`, {
        method: "POST",
        headers: { cookie: member.cookie, "content-type": "application/json", "x-socket-id": socketId },
        body: JSON.stringify({ body, clientKey: randomUUID() }),
      });
      await response.arrayBuffer();
      return response.status;
    };
    // The payload the app would send for this message (a ChatMessage), built here.
    const floorPayload = (n: number, sender: number, channelRoomId: string) => {
      const member = senders[sender] as BenchMember;
      const body = bodyOf(n, member);
      return {
        id: n,
        roomId: channelRoomId,
        body,
        html: `<p>${body.replace(/\*\*hello\*\*/, "<strong>hello</strong>").replace(`@${member.username}`, `<a href="/u/${member.username}" class="mention">@${member.username}</a>`)}</p>`,
        createdAt: new Date().toISOString(),
        editedAt: null,
        author: { id: member.id, username: member.username, name: `Fan-out ${member.username}`, avatarUrl: null },
      };
    };
    const trigger = async (roomId: string, n: number, sender: number) => {
      const socketId = subscribers[sender]?.connection.socketId;
      const response = await sdk.trigger(
        roomChannel(roomId),
        "message:created",
        floorPayload(n, sender, roomId),
        socketId ? { socket_id: socketId } : undefined,
      );
      const answer = (await response.json().catch(() => ({}))) as { error?: string };
      return answer.error ? 0 : response.status;
    };

    // ---- warm-up: the app's send path and the SDK, in a room nobody watches (its own rate limit)
    log("Warming up (sends to another room, triggers)…");
    for (let i = 0; i < Math.min(senderCount, 20); i++) {
      await post(warmupRoom.slug, i, `warm-up ${i}`);
      await trigger(warmupRoom.id, -1, i % senderCount);
    }

    const spent = (after: number | undefined, before: number | undefined) =>
      after !== undefined && before !== undefined ? after - before : undefined;
    const add = (sum: number | undefined, value: number | undefined) =>
      value === undefined ? sum : (sum ?? 0) + value;
    const usage = new Map<
      Phase,
      {
        app?: number;
        soketi?: number;
        postgres?: number;
        bench: number;
        machine?: number;
        loop: ReturnType<typeof monitorEventLoopDelay>;
      }
    >();

    /** `count` messages of `phase` at the fixed rate, then waits for their deliveries. */
    const runBlock = async (phase: Phase, count: number): Promise<void> => {
      const interval = 1000 / rate;
      const used = usage.get(phase) ?? { bench: 0, loop: monitorEventLoopDelay({ resolution: 5 }) };
      usage.set(phase, used);
      if (!phase.load.before) phase.load.before = loadAverage();
      const before = {
        app: groupCpuMs(app?.processGroup),
        soketi: groupCpuMs(soketi.pid),
        postgres: postgresCpuMs(postmaster),
        bench: process.cpuUsage(),
        machine: machineBusyMs(),
      };
      used.loop.enable();
      const windowStart = monotonicMicros();
      const inflight: Promise<void>[] = [];
      const started = performance.now() + 20;
      for (let i = 0; i < count; i++) {
        const wait = started + i * interval - performance.now();
        if (wait > 0) await sleep(wait);
        const n = ++seq;
        // Round-robin over the senders across blocks: each sends once every senderCount / rate seconds.
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
      // Wait for every delivery, or DRAIN_MS after the last answer.
      phase.expected = phase.sends.reduce((sum, s) => sum + (s.stored ? subscriberCount - 1 : 0), 0);
      const deadline = performance.now() + DRAIN_MS;
      while (phase.latencies.length < phase.expected && performance.now() < deadline) await sleep(20);
      phase.wallMs += performance.now() - started;
      used.loop.disable();
      if (phase.name === "app") profileWindows.push({ start: windowStart, end: monotonicMicros(), messages: count });
      const bench = process.cpuUsage(before.bench);
      used.app = add(used.app, spent(groupCpuMs(app?.processGroup), before.app));
      used.soketi = add(used.soketi, spent(groupCpuMs(soketi.pid), before.soketi));
      used.postgres = add(used.postgres, spent(postgresCpuMs(postmaster), before.postgres));
      used.bench += (bench.user + bench.system) / 1000;
      used.machine = add(used.machine, spent(machineBusyMs(), before.machine));
      phase.load.after = loadAverage();
    };

    /** CPU per message, how busy the machine was, and what was lost, once every block has run. */
    const finish = (phase: Phase): Phase => {
      const used = usage.get(phase);
      const total = phase.sends.length;
      if (!used || total === 0) return phase;
      const perMessage = (value: number | undefined) => (value === undefined ? undefined : value / total);
      phase.cpu = {
        app: phase.name === "app" ? perMessage(used.app) : undefined,
        soketi: perMessage(used.soketi),
        postgres: phase.name === "app" ? perMessage(used.postgres) : undefined,
        bench: used.bench / total,
      };
      if (used.machine !== undefined) {
        phase.busyCpus = used.machine / phase.wallMs;
        phase.othersCpus =
          Math.max(0, used.machine - (used.app ?? 0) - (used.soketi ?? 0) - (used.postgres ?? 0) - used.bench) /
          phase.wallMs;
      }
      phase.eventLoopP99 = used.loop.percentile(99) / 1e6;
      // Lost: stored messages a subscriber (other than the sender) never received.
      for (const [n, s] of sends) {
        if (s.phase !== phase || !s.stored) continue;
        subscribers.forEach((sub, index) => {
          if (index !== s.sender && !sub.received.has(n)) phase.lost++;
        });
      }
      return phase;
    };

    // The floor and the app take turns in blocks, so that whatever else runs on the machine
    // meanwhile falls on both alike; each gets `seconds` in all.
    const floor = newPhase("floor");
    const appPhase = newPhase("app");
    const blocks = Math.max(1, Math.round(seconds / blockSeconds));
    log(
      `Floor (triggered straight to soketi with the pusher SDK) and app (POST /api/rooms/<slug>/messages by ${senderCount} senders) in turns: ` +
        `${blocks} blocks of ${(seconds / blocks).toFixed(1)} s each at ${rate} messages/s, ${subscriberCount} subscribers…`,
    );
    for (let block = 0; block < blocks; block++) {
      const count = Math.round(((block + 1) * rate * seconds) / blocks) - Math.round((block * rate * seconds) / blocks);
      await runBlock(floor, count);
      await runBlock(appPhase, count);
    }
    finish(floor);
    finish(appPhase);
    if (process.env.BENCH_CPU_PROF) {
      writeFileSync(path.join(process.env.BENCH_CPU_PROF, "windows.json"), JSON.stringify(profileWindows));
    }
    memory.push({ when: "after both phases", memory: memoryOf(soketi.pid) });

    for (const connection of connections.splice(0)) connection.client.disconnect();

    // ---- idle connections
    let idle: { connected: number; stillConnected: number; connectMs: number } | undefined;
    if (idleCount > 0) {
      await sleep(2_000);
      memory.push({ when: "subscribers gone", memory: memoryOf(soketi.pid) });
      log(
        `Holding ${idleCount} idle connections (presence subscriptions signed with the SDK, ${REALTIME_LIMITS.maxPresenceMembersPerChannel} per channel) for ${idleHoldSeconds} s…`,
      );
      const idleStarted = performance.now();
      const idleRooms = Array.from(
        { length: Math.ceil(idleCount / REALTIME_LIMITS.maxPresenceMembersPerChannel) },
        (_, i) => `benchidle${String(i).padStart(12, "0")}`,
      );
      const idleConnections = await inBatches(idleCount, 50, async (i) => {
        const roomId = idleRooms[Math.floor(i / REALTIME_LIMITS.maxPresenceMembersPerChannel)] ?? "";
        const connection = await connectAndSubscribe({
          config,
          channelName: roomChannel(roomId),
          authorize: sdkAuthorizer(sdk, `idle${i}`),
        });
        connections.push(connection);
        return connection;
      });
      const connectMs = performance.now() - idleStarted;
      await sleep(idleHoldSeconds * 1000);
      memory.push({ when: `${idleCount} idle connections`, memory: memoryOf(soketi.pid) });
      const stillConnected = idleConnections.filter((c) => c.client.connection.state === "connected").length;
      for (const connection of connections.splice(0)) connection.client.disconnect();
      await sleep(2_000);
      memory.push({ when: "idle connections closed", memory: memoryOf(soketi.pid) });
      idle = { connected: idleConnections.length, stillConnected, connectMs };
    }

    // ---- report
    const f = percentiles(floor.latencies);
    const a = percentiles(appPhase.latencies);
    const slowest = (phase: Phase) =>
      percentiles(
        phase.sends.filter((s) => s.lastDeliveryAt !== undefined).map((s) => (s.lastDeliveryAt ?? 0) - s.startedAt),
      );
    const added = a.p95 - f.p95;
    const row = (label: string, p: Percentiles, extra = "") =>
      `  ${label.padEnd(30)} ${ms(p.p50).padStart(9)} ${ms(p.p95).padStart(9)} ${ms(p.p99).padStart(9)} ${ms(p.max).padStart(9)}  ${extra}`;
    const statuses = (phase: Phase) => [...phase.statuses.entries()].map(([k, v]) => `${v}× ${k}`).join(", ");
    const cpu = (phase: Phase) =>
      [
        phase.cpu.app === undefined ? undefined : `app ${ms(phase.cpu.app)}`,
        phase.cpu.postgres === undefined ? undefined : `PostgreSQL ${ms(phase.cpu.postgres)}`,
        phase.cpu.soketi === undefined ? undefined : `soketi ${ms(phase.cpu.soketi)}`,
        `bench clients ${ms(phase.cpu.bench)}`,
      ]
        .filter(Boolean)
        .join(", ");
    const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
    const busyLine = (phase: Phase) =>
      phase.busyCpus === undefined
        ? "n/a"
        : `${phase.busyCpus.toFixed(2)} CPUs on average, ${(phase.othersCpus ?? 0).toFixed(2)} of them by other processes`;
    // Other processes using more than a quarter of a CPU means the figures are not this benchmark's alone.
    const disturbed = [floor, appPhase].some((phase) => (phase.othersCpus ?? 0) > 0.25);
    const lines = [
      "",
      `Chat fan-out: ${subscriberCount} subscribers in one room (${senderCount} of them also send), ${rate} messages/s for ${seconds} s per phase, production build`,
      `  machine   ${availableParallelism()} CPUs (${cpus()[0]?.model.trim() ?? "unknown CPU"}), Node ${process.version}; app, PostgreSQL, soketi and these clients share it`,
      `  start-up  ${subscriberCount} subscribers connected and authorised through the app in ${(subscribeMs / 1000).toFixed(1)} s`,
      "",
      `  ${"send → receive (every delivery)".padEnd(30)} ${"p50".padStart(9)} ${"p95".padStart(9)} ${"p99".padStart(9)} ${"max".padStart(9)}  deliveries`,
      row(
        "floor: SDK trigger → soketi",
        f,
        `${f.n}/${floor.expected}, lost ${floor.lost}, duplicates ${floor.duplicates}`,
      ),
      row(
        "app: POST → soketi",
        a,
        `${a.n}/${appPhase.expected}, lost ${appPhase.lost}, duplicates ${appPhase.duplicates}`,
      ),
      `  ${"app − floor".padEnd(30)} ${ms(a.p50 - f.p50).padStart(9)} ${ms(added).padStart(9)} ${ms(a.p99 - f.p99).padStart(9)}`,
      row("floor: last subscriber", slowest(floor), "(per message, its slowest delivery)"),
      row("app: last subscriber", slowest(appPhase)),
      "",
      row("POST /api/…/messages", percentiles(appPhase.requestLatencies), `${statuses(appPhase)}`),
      row("floor: trigger request", percentiles(floor.requestLatencies), `${statuses(floor)}`),
      `  sender echoes   ${appPhase.echoes} (app), ${floor.echoes} (floor): deliveries to the sender's own socket, which must be excluded${strays ? `; ${strays} stray events` : ""}`,
      `  CPU / message   app phase: ${cpu(appPhase)}`,
      `                  floor:     ${cpu(floor)}`,
      `  client lag      event-loop delay p99 of this process: ${ms(appPhase.eventLoopP99)} (app), ${ms(floor.eventLoopP99)} (floor)`,
      `  load            floor ${floor.load.before} → ${floor.load.after}; app ${appPhase.load.before} → ${appPhase.load.after} (1/5/15-minute averages; ${availableParallelism()} CPUs)`,
      `  machine busy    ${busyLine(floor)} (floor); ${busyLine(appPhase)} (app)${disturbed ? `: DISTURBED, other work took CPU this benchmark needed` : ""}`,
      "",
      `  targets         p95 ≤ ${TARGET.p95} ms: ${verdict(a.p95 <= TARGET.p95)} (${ms(a.p95)}); p99 ≤ ${TARGET.p99} ms: ${verdict(a.p99 <= TARGET.p99)} (${ms(a.p99)}); ` +
        `0 lost: ${verdict(appPhase.lost === TARGET.lost && appPhase.expected > 0)} (${appPhase.lost}); app adds ≤ ${TARGET.addedP95} ms at p95: ${verdict(added <= TARGET.addedP95)} (${ms(added)})`,
      "",
      `soketi memory (pid ${soketi.pid}, /proc/<pid>/status)`,
      ...memory.map(
        ({ when, memory: m }) => `  ${when.padEnd(28)} RSS ${mib(m?.rssKb).padStart(10)}   (peak ${mib(m?.peakKb)})`,
      ),
    ];
    if (idle) {
      const before = memory.find((m) => m.when === "subscribers gone")?.memory?.rssKb;
      const held = memory.find((m) => m.when.endsWith("idle connections"))?.memory?.rssKb;
      const perConnection =
        before !== undefined && held !== undefined ? ((held - before) / idle.connected).toFixed(1) : "n/a";
      lines.push(
        `  idle            ${idle.connected} connected and subscribed in ${(idle.connectMs / 1000).toFixed(1)} s; ${idle.stillConnected} still connected after ${idleHoldSeconds} s; ~${perConnection} KiB RSS per connection`,
      );
    }
    console.log(`${lines.join("\n")}\n`);
  } finally {
    for (const connection of connections.splice(0)) connection.client.disconnect();
    await app?.stop();
  }
});
