// `npm run bench:away-emails`: the away-email worker's scans at scale. On a fresh database of its own it seeds
// BENCH_NOTIFICATIONS inbox entries (1,000,000) inside PostgreSQL over a year: the settled history (half emailed,
// half read before the delay, which settles them too) and, in the last minutes, BENCH_WAITING unread entries not
// yet due, as a working worker leaves them. Then it times whole ticks that find nothing to send (what every instance
// runs every AWAY_EMAIL_POLL_MS), BENCH_RUNS times (30), and prints p50/p95/p99 and the EXPLAIN (ANALYZE, BUFFERS)
// plan of each scan. Settings, all optional: BENCH_NOTIFICATIONS, BENCH_WAITING, BENCH_RUNS.
import { withClient } from "../../scripts/stack/database";
import { runMain } from "../../scripts/stack/run-main";
import { startBenchDatabase, type BenchDatabase } from "./support/bench-database";
import { bulkSeed } from "./support/bulk-seed";
import { count, stats } from "./support/stats";

const USERS = 5000;
const MESSAGES = 50_000;
const DELAY_MS = 600_000;

async function seedNotifications(databaseUrl: string, total: number, waiting: number): Promise<number> {
  const started = performance.now();
  await withClient(databaseUrl, async (client) => {
    await client.query("SET session_replication_role = replica").catch(() => undefined);
    // One row per (member, message): the history a year long, the waiting ones within the last few minutes.
    await client.query(
      `INSERT INTO "Notification" ("userId", kind, "messageId", "createdAt", "readAt", "emailedAt")
       SELECT 'bu' || (1 + abs(hashint4(i * 31 + 7)) % $2::int),
              (CASE WHEN i % 3 = 0 THEN 'REPLY' ELSE 'MENTION' END)::"NotificationKind",
              1 + i % $3::int,
              CASE WHEN i > $1::int - $4::int THEN now() - (($1::int - i) * interval '100 milliseconds')
                   ELSE now() - interval '1 day' - (($1::int - i) * (interval '365 days' / $1::int)) END,
              CASE WHEN i > $1::int - $4::int THEN NULL
                   WHEN i % 2 = 0 THEN now() - (($1::int - i) * (interval '365 days' / $1::int)) END,
              CASE WHEN i > $1::int - $4::int THEN NULL
                   ELSE now() - (($1::int - i) * (interval '365 days' / $1::int)) END
       FROM generate_series(1, $1::int) AS i
       ON CONFLICT DO NOTHING`,
      [total, USERS, MESSAGES, waiting],
    );
    await client.query(`VACUUM ANALYZE "Notification"`);
  });
  return performance.now() - started;
}

runMain(async () => {
  const total = count("BENCH_NOTIFICATIONS", 1_000_000);
  const waiting = count("BENCH_WAITING", 1_000);
  const runs = count("BENCH_RUNS", 30);
  const log = (line: string) => console.log(`· ${line}`);
  let database: BenchDatabase | undefined;
  try {
    database = await startBenchDatabase();
    const { databaseUrl } = database;
    log("Seeding users, rooms and messages…");
    await withClient(databaseUrl, (client) =>
      bulkSeed(client, { users: USERS, topics: 20, rooms: 200, messages: MESSAGES }),
    );
    log(`Seeding ${total.toLocaleString("en-US")} inbox entries inside PostgreSQL…`);
    log(`  seeded in ${((await seedNotifications(databaseUrl, total, waiting)) / 1000).toFixed(1)} s`);
    process.env.DATABASE_URL = databaseUrl;
    // Imported only now: the data layer reads DATABASE_URL on first use.
    const { runAwayEmailTick } = await import("../../lib/notifications/away-emails");
    const { DUE_MEMBERS_SQL, SETTLE_SQL } = await import("../../lib/db/away-emails");
    const send = () => Promise.reject(new Error("the benchmark sends nothing"));
    const tick = () => runAwayEmailTick({ delayMs: DELAY_MS, send });
    await tick();
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const report = await tick();
      times.push(performance.now() - started);
      if (report.sent + report.failed + report.settled > 0)
        throw new Error(`expected an idle tick: ${JSON.stringify(report)}`);
    }
    console.log(
      `\nAn idle tick over ${total.toLocaleString("en-US")} entries, ${waiting} not yet due: ${stats(times)}`,
    );
    await withClient(databaseUrl, async (client) => {
      const now = new Date();
      const values = [now, new Date(now.getTime() - DELAY_MS), 50];
      for (const [name, sql, params] of [
        ["settle", SETTLE_SQL, values.slice(0, 2)],
        ["due members", DUE_MEMBERS_SQL, values],
      ] as const) {
        const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, [...params]);
        console.log(`\n=== ${name} ===\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
      }
    });
  } finally {
    const { disconnectDb } = await import("../../lib/db/client");
    await disconnectDb();
    await database?.stop();
  }
});
