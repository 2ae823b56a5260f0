// A soketi of the test file's own, for tests that stop the realtime server: the others keep the
// run's shared one. Points this worker's PUSHER_PORT at it for the file's lifetime.
import { tmpdir } from "node:os";
import { afterAll, beforeAll } from "vitest";
import type { ChildService } from "@/scripts/stack/child-service";
import { freePort } from "@/scripts/stack/ports";
import { startSoketi } from "@/scripts/stack/soketi";

/** Starts it before the file's tests and stops it after; `stop()` ends it early (an outage). */
export function ownSoketiForThisFile(): { stop(): Promise<void> } {
  let soketi: ChildService | undefined;
  beforeAll(async () => {
    const port = await freePort();
    soketi = await startSoketi({
      port,
      clusterPort: await freePort(),
      appId: process.env.PUSHER_APP_ID ?? "",
      key: process.env.PUSHER_KEY ?? "",
      secret: process.env.PUSHER_SECRET ?? "",
      configDir: tmpdir(),
    });
    process.env.PUSHER_PORT = String(port);
  });
  afterAll(() => soketi?.stop());
  return { stop: async () => soketi?.stop() };
}
