// `next build` for the browser tests and benchmarks, into a build directory of their own. Next
// adds each build directory's type globs to the tsconfig it is given, so these builds get a
// throwaway tsconfig beside the build (tsconfig.json stays as committed) and skip Next's own type
// check, which `npm run check` already runs once for the whole tree.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { EnvVars } from "./child-service";
import { StackError } from "./ports";

/** Where a build directory's own tsconfig lives: outside it, since `next build` empties it first. */
export function buildTsconfigPath(distDir: string): string {
  return path.join(".next-tsconfig", `${path.basename(distDir)}.json`);
}

function writeBuildTsconfig(distDir: string): string {
  const file = buildTsconfigPath(distDir);
  mkdirSync(path.dirname(file), { recursive: true });
  // Paths in an extended config stay relative to the file that sets them (tsconfig.json's own).
  writeFileSync(
    file,
    `${JSON.stringify({ extends: "../tsconfig.json", include: ["../next-env.d.ts", "../**/*.ts", "../**/*.tsx"] }, null, 2)}\n`,
  );
  return file;
}

/** `quiet` keeps Next's output for the error message instead of showing it. */
export function buildNext(distDir: string, env: EnvVars, { quiet = false }: { quiet?: boolean } = {}): Promise<void> {
  const tsconfig = writeBuildTsconfig(distDir);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], {
      env: {
        ...env,
        NEXT_DIST_DIR: distDir,
        NEXT_TSCONFIG_PATH: tsconfig,
        NEXT_SKIP_TYPECHECK: "1",
        NEXT_TELEMETRY_DISABLED: "1",
      } as unknown as NodeJS.ProcessEnv,
      stdio: ["ignore", quiet ? "pipe" : "inherit", quiet ? "pipe" : "inherit"],
    });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new StackError(`next build failed (exit ${code})${output ? `:\n${output}` : ""}`)),
    );
  });
}
