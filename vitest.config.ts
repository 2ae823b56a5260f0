// Vitest: unit tests and integration tests against real services (PostgreSQL, soketi, the
// mail catcher) started once per run by tests/support/global-setup.ts.
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // The marker package throws outside React Server Components; tests are server code.
      "server-only": path.join(root, "tests/support/server-only.ts"),
    },
  },
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/worker-setup.ts"],
    pool: "forks",
    // Integration tests mostly wait on PostgreSQL, soketi and timers: Vitest's default (one worker on two cores)
    // left a core idle; each file has a database of its own, so files may run side by side.
    maxWorkers: 3,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: { NODE_ENV: "test" },
  },
});
