// The soketi that startBenchApp started for this benchmark (a child of this process), found in
// /proc: its pid for memory and CPU figures, and its port for the clients and the floor's trigger.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

let ticksPerSecond: number | undefined;

/** Clock ticks per second of /proc's CPU counters. */
export function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

export interface SoketiProcess {
  pid: number;
  port: number;
}

function parentOf(pid: string): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return undefined;
  }
}

/**
 * The soketi child of this process (it renames itself "soketi-server", so its arguments are
 * gone) and its port, read from the environment the app was started with (`appPid`).
 */
export function findSoketi(appPid: number | undefined): SoketiProcess | undefined {
  let port: number;
  try {
    const environ = readFileSync(`/proc/${appPid}/environ`, "utf8").split("\0");
    port = Number(environ.find((v) => v.startsWith("PUSHER_PORT="))?.slice("PUSHER_PORT=".length));
  } catch {
    return undefined;
  }
  if (!Number.isInteger(port) || port <= 0) return undefined;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    if (parentOf(pid) !== process.pid) continue;
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("soketi")) return { pid: Number(pid), port };
    } catch {
      // Gone meanwhile.
    }
  }
  return undefined;
}

export interface Memory {
  /** Resident set size now, in KiB. */
  rssKb: number;
  /** Peak resident set size so far, in KiB. */
  peakKb: number;
}

/** VmRSS and VmHWM of a process, from /proc/<pid>/status. */
export function memoryOf(pid: number): Memory | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
    return { rssKb: field("VmRSS"), peakKb: field("VmHWM") };
  } catch {
    return undefined;
  }
}

export const mib = (kb: number | undefined) =>
  kb === undefined || Number.isNaN(kb) ? "n/a" : `${(kb / 1024).toFixed(1)} MiB`;
