// Starts `next dev`, or the production server `npm start` runs (scripts/serve.ts over a build), as a child of the
// launcher, on a checked port.
import path from "node:path";
import { spawnService, type ChildService, type EnvVars } from "./child-service";
import { waitForPort } from "./ports";

export interface NextServerOptions {
  mode: "dev" | "start";
  port: number;
  env: EnvVars;
  /** Show Next's own output (dev) or keep it for error reports only (tests). */
  inheritOutput: boolean;
  /** Directory for V8 CPU profiles of the server (`node --cpu-prof`, written when it stops); none when unset. */
  cpuProfileDir?: string;
}

/**
 * Node's arguments for the production server: tsx compiles scripts/serve.ts, the build serves the rest. Node
 * flags (`--cpu-prof`, refused in NODE_OPTIONS) go first.
 */
export function productionServerArgs({
  port,
  hostname,
  nodeFlags = [],
}: {
  port: number;
  hostname?: string;
  nodeFlags?: string[];
}): string[] {
  return [
    ...nodeFlags,
    "--import",
    "tsx",
    path.resolve("scripts/serve.ts"),
    "--port",
    String(port),
    ...(hostname ? ["--hostname", hostname] : []),
  ];
}

export function startNext(options: NextServerOptions): Promise<ChildService> {
  const profile = options.cpuProfileDir
    ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}`, "--cpu-prof-interval=250"]
    : [];
  const args =
    options.mode === "dev"
      ? [
          path.resolve("node_modules/next/dist/bin/next"),
          "dev",
          "--port",
          String(options.port),
          "--hostname",
          "0.0.0.0",
        ]
      : productionServerArgs({ port: options.port, hostname: "0.0.0.0", nodeFlags: profile });
  return spawnService({
    name: options.mode === "dev" ? "next dev" : `npm start's server${profile.length ? " (profiled)" : ""}`,
    command: process.execPath,
    args,
    env: { NEXT_TELEMETRY_DISABLED: "1", ...options.env },
    inheritOutput: options.inheritOutput,
    ready: () => waitForPort(options.port, "127.0.0.1", 120_000),
    // A profiled server writes its profile as it exits.
    stopTimeoutMs: profile.length ? 20_000 : 10_000,
  });
}
