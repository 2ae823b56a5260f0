// For tests of the production server as deployers run it (built with scripts/stack/next-build.ts):
// `npm start` (scripts/start.ts under tsx) with its output kept, and a TCP relay in
// front of the realtime server that can hold traffic back or refuse it.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { waitForPort } from "@/scripts/stack/ports";

type Env = Record<string, string>;

export interface RunningServer {
  process: ChildProcess;
  baseUrl: string;
  port: number;
  /** Everything printed so far, stdout and stderr, line by line. */
  lines: string[];
  /** The JSON lines among them (our logger's), parsed. */
  logLines(): Record<string, unknown>[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** Ends it and whatever it started, without waiting for a drain. */
  kill(): Promise<void>;
}

/** `npm start` as a deployer runs it (its own process group, so kill() reaches `next start`). */
export async function startNpmStart(env: Env & { PORT: string }): Promise<RunningServer> {
  const child = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/start.ts"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const lines: string[] = [];
  let partial = "";
  const collect = (chunk: Buffer) => {
    const parts = (partial + chunk.toString("utf8")).split("\n");
    partial = parts.pop() ?? "";
    lines.push(...parts);
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  const port = Number(env.PORT);
  const server: RunningServer = {
    process: child,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    lines,
    logLines: () =>
      lines.flatMap((line) => {
        if (!line.startsWith("{")) return [];
        try {
          return [JSON.parse(line) as Record<string, unknown>];
        } catch {
          return [];
        }
      }),
    exited,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
      await exited;
    },
  };
  const failedEarly = exited.then(({ code }) => {
    throw new Error(`npm start exited with ${code} before it listened:\n${lines.slice(-40).join("\n")}`);
  });
  try {
    await Promise.race([waitForPort(port, "127.0.0.1", 120_000), failedEarly]);
  } catch (error) {
    await server.kill();
    throw error;
  }
  failedEarly.catch(() => undefined);
  return server;
}

// The relay in front of the realtime server (holding traffic back, refusing it) is the fault drills' one.
export { startRelay, type Relay } from "./tcp-relay";
