// `npm run bench:message-search`: message search (lib/db/message-search.ts) at scale. On a fresh database of its own
// it seeds BENCH_MESSAGES messages (1,000,000) inside PostgreSQL (generate_series; the GIN index is built after the
// rows, as a restore would) over 200 rooms (one holding a fifth of them) and 5,000 authors (one writing a twentieth),
// a year of history. Words are made-up ("kalomix"), drawn Zipf-like from 8,000 (the k-th most common in ~1/k of
// the picks), so some are in most messages and some in a few hundred; "quasarzy" is in one message in 100,000.
// Then it times what a search runs (the lexeme check and the page query), room-scoped and across rooms, rare and
// common words, with author and date filters, both sorts, round-robin BENCH_RUNS times (30), and prints p50/p95/p99
// per case and the EXPLAIN (ANALYZE, BUFFERS) plan of each. Target: p95 ≤ 50 ms.
// Settings, all optional: BENCH_MESSAGES, BENCH_RUNS, BENCH_PLANS=0 (no plans).
import { withClient } from "../../scripts/stack/database";
import { runMain } from "../../scripts/stack/run-main";
import { startBenchDatabase, type BenchDatabase } from "./support/bench-database";
import { bulkSeed } from "./support/bulk-seed";
import { count, ms, percentile, sortNumbers } from "./support/stats";
import type { MessageSearchFilter, MessageSearchSort } from "../../lib/db/message-search";

const TARGET_P95_MS = 50;
const VOCABULARY = 8000;
const ROOMS = 200;
const USERS = 5000;
const SYLLABLES = ["ka", "lo", "mi", "ra", "te", "su", "no", "vi", "pe", "da"];
const SYLLABLES_2 = ["zu", "ho", "ne", "ri", "ta", "mo", "be", "gu", "fa", "si"];

/** The k-th most common made-up word (0 the most common), as the seed spells it in SQL. */
function word(k: number): string {
  const s = (i: number) => (i < 10 ? SYLLABLES[i] : SYLLABLES_2[i - 10]) ?? "";
  return `${s(k % 20)}${s(Math.floor(k / 20) % 20)}${s(Math.floor(k / 400) % 20)}x`;
}

async function seedMessages(databaseUrl: string, messages: number): Promise<number> {
  const started = performance.now();
  await withClient(databaseUrl, async (client) => {
    await client.query("SET maintenance_work_mem = '512MB'");
    await client.query(`DROP INDEX "Message_search_idx"`);
    await client.query(
      `INSERT INTO "Message" ("roomId", "authorId", body, "createdAt")
       SELECT CASE WHEN i % 5 = 0 THEN 'br1' ELSE 'br' || (2 + abs(hashint4(i * 23 + 9)) % ($3::int - 1)) END,
              CASE WHEN i % 40 = 0 THEN NULL WHEN i % 20 = 1 THEN 'bu1'
                   ELSE 'bu' || (1 + abs(hashint4(i * 29 + 4)) % $4::int) END,
              b.body || CASE WHEN i % 100000 = 7 THEN ' quasarzy' ELSE '' END,
              now() - ($2::int - i) * (interval '365 days' / $2::int)
       FROM generate_series(1, $2::int) AS i
       CROSS JOIN LATERAL (
         SELECT string_agg(s[1 + k % 20] || s[1 + (k / 20) % 20] || s[1 + (k / 400) % 20] || 'x', ' ') AS body
         FROM (SELECT $1::text[] AS s) syl,
              generate_series(1, 6 + abs(hashint4(i * 31)) % 15) AS j,
              LATERAL (SELECT (floor(pow($5::float8, (abs(hashint8(i::bigint * 7919 + j * 104729)) % 1000000) / 1000000.0))
                               - 1)::int AS k) AS kk
       ) AS b`,
      [[...SYLLABLES, ...SYLLABLES_2], messages, ROOMS, USERS, VOCABULARY],
    );
    await client.query(
      `CREATE INDEX "Message_search_idx" ON "Message" USING GIN ("roomId" text_ops, "authorId" text_ops, "searchVector")`,
    );
    await client.query(`VACUUM ANALYZE "Message"`);
  });
  return performance.now() - started;
}

interface Case {
  name: string;
  filter: MessageSearchFilter;
  sort: MessageSearchSort;
}

const DAY = 24 * 60 * 60 * 1000;

function cases(now: number): Case[] {
  const week = { from: new Date(now - 180 * DAY), to: new Date(now - 173 * DAY) };
  const month = { from: new Date(now - 90 * DAY), to: new Date(now - 60 * DAY) };
  const all = (name: string, q: string, extra: Partial<Case> & Omit<MessageSearchFilter, "q"> = {}): Case => {
    const { sort = "relevance", ...filter } = extra;
    return { name: `all rooms: ${name}`, filter: { q, ...filter }, sort };
  };
  const room = (
    name: string,
    roomId: string,
    q: string,
    extra: Partial<Case> & Omit<MessageSearchFilter, "q"> = {},
  ) => {
    const c = all(name, q, { ...extra, roomId });
    return { ...c, name: `room ${roomId}: ${name}` };
  };
  return [
    all("rarest (quasarzy)", "quasarzy"),
    all(`rare #7990 (${word(7990)})`, word(7990)),
    all(`#999 (${word(999)})`, word(999)),
    all(`#99 (${word(99)})`, word(99)),
    all(`common #9 (${word(9)})`, word(9)),
    all(`most common #0 (${word(0)})`, word(0)),
    all("most common AND rare", `${word(0)} ${word(7990)}`),
    all("two common words", `${word(1)} ${word(2)}`),
    all("most common, newest", word(0), { sort: "newest" }),
    all("most common, newest, page mid-history", word(0), { sort: "newest", before: 500_000 }),
    all("#999, newest", word(999), { sort: "newest" }),
    all("common #9 + light author bu77", word(9), { authorId: "bu77" }),
    all("common #9 + heavy author bu1", word(9), { authorId: "bu1" }),
    all("#999 + heavy author bu1", word(999), { authorId: "bu1" }),
    all("common #9 + a week, half a year ago", word(9), week),
    all("#999 + a month", word(999), month),
    all("rare #7990 + a week", word(7990), week),
    all("no match (zzqqx)", "zzqqx"),
    room("most common", "br1", word(0)),
    room("#999", "br1", word(999)),
    room("rarest", "br1", "quasarzy"),
    room("common #9 + a week", "br1", word(9), week),
    room("common #9", "br57", word(9)),
    room("#999", "br57", word(999)),
    room("rare #7990", "br57", word(7990)),
    room("#99 + author bu77", "br57", word(99), { authorId: "bu77" }),
    room("most common, newest", "br57", word(0), { sort: "newest" }),
  ];
}

