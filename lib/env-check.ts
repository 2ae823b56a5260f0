// Called by instrumentation.ts when a Node.js server starts: a bad configuration stops the
// process with the variable's name instead of failing on the first request that needs it.
import { env, EnvError } from "./env";
import { log } from "./log";

export function checkEnvOrExit(): void {
  try {
    env();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    log.fatal(error.message);
    process.exit(1);
  }
}
