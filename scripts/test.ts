// `npm test`: lint and types, then one production build shared by Vitest's production-server checks and the
// browser tests (each used to build its own), then Vitest, then Playwright. Extra arguments go to neither: run
// `npm run test:unit` or `npm run test:e2e` for a part of the suite.
import { spawn } from "node:child_process";
import { E2E_DIST_DIR } from "../e2e/support/e2e-config";
import { buildNext } from "./stack/next-build";
import { StackError } from "./stack/ports";
import { runMain } from "./stack/run-main";

/** Runs an npm script with `env` added, output shown as it comes; rejects when it fails. */
function npmRun(script: string, env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", script], {
      env: { ...process.env, ...env },
      stdio: "inherit",
      shell: process.platform === "win32",
    });
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new StackError(`npm run ${script} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

const started = Date.now();

/** Each step's heading says when it starts, so a slow run shows which step took the time. */
function step(title: string): void {
  console.log(`\n--- ${title} (at ${Math.round((Date.now() - started) / 1000)} s)`);
}

runMain(async () => {
  step("lint and types (npm run check)");
  await npmRun("check");

  step(`production build for the tests (${E2E_DIST_DIR})`);
  // The app reads its configuration when it starts, so one build serves every test server.
  await buildNext(E2E_DIST_DIR, { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" });

  step("Vitest: unit and integration tests (npm run test:unit)");
  await npmRun("test:unit", { OPS_TEST_DIST_DIR: E2E_DIST_DIR, OPS_TEST_REUSE_BUILD: "1" });

  step("Playwright: browser tests on the build (npm run test:e2e)");
  await npmRun("test:e2e", { E2E_SKIP_BUILD: "1" });

  console.log(`\nAll tests passed in ${Math.round((Date.now() - started) / 1000)} s.`);
});
