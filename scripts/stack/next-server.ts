// Starts `next dev` or `next start` as a child of the launcher, on a checked port.
import path from "node:path";
import { spawnService, type ChildService, type EnvVars } from "./child-service";
import { waitForPort } from "./ports";

export interface NextServerOptions {
  mode: "dev" | "start";
  port: number;
  env: EnvVars;
  /** Show Next's own output (dev) or keep it for error reports only (tests). */
  inheritOutput: boolean;
}

export function startNext(options: NextServerOptions): Promise<ChildService> {
  return spawnService({
    name: `next ${options.mode}`,
    command: process.execPath,
    args: [
      path.resolve("node_modules/next/dist/bin/next"),
      options.mode,
      "--port",
      String(options.port),
      "--hostname",
      "0.0.0.0",
    ],
    env: { NEXT_TELEMETRY_DISABLED: "1", ...options.env },
    inheritOutput: options.inheritOutput,
    ready: () => waitForPort(options.port, "127.0.0.1", 120_000),
    stopTimeoutMs: 10_000,
  });
}
