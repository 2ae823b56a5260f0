// Called by instrumentation.ts when a Node.js server starts: a bad configuration stops the
// process with the variable's name instead of failing on the first request that needs it.
import { env, EnvError } from "./env";

export function checkEnvOrExit(): void {
  try {
    env();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`\n✖ ${error.message}\n`);
    process.exit(1);
  }
}
