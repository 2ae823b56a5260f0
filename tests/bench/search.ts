// `npm run bench:search`: room search and the home page at scale. On a fresh database of its own
// it bulk-seeds 100,000 rooms, 1,000 topics, 20,000 users (and messages for the activity panel),
// then measures, and prints:
//   1. server-side search latency: searchRooms + countRooms (what the home page calls, in
//      parallel; the count stops at ROOM_COUNT_CAP) for ~50 queries of 3–12 characters hitting
//      room names, descriptions, topics and usernames, several runs each; target p95 ≤ 20 ms;
//   2. the EXPLAIN (ANALYZE, BUFFERS) plan of one search, showing the trigram indexes in use;
//   3. what the home page reads, call by call, including a member's unread counts and total;
//   4. the home page's time to first byte on the production build, 10 requests at a time, for a
//      visitor and for a signed-in member (unread badges, header total); target p95 ≤ 150 ms;
//      and a light page (/topics) signed in and out, for what the header's unread total costs.
//      TTFB is response start, as browsers' responseStart and curl's time_starttransfer count it:
//      the status line and headers have arrived (Next sends them with the first chunk of HTML).
//      It also prints when the first chunk of the body could be read (after gzip and inflate)
//      and when the page ended.
// Settings, all optional: BENCH_ROOMS (100000), BENCH_TOPICS (1000), BENCH_USERS (20000),
// BENCH_MESSAGES (200000), BENCH_RUNS (5 per query), BENCH_REQUESTS (300), BENCH_CONCURRENCY (10),
// BENCH_PORT (3143), BENCH_SKIP_BUILD=1 (reuse .next-e2e-<port>), BENCH_SEARCH_ONLY=1 (no app),
// BENCH_EXPLAIN_Q (the query whose plan is printed; default "weekend").
import { availableParallelism, cpus } from "node:os";
import { withClient } from "../../scripts/stack/database";
import { portFromEnv } from "../../scripts/stack/ports";
import { runMain } from "../../scripts/stack/run-main";
import { BENCH_NEXTAUTH_SECRET, startBenchApp, type BenchApp } from "./support/app";
import { arrangeBenchMember, type BenchMember } from "./support/bench-member";
import { startBenchDatabase, type BenchDatabase } from "./support/bench-database";
import { bulkSeed } from "./support/bulk-seed";
import { groupCpuMs, loadAverage } from "./support/cpu";
import { count, ms, percentile, sortNumbers, stats } from "./support/stats";
import { cpuDuring, postmasterPid } from "./support/pg-cpu";
import { PAGE_SIZE } from "../../lib/validation/rooms";

const SEARCH_TARGET_P95_MS = 20;
const HOME_TARGET_P95_MS = 150;

/** ~50 searches of 3–12 characters: what people type, common and rare, hits and misses. */
export const QUERIES: { q: string; field: string }[] = [
  // Room names (openers, nouns, subjects in names)
  ...[
    "weekend",
    "late night",
    "study gro",
    "office h",
    "workshop",
    "roundtable",
    "coffee cha",
    "clinic",
    "deep dive",
    "sprint",
    "lab",
    "lounge",
  ].map((q) => ({ q, field: "name" })),
  // Descriptions
  ...[
    "homework",
    "interview",
    "terrible pun",
    "chapter",
    "guest spea",
    "feedback",
    "resources",
    "salary",
    "sunday even",
    "pun",
    "the",
    "and",
  ].map((q) => ({ q, field: "description" })),
  // Topic names
  ...[
    "python",
    "rust",
    "calculus",
    "linear alg",
    "machine lea",
    "photograph",
    "gardening",
    "japanese",
    "startups",
    "typescript",
    "ops",
    "chess",
  ].map((q) => ({ q, field: "topic" })),
  // Host usernames and display names
  ...[
    "maria_gar",
    "okafor",
    "tanaka",
    "kwame",
    "chen_wang",
    "_patel1",
    "ivanova",
    "lucas_s",
    "reyes12",
    "zara_k",
    "kim",
    "olga",
  ].map((q) => ({ q, field: "host" })),
  // Nothing matches
  ...["zzqx", "xylophone", "qwertyuiop", "kubernetes"].map((q) => ({ q, field: "none" })),
];

async function timed<T>(work: Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work;
  return { value, ms: performance.now() - started };
}

