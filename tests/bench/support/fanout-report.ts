// What the chat fan-out benchmark records and prints: the phases (floor: SDK triggers; app: message POSTs; reaction:
// reaction POSTs), each send's timing, the brief's targets, and the per-configuration report and summary.
import { loadAverage } from "./cpu";
import { mib } from "./fanout-soketi";
/** Nearest-rank percentile of sorted values. */
export const percentile = (sorted: Float64Array, p: number) =>
  sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
export const ms = (value: number | undefined) =>
  value === undefined || Number.isNaN(value) ? "n/a" : `${value.toFixed(1)} ms`;
export const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));
export const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);
export const sum = (values: Array<number | undefined>) =>
  values.some((v) => v === undefined) ? undefined : values.reduce<number>((a, v) => a + (v ?? 0), 0);

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  n: number;
}
export function percentiles(values: number[]): Percentiles {
  const sorted = Float64Array.from(values).sort();
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    n: sorted.length,
  };
}

export interface Send {
  phase: Phase;
  sender: number;
  startedAt: number;
  stored?: boolean;
  lastDeliveryAt?: number;
}

export interface Phase {
  name: "floor" | "app" | "reaction";
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

export const newPhase = (name: Phase["name"]): Phase => ({
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

export interface Target {
  label: string;
  ok: boolean;
}

export interface ConfigResult {
  readers: number;
  visitors: number;
  rate: number;
  senders: number;
  floor: Phase;
  app: Phase;
  /** Reaction POSTs at the same rate, when this configuration measures them. */
  reaction?: Phase;
  connectMs: number;
  quiet?: { requestsPerSecond?: number; appCpuPerSecond?: number; seconds: number };
  soketiRss: { before?: number; with?: number };
  strays: number;
  targets: Target[];
}

/** The brief's targets for a configuration, where one is set. */
export function targetsFor(
  readers: number,
  rate: number,
  nodes: number,
  app: Percentiles,
  floor: Percentiles,
  lost: number,
  reaction?: { latencies: Percentiles; lost: number },
) {
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
  // Issue 16: a reaction's send → receive within 2 ms of a message's at 100 readers.
  if (reaction && readers <= 100) {
    const { p50, p95 } = reaction.latencies;
    add(
      `reaction − message ≤ 2 ms at p50 and p95 (${ms(p50 - app.p50)}, ${ms(p95 - app.p95)})`,
      p50 - app.p50 <= 2 && p95 - app.p95 <= 2,
    );
    add(`0 reactions lost (${reaction.lost})`, reaction.lost === 0);
  }
  return targets;
}

export function report(result: ConfigResult, nodes: number): string {
  const { floor, app, reaction } = result;
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
      phase.name !== "floor" ? `app ${ms(perMessage(phase, phase.used.app))}` : undefined,
      phase.name !== "floor" ? `PostgreSQL ${ms(perMessage(phase, phase.used.postgres))}` : undefined,
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
    `  machine busy  floor ${busy(floor)}; app ${busy(app)}${reaction ? `; reactions ${busy(reaction)}` : ""}; load ${loadAverage()}`,
  ];
  if (reaction) {
    const r = percentiles(reaction.latencies);
    lines.push(
      `  reactions     the same rate of POST …/reactions (on, then off again a round later) by the senders; reaction:updated reaches every reader, the actor's own socket too`,
      row(
        "reaction: POST → soketi",
        r,
        `${r.n}/${reaction.expected}, lost ${reaction.lost}, duplicates ${reaction.duplicates}`,
      ),
      `  ${"reaction − message".padEnd(30)} ${ms(r.p50 - a.p50).padStart(9)} ${ms(r.p95 - a.p95).padStart(9)} ${ms(r.p99 - a.p99).padStart(9)}`,
      row("reaction: last reader", slowest(reaction)),
      row("POST /api/…/reactions", percentiles(reaction.requestLatencies), statuses(reaction)),
      `  CPU/reaction  ${cpu(reaction)}`,
    );
  }
  if (result.quiet) {
    lines.push(
      `  quiet window  ${result.quiet.seconds} s, every reader connected, nothing sent: app ${result.quiet.requestsPerSecond?.toFixed(1) ?? "n/a"} requests/s, ${ms(result.quiet.appCpuPerSecond)} CPU/s (raw readers ask the app nothing; browsers' requests are the e2e suite's to count)`,
    );
  }
  lines.push(`  targets       ${result.targets.map((t) => `${t.label}: ${t.ok ? "met" : "NOT met"}`).join("; ")}`);
  return lines.join("\n");
}

export function summary(results: ConfigResult[], nodes: number): string {
  const header = `  ${"readers".padStart(7)} ${"rate".padStart(5)} ${"app p50".padStart(9)} ${"p95".padStart(9)} ${"p99".padStart(9)} ${"floor p95".padStart(10)} ${"app−floor p95".padStart(14)} ${"lost".padStart(6)} ${"dup".padStart(4)} ${"app CPU/msg".padStart(12)} ${"PG/msg".padStart(9)} ${"soketi/msg".padStart(11)} ${"bench/msg".padStart(10)}  targets`;
  const rows = results.map((r) => {
    const a = percentiles(r.app.latencies);
    const f = percentiles(r.floor.latencies);
    const per = (value: number | undefined) =>
      value === undefined || r.app.sends.length === 0 ? "n/a" : ms(value / r.app.sends.length);
    return `  ${String(r.readers).padStart(7)} ${String(r.rate).padStart(5)} ${ms(a.p50).padStart(9)} ${ms(a.p95).padStart(9)} ${ms(a.p99).padStart(9)} ${ms(f.p95).padStart(10)} ${ms(a.p95 - f.p95).padStart(14)} ${String(r.app.lost).padStart(6)} ${String(r.app.duplicates).padStart(4)} ${per(r.app.used.app).padStart(12)} ${per(r.app.used.postgres).padStart(9)} ${per(r.app.used.soketi).padStart(11)} ${per(r.app.used.bench).padStart(10)}  ${r.targets.every((t) => t.ok) ? "met" : "NOT met"}`;
  });
  const reactionRows = results.flatMap((r) => {
    if (!r.reaction) return [];
    const a = percentiles(r.app.latencies);
    const x = percentiles(r.reaction.latencies);
    const per = (value: number | undefined, phase: Phase) =>
      value === undefined || phase.sends.length === 0 ? "n/a" : ms(value / phase.sends.length);
    return [
      `  ${String(r.readers).padStart(7)} ${String(r.rate).padStart(5)} ${ms(x.p50).padStart(9)} ${ms(x.p95).padStart(9)} ${ms(x.p99).padStart(9)} ${ms(x.p50 - a.p50).padStart(10)} ${ms(x.p95 - a.p95).padStart(10)} ${String(r.reaction.lost).padStart(6)} ${String(r.reaction.duplicates).padStart(4)} ${per(r.reaction.used.app, r.reaction).padStart(12)} ${per(r.reaction.used.postgres, r.reaction).padStart(9)} ${per(r.app.used.app, r.app).padStart(12)}`,
    ];
  });
  const reactionHeader = `  ${"readers".padStart(7)} ${"rate".padStart(5)} ${"react p50".padStart(9)} ${"p95".padStart(9)} ${"p99".padStart(9)} ${"−msg p50".padStart(10)} ${"−msg p95".padStart(10)} ${"lost".padStart(6)} ${"dup".padStart(4)} ${"app CPU/rx".padStart(12)} ${"PG/rx".padStart(9)} ${"app CPU/msg".padStart(12)}`;
  return [
    "",
    `Summary (${nodes} soketi node(s), ${nodes} app instance(s); send → receive over every delivery; CPU per message in the app phase)`,
    header,
    ...rows,
    ...(reactionRows.length
      ? [
          "",
          "Reactions beside messages (same senders and rate; −msg: reaction minus message latency; CPU per reaction)",
          reactionHeader,
          ...reactionRows,
        ]
      : []),
  ].join("\n");
}
