// CPU time spent by a PostgreSQL server during a benchmark (Linux /proc), so that a benchmark can
// report a cost per query that, unlike latency, hardly moves when other work shares the machine.
// Undefined where /proc is not readable (macOS) or the server runs elsewhere.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { withClient } from "../../../scripts/stack/database";

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** Fields after "(comm)" of /proc/<pid>/stat: state ppid pgrp … utime(11) stime(12) cutime(13) cstime(14). */
function statFields(pid: string | number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return undefined;
  }
}

/** The postmaster's pid for the server behind `databaseUrl`, if it runs on this machine. */
export async function postmasterPid(databaseUrl: string): Promise<number | undefined> {
  // Read while the connection is open: once it closes, its backend (and so its parent's pid) is gone.
  const parent = await withClient(databaseUrl, async (client) => {
    const backend = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]?.pid;
    return backend === undefined ? undefined : Number(statFields(backend)?.[1]);
  });
  return parent && Number.isInteger(parent) ? parent : undefined;
}

/**
 * CPU milliseconds used so far by the server: the postmaster, its live children (backends,
 * background workers) and the children it has already reaped (cutime/cstime).
 */
export function postgresCpuMs(postmaster: number | undefined): number | undefined {
  if (postmaster === undefined) return undefined;
  const own = statFields(postmaster);
  if (!own) return undefined;
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    const fields = statFields(pid);
    if (fields && Number(fields[1]) === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks / clockTicks()) * 1000;
}

/** CPU milliseconds of the server and of this Node process while `work` ran. */
export async function cpuDuring<T>(
  postmaster: number | undefined,
  work: () => Promise<T>,
): Promise<{ value: T; postgresMs?: number; nodeMs: number }> {
  const pgBefore = postgresCpuMs(postmaster);
  const nodeBefore = process.cpuUsage();
  const value = await work();
  const node = process.cpuUsage(nodeBefore);
  const pgAfter = postgresCpuMs(postmaster);
  return {
    value,
    postgresMs: pgBefore !== undefined && pgAfter !== undefined ? pgAfter - pgBefore : undefined,
    nodeMs: (node.user + node.system) / 1000,
  };
}
