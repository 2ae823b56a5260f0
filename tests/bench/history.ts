// `npm run bench:history`: reading a room's history at scale. On a fresh database of its own it bulk-seeds
// BENCH_MESSAGES messages (200,000) over BENCH_ROOMS rooms (20) and on average BENCH_REACTIONS_PER_MESSAGE reactions
// on each (10; ./support/reaction-seed.ts), then, against the production build, times
// `GET /api/rooms/<slug>/messages` (the latest 50, what a room page's client asks for) and `?before=<id>` pages from
// the middle of a room's history (scrolling up), BENCH_REQUESTS each (400), BENCH_CONCURRENCY at a time (4), as a
// visitor and as a signed-in member (a seeded user: every reaction group a page carries says whether it is `mine`,
// true where the seed made them react). Prints p50/p95/p99 of the whole response and the app's CPU per request.
//
// Issue 16's comparison (target: p95 with reactions no worse than 1.2× before), on one quiet machine:
//   after:  `npm run bench:history` on this code (200,000 messages, 10 reactions each);
//   before: the code before issue 16 began (8a739fa) with this bench laid over it, which seeds no reactions there (no
//           table) and prints the same lines:
//             git worktree add ../roomful-before 8a739fa && cd ../roomful-before
//             git checkout reaction-bench -- tests/bench    # this bench on the old code
//             npm ci && npx prisma generate && npm run bench:history
//           (that code's GET reads no cookie, so there the member's lines cost what a visitor's do);
//   and, for the load alone on the same code: BENCH_REACTIONS_PER_MESSAGE=0 npm run bench:history.
// Settings, all optional: BENCH_MESSAGES, BENCH_ROOMS, BENCH_USERS (2000), BENCH_REACTIONS_PER_MESSAGE (0 for none),
// BENCH_REQUESTS, BENCH_CONCURRENCY, BENCH_PORT (3145), BENCH_SKIP_BUILD=1 (reuse .next-e2e-<port>).
import { availableParallelism, cpus } from "node:os";
import { withClient } from "../../scripts/stack/database";
import { portFromEnv } from "../../scripts/stack/ports";
import { runMain } from "../../scripts/stack/run-main";
import { BENCH_NEXTAUTH_SECRET, startBenchApp, type BenchApp } from "./support/app";
import { bulkSeed } from "./support/bulk-seed";
import { timedGets } from "./support/concurrently";
import { groupCpuMs, loadAverage } from "./support/cpu";
import { seedReactions } from "./support/reaction-seed";
import { sessionCookies } from "./support/session-cookie";
import { count, ms, stats } from "./support/stats";

/** The member reader: a seeded user (so the seed gave them reactions of their own). */
const MEMBER_ID = "bu1";

interface Run {
  times: number[];
  cpuPerRequest?: number;
}

async function fetchAll(app: BenchApp, paths: string[], concurrency: number, cookie?: string): Promise<Run> {
  const cpuBefore = groupCpuMs(app.processGroup);
  const times = await timedGets(app.baseUrl, paths, { concurrency, headers: cookie ? { cookie } : undefined });
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
  const reactionsPerMessage = count("BENCH_REACTIONS_PER_MESSAGE", 10, { min: 0 });
  const requests = count("BENCH_REQUESTS", 400);
  const concurrency = count("BENCH_CONCURRENCY", 4);
  const port = portFromEnv("BENCH_PORT", 3145);
  const log = (line: string) => console.log(`· ${line}`);

  let app: BenchApp | undefined;
  try {
    app = await startBenchApp({
      port,
      log,
    });
    log(`Seeding ${counts.messages.toLocaleString("en-US")} messages over ${counts.rooms} rooms…`);
    await withClient(app.databaseUrl, (client) => bulkSeed(client, counts));
    let reactionLine = "no reactions (BENCH_REACTIONS_PER_MESSAGE=0)";
    if (reactionsPerMessage > 0) {
      log(`Seeding on average ${reactionsPerMessage} reactions per message…`);
      const seeded = await withClient(app.databaseUrl, (client) =>
        seedReactions(client, { perMessage: reactionsPerMessage, users: counts.users }),
      );
      reactionLine = seeded
        ? `${seeded.reactions.toLocaleString("en-US")} reactions, ${(seeded.reactions / Math.max(1, seeded.messages)).toFixed(2)} per message, at most ${seeded.maxKinds} kinds on one (seeded in ${(seeded.ms / 1000).toFixed(1)} s)`
        : "no reactions (this code has no Reaction table: the before side)";
      log(reactionLine);
    }
    // Each room's slug and the id in the middle of its history (where a reader scrolling up would be).
    const { rooms, cookie } = await withClient(app.databaseUrl, async (client) => {
      const { rows } = await client.query<{ slug: string; middle: number; messages: number }>(
        `SELECT r.slug, (percentile_disc(0.5) WITHIN GROUP (ORDER BY m.id))::int AS middle, count(*)::int AS messages
         FROM "Room" r JOIN "Message" m ON m."roomId" = r.id GROUP BY r.slug`,
      );
      const [memberCookie] = await sessionCookies(client, [MEMBER_ID], BENCH_NEXTAUTH_SECRET);
      return { rooms: rows, cookie: memberCookie };
    });
    if (rooms.length === 0) throw new Error("the seed made no messages");
    const pick = (i: number) => rooms[i % rooms.length] ?? rooms[0];
    const latest = Array.from({ length: requests }, (_, i) => `/api/rooms/${pick(i)?.slug}/messages`);
    const older = Array.from(
      { length: requests },
      (_, i) => `/api/rooms/${pick(i)?.slug}/messages?before=${(pick(i)?.middle ?? 1) - (i % 50)}`,
    );

    log("Warming up…");
    for (const reader of [undefined, cookie]) {
      await fetchAll(app, latest.slice(0, 40), concurrency, reader);
      await fetchAll(app, older.slice(0, 40), concurrency, reader);
    }
    const loadBefore = loadAverage();
    log(`Timing ${requests} latest pages and ${requests} older pages, ${concurrency} at a time, as each reader…`);
    const runs: Array<{ label: string; run: Run }> = [];
    for (const [reader, readerCookie] of [
      ["visitor", undefined],
      [`member (${MEMBER_ID})`, cookie],
    ] as const) {
      runs.push({ label: `${reader}: latest 50`, run: await fetchAll(app, latest, concurrency, readerCookie) });
      runs.push({
        label: `${reader}: 50 before the middle`,
        run: await fetchAll(app, older, concurrency, readerCookie),
      });
    }
    const loadAfter = loadAverage();
    const line = (label: string, run: Run) =>
      `  ${label.padEnd(36)} ${stats(run.times)}   app CPU ${run.cpuPerRequest === undefined ? "n/a" : ms(run.cpuPerRequest)}/request`;

    console.log(
      [
        "",
        `History benchmark: ${counts.messages.toLocaleString("en-US")} messages in ${rooms.length} rooms (about ${Math.round(counts.messages / rooms.length).toLocaleString("en-US")} each); ${reactionLine}`,
        `  machine   ${availableParallelism()} CPUs (${cpus()[0]?.model.trim() ?? "unknown CPU"}), Node ${process.version}; load ${loadBefore} → ${loadAfter}`,
        ...runs.map(({ label, run }) => line(label, run)),
        "",
      ].join("\n"),
    );
  } finally {
    await app?.stop();
  }
});
