// A focus announcer in a process of its own (its own database pool), for tests/integration/focus-sessions.test.ts: a
// second app instance announcing beside the test's own. Prints "ready" once started; SIGTERM stops it.
// Run with tsx --conditions=react-server.
import { disconnectDb } from "@/lib/db/client";
import { createFocusAnnouncer } from "@/lib/focus/announcer";

const announcer = createFocusAnnouncer({ pollMs: 100 });
// The announcer's timers are unref'd (they never keep a server alive); this one keeps the drill running.
const alive = setInterval(() => undefined, 1_000);
process.on("SIGTERM", () => {
  announcer.stop();
  clearInterval(alive);
  void disconnectDb().finally(() => process.exit(0));
});
console.log("ready");
