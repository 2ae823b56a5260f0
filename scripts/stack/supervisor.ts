// Keeps a piece of the local stack (PostgreSQL, soketi, the mail catcher) running under `npm run dev`: when one exits
// without being asked, it says which and how, starts it again on the same port a few times with a growing pause, and
// past that hands the caller a StackError so the launcher stops everything instead of serving errors.
import type { ServiceExit } from "./child-service";
import { StackError } from "./ports";

/** What the supervisor needs of a running piece: a ChildService, or the embedded PostgreSQL (./postgres.ts). */
export interface WatchedPiece {
  /** Settles when the piece has ended, asked to or not. */
  exited: Promise<ServiceExit>;
  recentOutput(): string;
  stop(): Promise<void>;
}

export interface SuperviseOptions<P extends WatchedPiece> {
  /** Named in every line, e.g. "soketi (port 6001)". */
  name: string;
  /** Starts the piece again with the first start's settings (so on the same port). */
  restart: () => Promise<P>;
  /** Restarts in a row before giving up. */
  maxRestarts?: number;
  /** Pause before restart `attempt` (1, 2, …); doubles from half a second by default. */
  backoffMs?: (attempt: number) => number;
  /** A piece up this long has recovered: the next death starts the count afresh. */
  stableMs?: number;
  log?: (message: string) => void;
  /** Called once, after the last restart failed; the piece is stopped by then. */
  onGiveUp: (error: StackError) => void;
}

export interface Supervised<P extends WatchedPiece> {
  /** The running instance (a new one after each restart). */
  readonly current: P;
  readonly restarts: number;
  /** Stops watching, then the piece: an exit from here on is expected. */
  stop(): Promise<void>;
}

const OUTPUT_LINES = 12;

/** "exit code 1", "signal SIGKILL" */
export function describeExit({ code, signal }: ServiceExit): string {
  return signal ? `signal ${signal}` : `exit code ${code ?? "unknown"}`;
}

function lastLines(output: string): string {
  const lines = output.split("\n").filter((line) => line.trim() !== "");
  if (lines.length === 0) return "  (it printed nothing)";
  return lines
    .slice(-OUTPUT_LINES)
    .map((line) => `  | ${line}`)
    .join("\n");
}

export function supervise<P extends WatchedPiece>(first: P, options: SuperviseOptions<P>): Supervised<P> {
  const { name, maxRestarts = 3, stableMs = 30_000 } = options;
  const backoffMs = options.backoffMs ?? ((attempt: number) => 500 * 2 ** (attempt - 1));
  const log = options.log ?? ((message: string) => console.error(message));
  let current = first;
  let restarts = 0;
  let inARow = 0;
  let stopped = false;
  let wake: (() => void) | undefined;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function watch(piece: P): Promise<void> {
    const startedAt = Date.now();
    const exit = await piece.exited;
    if (stopped) return;
    if (Date.now() - startedAt >= stableMs) inARow = 0;
    log(
      `\n✖ ${name} stopped unexpectedly (${describeExit(exit)}). Its last output:\n${lastLines(piece.recentOutput())}`,
    );

    let lastFailure = `it stopped with ${describeExit(exit)}`;
    while (inARow < maxRestarts) {
      inARow++;
      const wait = backoffMs(inARow);
      log(`  Restarting ${name} in ${(wait / 1000).toFixed(1)} s (attempt ${inARow} of ${maxRestarts})…`);
      await pause(wait);
      if (stopped) return;
      try {
        current = await options.restart();
      } catch (error) {
        lastFailure = error instanceof Error ? error.message : String(error);
        log(`  ${name} did not start again: ${lastFailure}`);
        continue;
      }
      if (stopped) return void (await current.stop());
      restarts++;
      log(`✔ ${name} is running again.`);
      void watch(current);
      return;
    }
    options.onGiveUp(
      new StackError(
        `${name} keeps stopping and could not be restarted (${maxRestarts} attempts; last: ${lastFailure}). ` +
          `Stopping everything: fix the cause above, then run \`npm run dev\` again.`,
      ),
    );
  }

  void watch(first);
  return {
    get current() {
      return current;
    },
    get restarts() {
      return restarts;
    },
    async stop() {
      stopped = true;
      wake?.();
      await current.stop();
    },
  };
}
