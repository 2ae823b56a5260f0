// CPU each part of the fan-out stack spent over a block (apps, soketi nodes, PostgreSQL, Redis, this process, the
// whole machine), added to the phase's totals, so the report can give a cost per message or reaction; and the
// quiet window's: the app's requests and CPU per second with every reader connected and nothing sent.
import { groupCpuMs } from "./cpu";
import { machineBusyMs } from "./fanout-machine";
import { sleep, sum, type ConfigResult, type Phase } from "./fanout-report";
import { BENCH_METRICS_TOKEN, type FanoutStack } from "./fanout-stack";
import { postgresCpuMs } from "./pg-cpu";

export interface UsageMark {
  app?: number;
  soketi?: number;
  postgres?: number;
  redis?: number;
  bench: NodeJS.CpuUsage;
  machine?: number;
}

/** CPU milliseconds used so far by each part (`postmaster`: PostgreSQL's main pid). */
export function usageMark(stack: FanoutStack, postmaster: number | undefined): UsageMark {
  return {
    app: sum(stack.apps.map((a) => groupCpuMs(a.processGroup))),
    soketi: sum(stack.nodes.map((node) => groupCpuMs(node.pid))),
    postgres: postgresCpuMs(postmaster),
    redis: stack.redisPid === undefined ? undefined : groupCpuMs(stack.redisPid),
    bench: process.cpuUsage(),
    machine: machineBusyMs(),
  };
}

/** Adds what each part used since `before` to `used`. */
export function addUsageSince(
  used: Phase["used"],
  before: UsageMark,
  stack: FanoutStack,
  postmaster: number | undefined,
) {
  const now = usageMark(stack, postmaster);
  const add = (total: number | undefined, after: number | undefined, from: number | undefined) =>
    after === undefined || from === undefined ? total : (total ?? 0) + after - from;
  used.app = add(used.app, now.app, before.app);
  used.soketi = add(used.soketi, now.soketi, before.soketi);
  used.postgres = add(used.postgres, now.postgres, before.postgres);
  if (stack.redisPid !== undefined) used.redis = add(used.redis, now.redis, before.redis);
  const bench = process.cpuUsage(before.bench);
  used.bench += (bench.user + bench.system) / 1000;
  used.machine = add(used.machine, now.machine, before.machine);
}

/** Every roomful_http_requests_total sample added up (all routes, methods and statuses). */
async function appRequests(baseUrl: string): Promise<number | undefined> {
  const response = await fetch(`${baseUrl}/api/metrics`, {
    headers: { authorization: `Bearer ${BENCH_METRICS_TOKEN}` },
  }).catch(() => undefined);
  if (!response?.ok) return undefined;
  const text = await response.text();
  let total = 0;
  for (const line of text.split("\n")) {
    if (line.startsWith("roomful_http_requests_total")) total += Number(line.slice(line.lastIndexOf(" ") + 1)) || 0;
  }
  return total;
}

/** Waits `seconds` with nothing sent and reports what the app(s) did meanwhile. */
export async function quietWindow(stack: FanoutStack, seconds: number): Promise<ConfigResult["quiet"]> {
  const first = await Promise.all(stack.apps.map((a) => appRequests(a.baseUrl)));
  const cpuBefore = sum(stack.apps.map((a) => groupCpuMs(a.processGroup)));
  await sleep(seconds * 1000);
  const cpuAfter = sum(stack.apps.map((a) => groupCpuMs(a.processGroup)));
  const second = await Promise.all(stack.apps.map((a) => appRequests(a.baseUrl)));
  const before = sum(first);
  const after = sum(second);
  return {
    seconds,
    // Less the first scrape of each app, which the second one counts.
    requestsPerSecond:
      before !== undefined && after !== undefined
        ? Math.max(0, after - before - stack.apps.length) / seconds
        : undefined,
    appCpuPerSecond: cpuBefore !== undefined && cpuAfter !== undefined ? (cpuAfter - cpuBefore) / seconds : undefined,
  };
}
