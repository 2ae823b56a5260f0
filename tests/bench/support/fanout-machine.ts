// How busy the whole machine was (Linux /proc/stat), so that a benchmark sharing it with other
// work can say how much of the CPU went to processes that are not part of the measurement.
import { readFileSync } from "node:fs";
import { clockTicks } from "./fanout-soketi";

/** CPU milliseconds spent busy (not idle, not waiting on I/O) by all CPUs since boot, or undefined. */
export function machineBusyMs(): number | undefined {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
    const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
    const busy = [user, nice, system, irq, softirq, steal].reduce<number>((sum, v) => sum + (v ?? 0), 0);
    if (!Number.isFinite(busy) || idle === undefined || iowait === undefined) return undefined;
    return (busy / clockTicks()) * 1000;
  } catch {
    return undefined;
  }
}
