// The benchmarks run outside Next (tsx with the react-server condition, as `npm run bench:*` does)
// and import the app's data modules. A module that pulls in a client-side Next API (next/navigation
// needs React's createContext, which the react-server build of React lacks) breaks them at the
// import, and CI does not run the benchmarks, so this test loads every module they import.
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const benchDirs = ["tests/bench", "tests/bench/support"];

/** Every `lib/` module a benchmark imports, statically or with `await import(...)`, as a root-relative path. */
function libModulesOfBenchmarks(): string[] {
  const modules = new Set<string>();
  for (const dir of benchDirs) {
    for (const file of readdirSync(path.join(root, dir)).filter((name) => name.endsWith(".ts"))) {
      const source = readFileSync(path.join(root, dir, file), "utf8");
      for (const [, specifier] of source.matchAll(/(?:from|import\()\s*"(\.[^"]*\/lib\/[^"]+)"/g)) {
        modules.add(path.relative(root, path.resolve(root, dir, specifier!)));
      }
    }
  }
  return [...modules].sort();
}

describe("benchmark imports", () => {
  const modules = libModulesOfBenchmarks();

  it("finds the data modules the benchmarks use", () => {
    expect(modules).toContain("lib/db/rooms");
    expect(modules).toContain("lib/chat/unread");
  });

  it("loads each of them under tsx with the react-server condition", async () => {
    const script = modules.map((module) => `await import(${JSON.stringify(`./${module}.ts`)});`).join("\n");
    const { stderr } = await promisify(execFile)(
      process.execPath,
      ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "--input-type=module", "-e", script],
      { cwd: root, env: { ...process.env, NODE_ENV: "test" } },
    ).catch((error: { stderr?: string }) => ({ stderr: `failed: ${error.stderr ?? String(error)}` }));
    expect(stderr).not.toMatch(/failed|Error/);
  });
});
