// `npm run bench:history`: reading a room's history at scale. On a fresh database of its own it bulk-seeds
// BENCH_MESSAGES messages (200,000) over BENCH_ROOMS rooms (20), then, against the production build, times
// `GET /api/rooms/<slug>/messages` (the latest 50, what a room page's client asks for) and `?before=<id>` pages from
// the middle of a room's history (scrolling up), BENCH_REQUESTS each (400), BENCH_CONCURRENCY at a time (4), as a
// visitor. Prints p50/p95/p99 of the whole response and the app's CPU per request. Issue 16 compares this before and
// after reactions and reply quotes join the page (target: p95 no worse than 1.2×).
// Settings, all optional: BENCH_MESSAGES, BENCH_ROOMS, BENCH_USERS (2000), BENCH_REQUESTS, BENCH_CONCURRENCY,
// BENCH_PORT (3145), BENCH_SKIP_BUILD=1 (reuse .next-e2e-<port>).
import { availableParallelism, cpus } from "node:os";
import { withClient } from "../../scripts/stack/database";
import { portFromEnv } from "../../scripts/stack/ports";
import { runMain } from "../../scripts/stack/run-main";
import { startBenchApp, type BenchApp } from "./support/app";
import { bulkSeed } from "./support/bulk-seed";
import { groupCpuMs, loadAverage } from "./support/cpu";
import { count, ms, stats } from "./support/stats";

interface Run {
  times: number[];
  cpuPerRequest?: number;
}

async function fetchAll(app: BenchApp, paths: string[], concurrency: number): Promise<Run> {
  const times: number[] = [];
  let next = 0;
  const cpuBefore = groupCpuMs(app.processGroup);
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < paths.length) {
        const path = paths[next++] ?? "/";
        const started = performance.now();
        const response = await fetch(`${app.baseUrl}${path}`);
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`${path} answered ${response.status}`);
        times.push(performance.now() - started);
      }
    }),
  );
  const cpuAfter = groupCpuMs(app.processGroup);
  const cpuPerRequest =
    cpuBefore === undefined || cpuAfter === undefined ? undefined : (cpuAfter - cpuBefore) / paths.length;
  return { times, cpuPerRequest };
}

runMain(async () => {
  const counts = {
    rooms: count("BENCH_ROOMS", 20),
    topics: 5,
    users: count("BENCH_USERS", 2_000),
    messages: count("BENCH_MESSAGES", 200_000),
  };
  const requests = count("BENCH_REQUESTS", 400);
  const concurrency = count("BENCH_CONCURRENCY", 4);
  const port = portFromEnv("BENCH_PORT", 3145);
  const log = (line: string) => console.log(`· ${line}`);

  let app: BenchApp | undefined;
  try {
    app = await startBenchApp({
      port,
      distDir: `.next-e2e-${port}`,
      skipBuild: process.env.BENCH_SKIP_BUILD === "1",
      log,
    });
    log(`Seeding ${counts.messages.toLocaleString("en-US")} messages over ${counts.rooms} rooms…`);
    await withClient(app.databaseUrl, (client) => bulkSeed(client, counts));
    // Each room's slug and the id in the middle of its history (where a reader scrolling up would be).
    const rooms = await withClient(app.databaseUrl, async (client) => {
      const { rows } = await client.query<{ slug: string; middle: number; messages: number }>(
        `SELECT r.slug, (percentile_disc(0.5) WITHIN GROUP (ORDER BY m.id))::int AS middle, count(*)::int AS messages
         FROM "Room" r JOIN "Message" m ON m."roomId" = r.id GROUP BY r.slug`,
      );
      return rows;
    });
    if (rooms.length === 0) throw new Error("the seed made no messages");
    const pick = (i: number) => rooms[i % rooms.length] ?? rooms[0];
    const latest = Array.from({ length: requests }, (_, i) => `/api/rooms/${pick(i)?.slug}/messages`);
    const older = Array.from(
      { length: requests },
      (_, i) => `/api/rooms/${pick(i)?.slug}/messages?before=${(pick(i)?.middle ?? 1) - (i % 50)}`,
    );

    log("Warming up…");
    await fetchAll(app, latest.slice(0, 40), concurrency);
    await fetchAll(app, older.slice(0, 40), concurrency);
    const loadBefore = loadAverage();
    log(`Timing ${requests} latest pages and ${requests} older pages, ${concurrency} at a time…`);
    const latestRun = await fetchAll(app, latest, concurrency);
    const olderRun = await fetchAll(app, older, concurrency);
    const loadAfter = loadAverage();
    const cpu = (run: Run) => (run.cpuPerRequest === undefined ? "n/a" : ms(run.cpuPerRequest));

    console.log(
      [
        "",
        `History benchmark: ${counts.messages.toLocaleString("en-US")} messages in ${rooms.length} rooms (about ${Math.round(counts.messages / rooms.length).toLocaleString("en-US")} each), as a visitor`,
        `  machine   ${availableParallelism()} CPUs (${cpus()[0]?.model.trim() ?? "unknown CPU"}), Node ${process.version}; load ${loadBefore} → ${loadAfter}`,
        `  latest 50              ${stats(latestRun.times)}   app CPU ${cpu(latestRun)}/request`,
        `  50 before the middle   ${stats(olderRun.times)}   app CPU ${cpu(olderRun)}/request`,
        "",
      ].join("\n"),
    );
  } finally {
    await app?.stop();
  }
});
