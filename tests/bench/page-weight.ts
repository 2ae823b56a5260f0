// `npm run bench:page-weight`: the JavaScript a first visit downloads, in Chromium, against the production build. For
// the home page and a room page, as a visitor and as a signed-in member, it sums the compressed size (the bytes on the
// wire, `encodedBodySize` in Resource Timing) of every script loaded until the network is idle, and lists the largest
// chunks. Issue 16 requires the room page's first-load JavaScript not to grow.
// Settings, all optional: BENCH_PORT (3146), BENCH_SKIP_BUILD=1 (reuse .next-e2e-<port>), BENCH_LIST=1 (every script).
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, chooseChromium } from "../../e2e/support/chromium";
import { withClient } from "../../scripts/stack/database";
import { portFromEnv } from "../../scripts/stack/ports";
import { runMain } from "../../scripts/stack/run-main";
import { BENCH_NEXTAUTH_SECRET, startBenchApp, type BenchApp } from "./support/app";
import { arrangeBenchMember } from "./support/bench-member";
import { bulkSeed } from "./support/bulk-seed";

interface Weight {
  total: number;
  scripts: { name: string; bytes: number }[];
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

runMain(async () => {
  const port = portFromEnv("BENCH_PORT", 3146);
  const log = (line: string) => console.log(`· ${line}`);
  let app: BenchApp | undefined;
  const choice = await chooseChromium();
  const browser = await chromium.launch({
    executablePath: choice.executablePath,
    args: CHROMIUM_ARGS,
    env: choice.env,
  });
  try {
    app = await startBenchApp({
      port,
      log,
    });
    const baseUrl = app.baseUrl;
    await withClient(app.databaseUrl, (client) =>
      bulkSeed(client, { rooms: 30, topics: 5, users: 20_000, messages: 3_000 }),
    );
    const member = await withClient(app.databaseUrl, (client) =>
      arrangeBenchMember(client, { secret: BENCH_NEXTAUTH_SECRET }),
    );
    const slug = await withClient(app.databaseUrl, async (client) => {
      const { rows } = await client.query<{ slug: string }>(
        `SELECT r.slug FROM "Room" r ORDER BY r."lastActivityAt" DESC LIMIT 1`,
      );
      return rows[0]?.slug ?? "";
    });

    async function weigh(path: string, cookie?: string): Promise<Weight> {
      const context = await browser.newContext({ baseURL: baseUrl });
      if (cookie) {
        const [name, value] = cookie.split("=", 2) as [string, string];
        await context.addCookies([{ name, value, url: baseUrl }]);
      }
      const page = await context.newPage();
      await page.goto(path, { waitUntil: "networkidle" });
      const scripts = await page.evaluate(() =>
        performance
          .getEntriesByType("resource")
          .filter((entry) => (entry as PerformanceResourceTiming).initiatorType === "script")
          .map((entry) => ({
            name: new URL(entry.name).pathname,
            bytes: (entry as PerformanceResourceTiming).encodedBodySize,
          })),
      );
      await context.close();
      scripts.sort((a, b) => b.bytes - a.bytes);
      return { total: scripts.reduce((sum, s) => sum + s.bytes, 0), scripts };
    }

    const rows: [string, Weight][] = [];
    for (const [label, path, cookie] of [
      ["home, visitor", "/", undefined],
      ["home, member", "/", member.cookie],
      ["room, visitor", `/rooms/${slug}`, undefined],
      ["room, member", `/rooms/${slug}`, member.cookie],
    ] as const) {
      // Twice: the first visit also warms the server; the second is the one reported.
      await weigh(path, cookie);
      rows.push([label, await weigh(path, cookie)]);
    }
    console.log(
      [
        "",
        "First-load JavaScript (compressed bytes on the wire, until the network is idle)",
        ...rows.map(
          ([label, weight]) =>
            `  ${label.padEnd(14)} ${kB(weight.total).padStart(9)} in ${weight.scripts.length} scripts; largest: ${weight.scripts
              .slice(0, 4)
              .map((s) => `${s.name.split("/").pop()} ${kB(s.bytes)}`)
              .join(", ")}`,
        ),
        "",
        // BENCH_LIST=1: every script of every page, to find what a change added.
        ...(process.env.BENCH_LIST === "1"
          ? rows.flatMap(([label, weight]) => [
              `${label}:`,
              ...weight.scripts.map((script) => `  ${kB(script.bytes).padStart(9)}  ${script.name}`),
            ])
          : []),
      ].join("\n"),
    );
  } finally {
    await browser.close();
    await app?.stop();
  }
});