interface QueryResult {
  q: string;
  field: string;
  /** As the feed shows it: "1000+" when the count stopped at the cap. */
  matches: string;
  /** searchRooms and countRooms together, as the page awaits them. */
  both: number[];
  search: number[];
  count: number[];
}

async function measureSearches(runs: number, postmaster: number | undefined, log: (line: string) => void) {
  // Imported only now: the data layer reads DATABASE_URL on first use.
  const { searchRooms, countRooms } = await import("../../lib/db/rooms");
  const measureOnce = async (q: string) => {
    const started = performance.now();
    const [search, total] = await Promise.all([timed(searchRooms({ q })), timed(countRooms({ q }))]);
    const matches = `${total.value.total.toLocaleString("en-US")}${total.value.capped ? "+" : ""}`;
    return { both: performance.now() - started, search: search.ms, count: total.ms, matches };
  };

  log(`Warming up (every query once)…`);
  for (const { q } of QUERIES) await measureOnce(q);
  log(`Measuring ${QUERIES.length} queries × ${runs} runs, one at a time…`);
  const results: QueryResult[] = QUERIES.map(({ q, field }) => ({
    q,
    field,
    matches: "",
    both: [],
    search: [],
    count: [],
  }));
  // Round-robin over the queries, so a slow moment of the machine does not hit one query only.
  const cpu = await cpuDuring(postmaster, async () => {
    for (let run = 0; run < runs; run++) {
      for (const result of results) {
        const once = await measureOnce(result.q);
        result.matches = once.matches;
        result.both.push(once.both);
        result.search.push(once.search);
        result.count.push(once.count);
      }
    }
  });
  const searches = runs * results.length;
  return {
    results,
    postgresCpuMs: cpu.postgresMs === undefined ? undefined : cpu.postgresMs / searches,
    nodeCpuMs: cpu.nodeMs / searches,
  };
}

/** What the home page reads (no search), one call at a time: where its server time goes. */
async function measureHomeData(runs: number, member: BenchMember): Promise<{ name: string; times: number[] }[]> {
  const { searchRooms } = await import("../../lib/db/rooms");
  const { listTopicsWithTotal } = await import("../../lib/db/topics");
  const { listRecentActivity } = await import("../../lib/db/activity");
  const { unreadCounts, unreadTotal } = await import("../../lib/chat/unread");
  const { getOnlineCounts } = await import("../../lib/realtime/presence");
  const roomIds = (await searchRooms({})).rooms.map((room) => room.id);
  const parts: { name: string; call: () => Promise<unknown> }[] = [
    { name: "searchRooms({}) (page + cards)", call: () => searchRooms({}) },
    { name: "listTopicsWithTotal({ take: 31 })", call: () => listTopicsWithTotal({ take: 31 }) },
    { name: "listRecentActivity({ take: 8 })", call: () => listRecentActivity({ take: 8 }) },
    { name: "getOnlineCounts(24 rooms)", call: () => getOnlineCounts(roomIds) },
    { name: "unreadCounts(member, 24 rooms)", call: () => unreadCounts({ userId: member.userId, roomIds }) },
    { name: `unreadTotal(member, ${member.rooms} rooms)`, call: () => unreadTotal({ userId: member.userId }) },
  ];
  const results = [];
  for (const part of parts) {
    await part.call();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push((await timed(part.call())).ms);
    results.push({ name: part.name, times });
  }
  return results;
}

async function explain(databaseUrl: string, q: string): Promise<{ page: string; count: string }> {
  const { feedCardsQuery, feedCountQuery } = await import("../../lib/db/room-search");
  const { ROOM_COUNT_CAP } = await import("../../lib/db/rooms");
  const plan = async (sql: { text: string; values: unknown[] }) =>
    withClient(databaseUrl, async (client) => {
      const { rows } = await client.query<{ "QUERY PLAN": string }>(
        `EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`,
        sql.values,
      );
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    });
  return {
    page: await plan(feedCardsQuery({ q }, "active", null, PAGE_SIZE)),
    count: await plan(feedCountQuery({ q }, ROOM_COUNT_CAP)),
  };
}

interface PageTiming {
  /** Response start: the status line and headers have arrived. */
  ttfb: number;
  /** The first chunk of the (decompressed) body could be read. */
  firstChunk: number;
  total: number;
}

