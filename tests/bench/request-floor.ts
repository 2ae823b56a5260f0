// `npm run bench:request-floor`: what the app costs per request, net of what it costs idle.
// The fan-out bench divides the app's whole CPU by the messages sent; part of that is the process's
// own idle work (timers, GC), which no request causes. This runs the production build, samples its
// CPU idle, then at a fixed rate of GET /api/health/live (a route that does nothing), and prints
// both per second and the difference per request. Settings: IDLE_RATE (20/s), IDLE_SECONDS (15),
// BENCH_PORT (3203), BENCH_SKIP_BUILD=1 (reuse .next-e2e-<port>), BENCH_CPU_PROF=<dir> (profile the app).
import { runMain } from "../../scripts/stack/run-main";
import { startBenchApp } from "./support/app";
import { groupCpuMs } from "./support/cpu";

const rate = Number(process.env.IDLE_RATE ?? 20);
const seconds = Number(process.env.IDLE_SECONDS ?? 15);
const port = Number(process.env.BENCH_PORT ?? 3203);

async function cpuOver(
  pgid: number | undefined,
  ms: number,
  work: () => Promise<number>,
): Promise<{ cpu: number; n: number }> {
  const before = groupCpuMs(pgid) ?? 0;
  const n = await work();
  return { cpu: (groupCpuMs(pgid) ?? 0) - before, n };
}

runMain(async () => {
  const app = await startBenchApp({
    port,
    log: (line) => console.log(line),
    cpuProfileDir: process.env.BENCH_CPU_PROF || undefined,
  });
  try {
    // Warm up: the first requests compile and load route code.
    for (let i = 0; i < 50; i++) await (await fetch(`${app.baseUrl}/api/health/live`)).text();
    const ms = seconds * 1000;
    const idle = await cpuOver(app.processGroup, ms, async () => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return 0;
    });
    const busy = await cpuOver(app.processGroup, ms, async () => {
      let sent = 0;
      const started = Date.now();
      const pending: Promise<unknown>[] = [];
      while (Date.now() - started < ms) {
        pending.push(fetch(`${app.baseUrl}/api/health/live`).then((r) => r.text()));
        sent++;
        const next = started + (sent * 1000) / rate;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
      }
      await Promise.all(pending);
      return sent;
    });
    const idlePerSecond = idle.cpu / seconds;
    const busyPerSecond = busy.cpu / seconds;
    console.log(`idle: ${idlePerSecond.toFixed(1)} ms CPU per second`);
    console.log(`${rate}/s GET /api/health/live: ${busyPerSecond.toFixed(1)} ms CPU per second, ${busy.n} requests`);
    console.log(
      `per request: ${(busy.cpu / busy.n).toFixed(2)} ms gross, ${((busy.cpu - idle.cpu) / busy.n).toFixed(2)} ms net of idle`,
    );
  } finally {
    await app.stop();
  }
});
