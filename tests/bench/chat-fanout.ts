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
// Reactions (issue 16: a reaction's send → receive at 100 readers within 2 ms of a message's): at 100 readers or
// fewer (BENCH_REACTIONS=1: every configuration; 0: none) each app block is followed by a block of reaction POSTs
// (POST /api/rooms/<slug>/messages/<id>/reactions) at the same rate by the same senders, to the newest messages: a
// round adds each sender's emoji to one message, the next takes them back (./support/fanout-reactions.ts). Readers
// time reaction:updated by (message, actor, on) and the report puts reactions beside messages (p50/p95/p99, lost,
// duplicates, app and PostgreSQL CPU per reaction, reaction − message at each percentile).
//
// BENCH_NODES=2: two soketi nodes on the machine's Redis (127.0.0.1:6379, the Redis adapter, a prefix of this run's
// own) and two app instances on one PostgreSQL, each app triggering through its own node; senders alternate between
// app A and app B, readers alternate between the nodes, and the floor's triggers alternate between the nodes.
//
// Targets (2 cores, one box): 100 readers × 20 msg/s: p95 ≤ 12 ms, app − floor ≤ 4 ms at p95 and reaction − message
// ≤ 2 ms at p50 and p95; 1,000 × 20/s:
// p95 ≤ 30 ms, p99 ≤ 60 ms, 0 lost; 2,000 × 5/s: p99 ≤ 100 ms, 0 lost; two nodes at 1,000 × 20/s: 0 lost.
// Settings, all optional: BENCH_READERS (a list, "100,1000,2000" by default: one configuration each),
// BENCH_RATE (messages/s; 20, or 5 above 1,000 readers), BENCH_VISITORS (percentage of readers who are visitors, 50),
// BENCH_SENDERS (enough to stay at half the per-member limits, 10 messages per 10 s and 60 reactions a minute: 40 at
// 20/s), BENCH_SECONDS (30 per phase), BENCH_BLOCK (5: floor, app and reactions take turns in blocks this long),
// BENCH_REACTIONS (0 or 1; unset: at 100 readers or fewer),
// BENCH_QUIET (5 s of quiet window; 0 skips), BENCH_NODES (1 or 2), BENCH_PORT (3202; the second app takes the next
// port), BENCH_SKIP_BUILD=1 (reuse .next-e2e-<port>), BENCH_CPU_PROF=<dir> (profile the app(s), see
// tests/bench/profile-summary.ts).
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus } from "node:os";
import path from "node:path";
import { LIMITS } from "../../lib/auth/rate-limit";
import { DEV_DEFAULTS } from "../../lib/env";
import { hereChannel, roomChannel } from "../../lib/realtime/channels";
import { visitorUserId } from "../../lib/realtime/user-ids";
import { withClient } from "../../scripts/stack/database";
import { portFromEnv, StackError } from "../../scripts/stack/ports";
import { runMain } from "../../scripts/stack/run-main";
import { BENCH_NEXTAUTH_SECRET } from "./support/app";
import { inBatches } from "./support/concurrently";
import { createMembers, createRoom, type BenchMember } from "./support/fanout-clients";
import { Deliveries } from "./support/fanout-deliveries";
import { bodyOf, createFloor, SEQ } from "./support/fanout-floor";
import { ReactionPlan, reactionKeyOf } from "./support/fanout-reactions";
import {
  monotonicMicros,
  newPhase,
  percentiles,
  report,
  sleep,
  sum,
  summary,
  targetsFor,
  type ConfigResult,
  type Phase,
  type Send,
} from "./support/fanout-report";
import { createSenders } from "./support/fanout-senders";
import { memoryOf } from "./support/fanout-soketi";
import { startFanoutStack, type FanoutStack } from "./support/fanout-stack";
import { addUsageSince, quietWindow, usageMark } from "./support/fanout-usage";
import { postmasterPid } from "./support/pg-cpu";
import { count } from "./support/stats";
import { connectReader, type Reader } from "./support/ws-readers";