/** GETs `path` (as the member whose cookie is given, if any) and times its start, its first body chunk and its end. */
async function loadPage(baseUrl: string, path: string, cookie?: string): Promise<PageTiming> {
  const started = performance.now();
  // fetch resolves once the headers are in; Next flushes them with the page's first chunk.
  const response = await fetch(`${baseUrl}${path}`, {
    headers: { accept: "text/html", ...(cookie ? { cookie } : {}) },
    redirect: "manual",
  });
  const ttfb = performance.now() - started;
  if (!response.ok || !response.body) throw new Error(`GET ${path} answered ${response.status}`);
  const reader = response.body.getReader();
  const first = await reader.read();
  const firstChunk = performance.now() - started;
  let size = first.value?.byteLength ?? 0;
  for (let chunk = first; !chunk.done;) {
    chunk = await reader.read();
    size += chunk.value?.byteLength ?? 0;
  }
  if (size < 1000) throw new Error(`GET ${path} returned only ${size} bytes`);
  return { ttfb, firstChunk, total: performance.now() - started };
}

async function loadMany(
  baseUrl: string,
  paths: string[],
  concurrency: number,
  cookie?: string,
): Promise<{ timings: PageTiming[]; wallMs: number }> {
  const timings: PageTiming[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < paths.length) {
        const path = paths[next++] ?? "/";
        timings.push(await loadPage(baseUrl, path, cookie));
      }
    }),
  );
  return { timings, wallMs: performance.now() - started };
}

interface PageRun {
  ttfb: number[];
  firstChunk: number[];
  total: number[];
  perSecond: number;
  /** The app's CPU (all threads of the production server) per page. */
  cpuPerRequest?: number;
  postgresPerRequest?: number;
}

/** Loads `paths`, `concurrency` at a time, with the app's and PostgreSQL's CPU per page. */
async function measurePages(
  app: BenchApp,
  postmaster: number | undefined,
  paths: string[],
  concurrency: number,
  cookie?: string,
): Promise<PageRun> {
  const cpuBefore = groupCpuMs(app.processGroup);
  const measured = await cpuDuring(postmaster, () => loadMany(app.baseUrl, paths, concurrency, cookie));
  const cpuAfter = groupCpuMs(app.processGroup);
  const run = measured.value;
  return {
    ttfb: run.timings.map((t) => t.ttfb),
    firstChunk: run.timings.map((t) => t.firstChunk),
    total: run.timings.map((t) => t.total),
    perSecond: (run.timings.length / run.wallMs) * 1000,
    cpuPerRequest:
      cpuBefore !== undefined && cpuAfter !== undefined ? (cpuAfter - cpuBefore) / paths.length : undefined,
    postgresPerRequest: measured.postgresMs === undefined ? undefined : measured.postgresMs / paths.length,
  };
}

function pageLines(label: string, run: PageRun): string[] {
  const cpu =
    run.cpuPerRequest === undefined
      ? ""
      : `; CPU app ${ms(run.cpuPerRequest)}${run.postgresPerRequest === undefined ? "" : ` + PostgreSQL ${ms(run.postgresPerRequest)}`} per page`;
  return [
    `  ${label.padEnd(22)} TTFB  ${stats(run.ttfb)}`,
    `  ${"".padEnd(22)} body  ${stats(run.firstChunk)}`,
    `  ${"".padEnd(22)} end   ${stats(run.total)}   (${run.perSecond.toFixed(1)} pages/s${cpu})`,
  ];
}

