// One away-email tick in a process of its own, for the crash drill in tests/integration/away-emails.test.ts: the test
// aims its SMTP at a relay that stalls, then kills this process mid-send. Run with tsx --conditions=react-server.
import { disconnectDb } from "@/lib/db/client";
import { runAwayEmailTick } from "@/lib/notifications/away-emails";

const report = await runAwayEmailTick({ now: new Date(Number(process.env.AWAY_TICK_NOW)), delayMs: 0 });
console.log(JSON.stringify(report));
await disconnectDb();