const DRAIN_MS = 5_000;

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
    /** Reaction blocks after each message block, at the same rate. */
    reactions: boolean;
    log: (line: string) => void;
    profileWindows?: Array<{ start: number; end: number; messages: number }>;
  },
): Promise<ConfigResult> {
  const { readers: readerCount, rate, senders: senderCount, seconds, blockSeconds, log } = settings;
  const visitors = Math.min(readerCount - senderCount, Math.round((readerCount * settings.visitorShare) / 100));
  const memberCount = readerCount - visitors;
  const nodes = stack.nodes;
  const floor = createFloor(nodes);

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
  // Messages by number, reactions by (message, actor, on): see ./support/fanout-reactions.ts.
  const messageDeliveries = new Deliveries<number>(readerCount, true);
  const reactionDeliveries = new Deliveries<string>(readerCount, false);
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
      signIn: (socketId) => floor.signer.authenticateUser(socketId, { id: member?.id ?? visitorUserId(socketId) }),
      privateChannel: here
        ? { name: here, sign: (socketId) => floor.signer.authorizeChannel(socketId, here).auth }
        : undefined,
      onMessage: (frame) =>
        messageDeliveries.record(Number(SEQ.exec(frame)?.[1] ?? Number.NaN), index, performance.now()),
      onReaction: settings.reactions
        ? (frame) => reactionDeliveries.record(reactionKeyOf(frame), index, performance.now())
        : undefined,
    });
  });
  const connectMs = performance.now() - connectStarted;
  soketiRss.with = rssOf();

  try {
    let seq = 0;
    const { post, react } = createSenders(stack, senders, (sender) => readers[sender]?.socketId);
    const plan = new ReactionPlan(senders);
    /** Whether each planned reaction was stored, by key: an "off" is sent once its "on" is. */
    const reactionStored = new Map<string, Promise<boolean>>();
    const latestMessageIds = (roomId: string) =>
      withClient(stack.databaseUrl, async (client) => {
        const { rows } = await client.query<{ id: number }>(
          `SELECT id FROM "Message" WHERE "roomId" = $1 ORDER BY id DESC LIMIT 200`,
          [roomId],
        );
        return rows.map((row) => row.id);
      });
    log("Warming up (sends to another room, triggers)…");
    for (let i = 0; i < Math.min(senderCount, 20); i++) {
      await post(warmupRoom.slug, i, `warm-up ${i}`);
      await floor.trigger(warmupRoom.id, -1, senders[i] as BenchMember, readers[i]?.socketId);
    }
    if (settings.reactions) {
      const [warmupMessage] = await latestMessageIds(warmupRoom.id);
      for (let i = 0; i < Math.min(senderCount, 10) && warmupMessage !== undefined; i++) {
        await react(warmupRoom.slug, { sender: i, messageId: warmupMessage, emoji: "👍️", on: true });
      }
    }

    const runBlock = async (phase: Phase, messages: number): Promise<void> => {
      const interval = 1000 / rate;
      const before = usageMark(stack, postmaster);
      const windowStart = monotonicMicros();
      const inflight: Promise<void>[] = [];
      const started = performance.now() + 20;
      for (let i = 0; i < messages; i++) {
        const wait = started + i * interval - performance.now();
        if (wait > 0) await sleep(wait);
        let request: Promise<number>;
        let send: Send;
        if (phase.name === "reaction") {
          const planned = plan.next(phase.sends.length);
          send = { phase, sender: planned.sender, startedAt: performance.now() };
          reactionDeliveries.sends.set(planned.key, send);
          const stored = planned.takesBack ? reactionStored.get(planned.takesBack) : undefined;
          request = stored
            ? stored.then((ok) => {
                if (!ok) throw new Error("not sent: its reaction was not stored");
                send.startedAt = performance.now();
                return react(room.slug, planned);
              })
            : react(room.slug, planned);
          reactionStored.set(
            planned.key,
            request.then(
              (status) => status === 200,
              () => false,
            ),
          );
        } else {
          const n = ++seq;
          const sender = phase.sends.length % senderCount;
          send = { phase, sender, startedAt: performance.now() };
          messageDeliveries.sends.set(n, send);
          const member = senders[sender] as BenchMember;
          request =
            phase.name === "app"
              ? post(room.slug, sender, bodyOf(n, member))
              : floor.trigger(room.id, n, member, readers[sender]?.socketId);
        }
        phase.sends.push(send);
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
      const perSend = (phase.name === "reaction" ? reactionDeliveries : messageDeliveries).perSend;
      phase.expected = phase.sends.reduce((total, s) => total + (s.stored ? perSend : 0), 0);
      const deadline = performance.now() + DRAIN_MS;
      while (phase.latencies.length < phase.expected && performance.now() < deadline) await sleep(20);
      phase.wallMs += performance.now() - started;
      if (phase.name === "app") settings.profileWindows?.push({ start: windowStart, end: monotonicMicros(), messages });
      addUsageSince(phase.used, before, stack, postmaster);
    };

    const floorPhase = newPhase("floor");
    const appPhase = newPhase("app");
    const reactionPhase = settings.reactions ? newPhase("reaction") : undefined;
    const blocks = Math.max(1, Math.round(seconds / blockSeconds));
    log(
      `Floor (SDK trigger → soketi) and app (POST by ${senderCount} senders${stack.apps.length > 1 ? ", alternating between the apps" : ""}) in turns: ` +
        `${blocks} blocks of ${(seconds / blocks).toFixed(1)} s each at ${rate} messages/s` +
        (reactionPhase ? `, each followed by a block of reactions at ${rate}/s to the newest messages…` : "…"),
    );
    for (let block = 0; block < blocks; block++) {
      const messages =
        Math.round(((block + 1) * rate * seconds) / blocks) - Math.round((block * rate * seconds) / blocks);
      await runBlock(floorPhase, messages);
      await runBlock(appPhase, messages);
      if (reactionPhase) {
        plan.offer(await latestMessageIds(room.id));
        await runBlock(reactionPhase, messages);
      }
    }
    messageDeliveries.countLost();
    reactionDeliveries.countLost();
    const closed = readers.filter((r) => !r.open()).length;
    if (closed > 0) log(`warning: ${closed} readers were disconnected during the run`);

    // ---- quiet window: every reader connected, nothing sent
    const quiet = settings.quietSeconds > 0 ? await quietWindow(stack, settings.quietSeconds) : undefined;
    const a = percentiles(appPhase.latencies);
    const f = percentiles(floorPhase.latencies);
    return {
      readers: readerCount,
      visitors,
      rate,
      senders: senderCount,
      floor: floorPhase,
      app: appPhase,
      reaction: reactionPhase,
      connectMs,
      quiet,
      soketiRss,
      strays: messageDeliveries.strays + reactionDeliveries.strays,
      targets: targetsFor(
        readerCount,
        rate,
        nodes.length,
        a,
        f,
        appPhase.lost,
        reactionPhase && { latencies: percentiles(reactionPhase.latencies), lost: reactionPhase.lost },
      ),
    };
  } finally {
    for (const reader of readers) reader.close();
    await sleep(1_000);
  }
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
  const reactionsSetting = process.env.BENCH_REACTIONS ?? "";
  if (!["", "0", "1"].includes(reactionsSetting)) throw new StackError("BENCH_REACTIONS is 0 or 1.");
  const perSecond = (limit: { points: number; durationSeconds: number }) => limit.points / limit.durationSeconds;
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
      // Issue 16 asks for reactions at 100 readers; BENCH_REACTIONS=1 adds them everywhere, 0 nowhere.
      const reactions = reactionsSetting === "" ? readers <= 100 : reactionsSetting === "1";
      // Each sender stays at half the per-member limits (messages, and reactions when measured), so no send is
      // refused for going too fast: the app's limits stay as they are, the load is spread over more senders.
      const perSenderPerSecond = Math.min(
        perSecond(LIMITS.messagePost),
        perSecond(LIMITS.messagePostMember),
        reactions ? perSecond(LIMITS.messageReact) : Number.POSITIVE_INFINITY,
      );
      const senders = Math.min(readers, count("BENCH_SENDERS", Math.ceil(rate / (perSenderPerSecond / 2))));
      if (rate / senders > perSenderPerSecond)
        log(`warning: ${(rate / senders).toFixed(2)} sends/s per sender is over a limit; expect 429s`);
      const result = await runConfig(stack, {
        readers,
        rate,
        senders,
        visitorShare,
        seconds,
        blockSeconds,
        quietSeconds,
        reactions,
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