runMain(async () => {
  const counts = {
    rooms: count("BENCH_ROOMS", 100_000),
    topics: Math.min(count("BENCH_TOPICS", 1_000), 1_000),
    users: count("BENCH_USERS", 20_000),
    messages: count("BENCH_MESSAGES", 200_000),
  };
  const runs = count("BENCH_RUNS", 5);
  const requests = count("BENCH_REQUESTS", 300);
  const concurrency = count("BENCH_CONCURRENCY", 10);
  const port = portFromEnv("BENCH_PORT", 3143);
  const searchOnly = process.env.BENCH_SEARCH_ONLY === "1";
  const explainQ = process.env.BENCH_EXPLAIN_Q || "weekend";
  const log = (line: string) => console.log(`· ${line}`);

  let app: BenchApp | undefined;
  let database: BenchDatabase | undefined;
  try {
    let databaseUrl: string;
    if (searchOnly) {
      database = await startBenchDatabase();
      databaseUrl = database.databaseUrl;
    } else {
      app = await startBenchApp({
        port,
        log,
      });
      databaseUrl = app.databaseUrl;
    }
    process.env.DATABASE_URL = databaseUrl;

    log(
      `Seeding ${counts.users.toLocaleString("en-US")} users, ${counts.topics} topics, ${counts.rooms.toLocaleString("en-US")} rooms, ${counts.messages.toLocaleString("en-US")} messages…`,
    );
    const seedStarted = performance.now();
    const seedTimings = await withClient(databaseUrl, (client) => bulkSeed(client, counts));
    // The bulk rows bypass lib/db/rooms.ts: set each topic's room count from them (the repair).
    const { recountTopicRooms } = await import("../../lib/db/topics");
    await recountTopicRooms();
    const member = await withClient(databaseUrl, (client) =>
      arrangeBenchMember(client, { secret: BENCH_NEXTAUTH_SECRET }),
    );
    const seedMs = performance.now() - seedStarted;

    const postmaster = await postmasterPid(databaseUrl);
    const { results, postgresCpuMs, nodeCpuMs } = await measureSearches(runs, postmaster, log);
    const plans = await explain(databaseUrl, explainQ);
    log("Timing what the home page reads…");
    const homeData = await measureHomeData(20, member);

    let pages:
      | { home: PageRun; memberHome: PageRun; more: PageRun; search: PageRun; topics: PageRun; memberTopics: PageRun }
      | undefined;
    const loadBefore = loadAverage();
    if (app) {
      const warmup = Math.min(30, requests);
      const times = (n: number, path: string) => Array.from({ length: n }, () => path);
      log(`Warming the app up with ${warmup} requests…`);
      await loadMany(app.baseUrl, times(warmup, "/"), concurrency);
      await loadMany(app.baseUrl, times(warmup, "/"), concurrency, member.cookie);
      log(`Measuring ${requests} home page loads, ${concurrency} at a time, as a visitor…`);
      const home = await measurePages(app, postmaster, times(requests, "/"), concurrency);
      log(`…and as a signed-in member (unread badges, online counts, header total)…`);
      const memberHome = await measurePages(app, postmaster, times(requests, "/"), concurrency, member.cookie);
      log(`…and after one "Show more rooms" (/?limit=${2 * PAGE_SIZE}), as the member…`);
      const more = await measurePages(
        app,
        postmaster,
        times(requests, `/?limit=${2 * PAGE_SIZE}`),
        concurrency,
        member.cookie,
      );
      log(`Measuring ${requests} search page loads (/?q=…, the same queries), ${concurrency} at a time…`);
      const searchPaths = Array.from(
        { length: requests },
        (_, i) => `/?q=${encodeURIComponent(QUERIES[i % QUERIES.length]?.q ?? "rust")}`,
      );
      const search = await measurePages(app, postmaster, searchPaths, concurrency);
      const light = Math.max(10, Math.round(requests / 3));
      log(
        `Measuring ${light} loads of /topics signed out and signed in (what the header's unread total costs a page)…`,
      );
      await loadMany(app.baseUrl, times(warmup, "/topics"), concurrency);
      const topics = await measurePages(app, postmaster, times(light, "/topics"), concurrency);
      const memberTopics = await measurePages(app, postmaster, times(light, "/topics"), concurrency, member.cookie);
      pages = { home, memberHome, more, search, topics, memberTopics };
    }
    const loadAfter = loadAverage();

    const all = (pick: (r: QueryResult) => number[]) => results.flatMap(pick);
    const bothSorted = sortNumbers(all((r) => r.both));
    const searchP95 = percentile(bothSorted, 95);
    const median = (values: number[]) => percentile(sortNumbers(values), 50);
    const slowest = [...results].sort((a, b) => median(b.both) - median(a.both)).slice(0, 8);
    const byField = [...new Set(results.map((r) => r.field))].map((field) => {
      const values = results.filter((r) => r.field === field).flatMap((r) => r.both);
      return `${field} ${ms(percentile(sortNumbers(values), 50))}/${ms(percentile(sortNumbers(values), 95))}`;
    });
    const usesTrigram = /_trgm_idx/.test(plans.page);
    const p95Of = (values: number[]) => percentile(sortNumbers(values), 95);
    const verdict = (values: number[]) =>
      `${p95Of(values) <= HOME_TARGET_P95_MS ? "met" : "NOT met"} (p95 ${ms(p95Of(values))})`;

    const lines = [
      "",
      `Search benchmark: ${counts.rooms.toLocaleString("en-US")} rooms, ${counts.topics} topics, ${counts.users.toLocaleString("en-US")} users, ${counts.messages.toLocaleString("en-US")} messages`,
      `  member      ${member.userId}: participant of ${member.rooms} rooms, ${member.unreadRooms} with unread messages`,
      `  machine     ${availableParallelism()} CPUs (${cpus()[0]?.model.trim() ?? "unknown CPU"}), Node ${process.version}; app, PostgreSQL and clients share it`,
      `  seed        ${ms(seedMs)} (${Object.entries(seedTimings)
        .map(([k, v]) => `${k} ${ms(v)}`)
        .join(", ")})`,
      "",
      `Server-side search: searchRooms + countRooms in parallel (as the home page does), ${QUERIES.length} queries × ${runs} runs = ${bothSorted.length} searches`,
      `  together    ${stats(all((r) => r.both))}`,
      `  searchRooms ${stats(all((r) => r.search))}`,
      `  countRooms  ${stats(all((r) => r.count))}`,
      `  by field    p50/p95: ${byField.join(", ")}`,
      `  CPU cost    ${postgresCpuMs === undefined ? "PostgreSQL n/a" : `PostgreSQL ${ms(postgresCpuMs)}`} + Node ${ms(nodeCpuMs)} per search (page + count; hardly moves with machine load)`,
      `  slowest     (median, matches) ${slowest.map((r) => `"${r.q}" ${ms(median(r.both))} ${r.matches}`).join(", ")}`,
      `  target      p95 ≤ ${SEARCH_TARGET_P95_MS} ms: ${searchP95 <= SEARCH_TARGET_P95_MS ? "met" : "NOT met"} (p95 ${ms(searchP95)}; load ${loadAverage()})`,
      "",
      `EXPLAIN (ANALYZE, BUFFERS) of the feed page query for q = "${explainQ}" (sort: most active, one page):`,
      plans.page.replace(/^/gm, "  "),
      "",
      `…and of its count query (stops at ROOM_COUNT_CAP + 1 matches):`,
      plans.count.replace(/^/gm, "  "),
      `  trigram index in use: ${usesTrigram ? "yes" : "NO"} (${[...new Set(plans.page.match(/"?\w+_trgm_idx"?/g) ?? [])].join(", ") || "none"})`,
    ];
    lines.push(
      "",
      "Home page data, server-side, one call at a time (20 runs each; the page reads each once, the last three only for a member)",
      ...homeData.map(({ name, times }) => `  ${name.padEnd(36)} ${stats(times)}`),
    );
    if (pages) {
      lines.push(
        "",
        `Pages on the production build (npm start's server), ${requests} requests each (/topics: fewer), ${concurrency} concurrent`,
        ...pageLines("GET / (visitor)", pages.home),
        ...pageLines("GET / (member)", pages.memberHome),
        ...pageLines(`GET /?limit=${2 * PAGE_SIZE} (member)`, pages.more),
        ...pageLines("GET /?q= (visitor)", pages.search),
        ...pageLines("GET /topics (visitor)", pages.topics),
        ...pageLines("GET /topics (member)", pages.memberTopics),
        `  load                   ${loadBefore} before, ${loadAfter} after (1/5/15-minute load averages)`,
        `  (TTFB: status and headers in; body: the first chunk of HTML readable, after gzip and inflate; end: the last byte)`,
        `  target                 home TTFB p95 ≤ ${HOME_TARGET_P95_MS} ms: visitor ${verdict(pages.home.ttfb)}, member ${verdict(pages.memberHome.ttfb)}`,
        `  same bar, first body chunk: visitor ${verdict(pages.home.firstChunk)}, member ${verdict(pages.memberHome.firstChunk)}`,
      );
    }
    console.log(`${lines.join("\n")}\n`);
  } finally {
    const { disconnectDb } = await import("../../lib/db/client");
    await disconnectDb().catch(() => undefined);
    await app?.stop();
    await database?.stop();
  }
});
