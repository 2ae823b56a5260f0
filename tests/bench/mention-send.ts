// `npm run bench:mention-send`: what mentioning twenty people adds to the send path (issue 17: ≤ 2 ms at p95). One
// production app on its own stack; senders post at a fixed rate, open loop, through the real API, in alternating
// blocks of three kinds: plain messages; "unknown names", the same @words with names no member has (so the longer body
// is parsed, rendered and indexed, but no one is notified); and messages that mention BENCH_MENTIONS members (each an
// inbox entry, stored by the send statement, and one notification:created trigger for them all after the room's
// message:created). The fan-out is the difference between the last two; the difference from plain adds the cost
// of a longer message. Prints the POST's latency per kind (p50/p95/p99), the differences at each percentile, and the
// app's CPU per message of each kind.
// Settings, all optional: BENCH_MENTIONS (20), BENCH_RATE (messages/s, 20), BENCH_SECONDS (per kind, 30),
// BENCH_BLOCK (seconds per block, 5), BENCH_PORT (3206), BENCH_SKIP_BUILD=1 (reuse .next-e2e-<port>),
// BENCH_CPU_PROF=<dir> (profile the app; windows-<kind>.json hold each kind's measured blocks
// for `npx tsx tests/bench/profile-summary.ts <dir> --windows=windows-mentions.json`).
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { availableParallelism, cpus } from "node:os";
import path from "node:path";
import { withClient } from "../../scripts/stack/database";
import { portFromEnv } from "../../scripts/stack/ports";
import { runMain } from "../../scripts/stack/run-main";
import { BENCH_NEXTAUTH_SECRET, startBenchApp } from "./support/app";
import { groupCpuMs, loadAverage } from "./support/cpu";
import { createMembers, createRoom, type BenchMember } from "./support/fanout-clients";
import { monotonicMicros, sleep } from "./support/fanout-report";
import { count, ms, percentile, sortNumbers } from "./support/stats";

const KINDS = ["plain", "unknown names", "mentions"] as const;
type Kind = (typeof KINDS)[number];

interface Tally {
  latencies: number[];
  cpuMs: number;
  failures: number;
  /** The measured blocks, on the profile's clock, for profile-summary.ts. */
  windows: Array<{ start: number; end: number; messages: number }>;
}

const emptyTally = (): Tally => ({ latencies: [], cpuMs: 0, failures: 0, windows: [] });

runMain(async () => {
  const mentions = count("BENCH_MENTIONS", 20);
  const rate = count("BENCH_RATE", 20);
  const seconds = count("BENCH_SECONDS", 30);
  const blockSeconds = count("BENCH_BLOCK", 5);
  // Ten messages per ten seconds is the per-member limit in a room: stay at half of it.
  const senderCount = Math.ceil(rate / 0.5);
  const profileDir = process.env.BENCH_CPU_PROF || undefined;
  const app = await startBenchApp({
    port: portFromEnv("BENCH_PORT", 3206),
    log: (line) => console.log(`· ${line}`),
    cpuProfileDir: profileDir,
  });
  const tallies: Record<Kind, Tally> = { plain: emptyTally(), "unknown names": emptyTally(), mentions: emptyTally() };
  try {
    const { senders, mentioned, room } = await withClient(app.databaseUrl, async (client) => {
      const senders = await createMembers(client, {
        prefix: "sender",
        count: senderCount,
        secret: BENCH_NEXTAUTH_SECRET,
      });
      const mentioned = await createMembers(client, {
        prefix: "named",
        count: mentions,
        secret: BENCH_NEXTAUTH_SECRET,
      });
      const room = await createRoom(client, { name: "mentions", hostId: senders[0]?.id ?? "" });
      return { senders, mentioned, room };
    });
    const mentionText = mentioned.map((m) => `@${m.username}`).join(" ");
    // As long as the members' names, and no member's.
    const unknownText = mentioned.map((m) => `@${m.username.replace(/^named/, "nomen")}`).join(" ");
    const bodies: Record<Kind, (i: number) => string> = {
      plain: (i) => `plain message ${i}`,
      "unknown names": (i) => `${unknownText} message ${i}`,
      mentions: (i) => `${mentionText} message ${i}`,
    };
    let next = 0;
    const post = async (sender: BenchMember, body: string, tally: Tally) => {
      const started = performance.now();
      const response = await fetch(`${app.baseUrl}/api/rooms/${room.slug}/messages`, {
        method: "POST",
        headers: { cookie: sender.cookie, "content-type": "application/json" },
        body: JSON.stringify({ body, clientKey: randomUUID() }),
      });
      await response.arrayBuffer();
      if (response.status === 201) tally.latencies.push(performance.now() - started);
      else tally.failures += 1;
    };
    const block = async (kind: Kind, measured: boolean) => {
      const tally = measured ? tallies[kind] : emptyTally();
      const cpuBefore = groupCpuMs(app.processGroup) ?? 0;
      const windowStart = monotonicMicros();
      const sends: Promise<void>[] = [];
      const total = rate * blockSeconds;
      const start = performance.now();
      for (let i = 0; i < total; i++) {
        const due = start + (i * 1000) / rate;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        const sender = senders[next++ % senders.length] as BenchMember;
        const body = bodies[kind](i);
        sends.push(post(sender, body, tally));
      }
      await Promise.all(sends);
      tally.cpuMs += (groupCpuMs(app.processGroup) ?? 0) - cpuBefore;
      tally.windows.push({ start: windowStart, end: monotonicMicros(), messages: total });
    };

    console.log("· Warming up…");
    for (const kind of KINDS) await block(kind, false);
    console.log(`· ${seconds} s of each kind in ${blockSeconds} s blocks at ${rate} messages/s…`);
    for (let done = 0; done < seconds; done += blockSeconds) {
      for (const kind of KINDS) await block(kind, true);
    }

    console.log(
      `\nSend path with ${mentions} mentions: ${availableParallelism()} CPUs (${cpus()[0]?.model.trim() ?? "?"}), ` +
        `Node ${process.version}, load ${loadAverage()}`,
    );
    console.log("  POST latency            p50        p95        p99   app CPU/msg  failures");
    const row = (kind: Kind) => {
      const sorted = sortNumbers(tallies[kind].latencies);
      const figures = [50, 95, 99].map((p) => percentile(sorted, p));
      const cpu = tallies[kind].cpuMs / Math.max(1, sorted.length);
      console.log(
        `  ${kind.padEnd(20)} ${figures.map((f) => ms(f).padStart(9)).join("  ")}  ${ms(cpu).padStart(11)}  ${tallies[kind].failures}`,
      );
      return figures;
    };
    const plain = row("plain");
    const unknown = row("unknown names");
    const named = row("mentions");
    const difference = (label: string, from: number[]) => {
      const added = named.map((value, i) => value - (from[i] ?? 0));
      console.log(`  ${label.padEnd(20)} ${added.map((f) => ms(f).padStart(9)).join("  ")}`);
      return added;
    };
    difference("mentions − plain", plain);
    const fanOut = difference("fan-out (− unknown)", unknown);
    console.log(`  target               fan-out ≤ 2 ms at p95: ${(fanOut[1] ?? Infinity) <= 2 ? "met" : "NOT met"}`);
  } finally {
    await app.stop();
    if (profileDir) {
      for (const kind of KINDS) {
        const file = `windows-${kind.replace(" ", "-")}.json`;
        writeFileSync(path.join(profileDir, file), JSON.stringify(tallies[kind].windows));
      }
    }
  }
});
