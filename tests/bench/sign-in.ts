// `npm run bench:sign-in`: password sign-in throughput and latency through next-auth's
// credentials callback on a production build, with concurrent clients. Prints its figures.
//
// Each sign-in is what a browser does: GET /api/auth/csrf (token + cookie), then the timed
// POST /api/auth/callback/credentials. Every sign-in uses its own account and client address
// (X-Forwarded-For), so no rate limit is involved. Settings, all optional:
//   BENCH_SIGN_INS (300), BENCH_CONCURRENCY (10), BENCH_WARMUP (20), BENCH_PORT (3134),
//   BENCH_SKIP_BUILD=1 to reuse the previous build in .next-e2e-<BENCH_PORT>.
import { availableParallelism, cpus } from "node:os";
import { hashPassword, verifyPassword } from "../../lib/auth/password";
import { withClient } from "../../scripts/stack/database";
import { portFromEnv } from "../../scripts/stack/ports";
import { runMain } from "../../scripts/stack/run-main";
import { startBenchApp, type BenchApp } from "./support/app";
import { inBatches } from "./support/concurrently";
import { groupCpuMs, loadAverage } from "./support/cpu";
import { count, ms, percentile } from "./support/stats";

const TARGET_P95_MS = 250;
const PASSWORD = "bench-sign-in-passphrase";

async function createAccounts(databaseUrl: string, total: number): Promise<void> {
  // One hash for every account: verifying costs the same whichever password it is.
  const passwordHash = await hashPassword(PASSWORD);
  await withClient(databaseUrl, (client) =>
    client.query(
      `INSERT INTO "User" (id, email, username, name, "passwordHash", "emailVerifiedAt", "updatedAt")
       SELECT 'bench' || i, 'bench' || i || '@bench.test', 'bench_' || i, 'Bench ' || i, $1, now(), now()
       FROM generate_series(1, $2::int) AS i`,
      [passwordHash, total],
    ),
  );
}

/** A sign-in from a fresh client; resolves with the POST's latency and the session cookie. */
async function signIn(baseUrl: string, index: number): Promise<{ latencyMs: number; sessionCookie: string }> {
  const forwarded = { "x-forwarded-for": `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}` };
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers: forwarded });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const body = new URLSearchParams({ csrfToken, identifier: `bench_${index}`, password: PASSWORD, json: "true" });

  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { ...forwarded, cookie, "content-type": "application/x-www-form-urlencoded" },
    body,
    redirect: "manual",
  });
  const text = await response.text();
  const latencyMs = performance.now() - started;

  const sessionCookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .find((c) => c.startsWith("next-auth.session-token="));
  const target = `${text} ${response.headers.get("location") ?? ""}`;
  if (response.status >= 400 || !sessionCookie || target.includes("error=")) {
    throw new Error(`sign-in of bench_${index} failed: ${response.status} ${target.slice(0, 200)}`);
  }
  return { latencyMs, sessionCookie };
}

/** Runs `total` sign-ins starting at account `first`, `concurrency` at a time. */
async function run(baseUrl: string, first: number, total: number, concurrency: number) {
  const started = performance.now();
  const results = await inBatches(total, concurrency, async (i) => ({
    index: first + i,
    ...(await signIn(baseUrl, first + i)),
  }));
  return {
    latencies: results.map((r) => r.latencyMs),
    sessions: results.map((r) => ({ index: r.index, cookie: r.sessionCookie })),
    wallMs: performance.now() - started,
  };
}

async function argon2VerifyMs(): Promise<number> {
  const hash = await hashPassword(PASSWORD);
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const started = performance.now();
    await verifyPassword(hash, PASSWORD);
    times.push(performance.now() - started);
  }
  return percentile(
    times.sort((a, b) => a - b),
    50,
  );
}

runMain(async () => {
  const signIns = count("BENCH_SIGN_INS", 300);
  const concurrency = count("BENCH_CONCURRENCY", 10);
  const warmup = count("BENCH_WARMUP", 20);
  const port = portFromEnv("BENCH_PORT", 3134);
  const log = (line: string) => console.log(`· ${line}`);

  let app: BenchApp | undefined;
  try {
    app = await startBenchApp({
      port,
      log,
    });
    log(`Creating ${warmup + signIns} accounts…`);
    await createAccounts(app.databaseUrl, warmup + signIns);

    log(`Warming up with ${warmup} sign-ins…`);
    await run(app.baseUrl, 1, warmup, Math.min(concurrency, warmup));
    log(`Measuring ${signIns} sign-ins, ${concurrency} at a time…`);
    const loadBefore = loadAverage();
    const cpuBefore = groupCpuMs(app.processGroup);
    const result = await run(app.baseUrl, warmup + 1, signIns, concurrency);
    const cpuAfter = groupCpuMs(app.processGroup);
    const loadAfter = loadAverage();

    // The cookies must be real sessions: ask the app who they belong to.
    for (const session of result.sessions.slice(0, 5)) {
      const response = await fetch(`${app.baseUrl}/api/me`, { headers: { cookie: session.cookie } });
      const me = (await response.json()) as { username?: string };
      if (response.status !== 200 || me.username !== `bench_${session.index}`) {
        throw new Error(`the session of bench_${session.index} is not accepted by /api/me (${response.status})`);
      }
    }

    const sorted = [...result.latencies].sort((a, b) => a - b);
    const mean = sorted.reduce((sum, v) => sum + v, 0) / sorted.length;
    const p95 = percentile(sorted, 95);
    const perSecond = (result.latencies.length / result.wallMs) * 1000;
    const verify = await argon2VerifyMs();
    const cpuModel = cpus()[0]?.model.trim() ?? "unknown CPU";
    const appCpuPerSignIn =
      cpuBefore !== undefined && cpuAfter !== undefined ? (cpuAfter - cpuBefore) / signIns : undefined;

    console.log(
      [
        "",
        `Sign-in benchmark: ${signIns} sign-ins (after ${warmup} warm-up), ${concurrency} concurrent clients`,
        `  machine     ${availableParallelism()} CPUs (${cpuModel}), Node ${process.version}; app, PostgreSQL and clients share it`,
        `  latency     p50 ${ms(percentile(sorted, 50))}   p95 ${ms(p95)}   p99 ${ms(percentile(sorted, 99))}   (min ${ms(sorted[0] ?? 0)}, mean ${ms(mean)}, max ${ms(sorted.at(-1) ?? 0)})`,
        `  throughput  ${perSecond.toFixed(1)} sign-ins/s (${(result.wallMs / 1000).toFixed(1)} s wall, CSRF fetch included)`,
        appCpuPerSignIn === undefined
          ? ""
          : `  app CPU     ${ms(appCpuPerSignIn)} per sign-in (npm start's server, all threads): ~${Math.floor(1000 / appCpuPerSignIn)} sign-ins/s per core it has to itself`,
        `  argon2id    one verify alone: ${ms(verify)} (m=19456 KiB, t=2)`,
        `  load        ${loadBefore} before, ${loadAfter} after (1/5/15-minute load averages; latency suffers when they exceed the CPUs)`,
        `  target      p95 < ${TARGET_P95_MS} ms: ${p95 < TARGET_P95_MS ? "met" : "NOT met"}`,
        "",
      ]
        .filter((line, i, all) => line !== "" || i === 0 || i === all.length - 1)
        .join("\n"),
    );
  } finally {
    await app?.stop();
  }
});