runMain(async () => {
  const messages = count("BENCH_MESSAGES", 1_000_000);
  const runs = count("BENCH_RUNS", 30);
  const plans = process.env.BENCH_PLANS !== "0";
  const log = (line: string) => console.log(`· ${line}`);
  let database: BenchDatabase | undefined;
  try {
    database = await startBenchDatabase();
    const { databaseUrl } = database;
    log("Seeding users and rooms…");
    await withClient(databaseUrl, (client) =>
      bulkSeed(client, { users: USERS, topics: 20, rooms: ROOMS, messages: 0 }),
    );
    log(`Seeding ${messages.toLocaleString("en-US")} messages inside PostgreSQL…`);
    log(`  seeded and indexed in ${((await seedMessages(databaseUrl, messages)) / 1000).toFixed(1)} s`);
    process.env.DATABASE_URL = databaseUrl;
    // Imported only now: the data layer reads DATABASE_URL on first use.
    const { findSearchLexemes, searchMessageRows, messageSearchQuery } = await import("../../lib/db/message-search");
    const { MESSAGE_SEARCH_PAGE_SIZE: limit } = await import("../../lib/validation/message-search");
    const list = cases(Date.now());
    // What lib/chat/message-search.ts runs per search, past validation and the rate limit.
    const once = async ({ filter, sort }: Case) => {
      const started = performance.now();
      await findSearchLexemes({ q: filter.q, words: filter.q.toLowerCase().split(/\s+/) });
      const rows = await searchMessageRows({ ...filter, sort, limit });
      return { ms: performance.now() - started, rows: rows.length };
    };
    const matches = await withClient(databaseUrl, async (client) => {
      const out: number[] = [];
      for (const c of list) {
        const { rows } = await client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM "Message" m WHERE m."searchVector" @@ plainto_tsquery('english', $1)
             AND ($2::text IS NULL OR m."roomId" = $2) AND ($3::text IS NULL OR m."authorId" = $3)
             AND ($4::timestamp IS NULL OR m."createdAt" >= $4) AND ($5::timestamp IS NULL OR m."createdAt" < $5)`,
          [c.filter.q, c.filter.roomId ?? null, c.filter.authorId ?? null, c.filter.from ?? null, c.filter.to ?? null],
        );
        out.push(rows[0]?.n ?? 0);
      }
      return out;
    });
    log("Warming up (every case once)…");
    for (const c of list) await once(c);
    log(`Measuring ${list.length} cases × ${runs} runs, round-robin, one at a time…`);
    const times = list.map(() => [] as number[]);
    const returned = list.map(() => 0);
    for (let run = 0; run < runs; run++) {
      for (const [i, c] of list.entries()) {
        const result = await once(c);
        times[i]?.push(result.ms);
        returned[i] = result.rows;
      }
    }
    console.log(
      `\nMessage search over ${messages.toLocaleString("en-US")} messages (target p95 ≤ ${TARGET_P95_MS} ms)`,
    );
    console.log(`${"case".padEnd(58)} ${"sort".padEnd(9)} ${"matches".padStart(8)} rows    p50       p95       p99`);
    const everything: number[] = [];
    for (const [i, c] of list.entries()) {
      const sorted = sortNumbers(times[i] ?? []);
      everything.push(...sorted);
      const p = (n: number) => ms(percentile(sorted, n)).padStart(9);
      const flag = percentile(sorted, 95) > TARGET_P95_MS ? "  ✗ over target" : "";
      console.log(
        `${c.name.padEnd(58)} ${c.sort.padEnd(9)} ${String(matches[i]).padStart(8)} ${String(returned[i]).padStart(4)} ${p(50)} ${p(95)} ${p(99)}${flag}`,
      );
    }
    const all = sortNumbers(everything);
    console.log(
      `${"every case together".padEnd(82)} ${ms(percentile(all, 50)).padStart(9)} ${ms(percentile(all, 95)).padStart(9)} ${ms(percentile(all, 99)).padStart(9)}`,
    );
    if (!plans) return;
    // One connection for every plan, each planned once before: a fresh connection's cold catalog caches would add
    // milliseconds of planning that the app's pooled connections never pay.
    await withClient(databaseUrl, async (client) => {
      for (const c of list) {
        const sql = messageSearchQuery(c.filter, c.sort, limit);
        await client.query(`EXPLAIN ${sql.text}`, sql.values);
        const { rows } = await client.query<{ "QUERY PLAN": string }>(
          `EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`,
          sql.values,
        );
        console.log(`\n=== ${c.name} (${c.sort}) ===\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
      }
    });
  } finally {
    const { disconnectDb } = await import("../../lib/db/client");
    await disconnectDb().catch(() => undefined);
    await database?.stop();
  }
});
