// A soketi of the test file's own, for tests that stop the realtime server or need other settings (a short
// sign-in timeout): the others keep the run's shared one. Points this worker's PUSHER_PORT at it for the file's
// lifetime.
import { tmpdir } from "node:os";
import { afterAll, beforeAll } from "vitest";
import type { ChildService } from "@/scripts/stack/child-service";
import { freePort } from "@/scripts/stack/ports";
import { startSoketi } from "@/scripts/stack/soketi";

/** Starts it before the file's tests, stops it after; `stop()` ends it early (an outage), `start()` brings it back. */
export function ownSoketiForThisFile(options: { userAuthenticationTimeoutMs?: number } = {}): {
  stop(): Promise<void>;
  start(): Promise<void>;
  port(): number;
} {
  let soketi: ChildService | undefined;
  let ports: { port: number; clusterPort: number } | undefined;
  // Again on the same ports, so that clients reconnect to where they were.
  const start = async () => {
    ports ??= { port: await freePort(), clusterPort: await freePort() };
    soketi = await startSoketi({
      ...ports,
      appId: process.env.PUSHER_APP_ID ?? "",
      key: process.env.PUSHER_KEY ?? "",
      secret: process.env.PUSHER_SECRET ?? "",
      configDir: tmpdir(),
      userAuthenticationTimeoutMs: options.userAuthenticationTimeoutMs,
    });
    process.env.PUSHER_PORT = String(ports.port);
  };
  beforeAll(start);
  afterAll(() => soketi?.stop());
  return { stop: async () => soketi?.stop(), start, port: () => ports?.port ?? 0 };
}
