// Runs a script's main function: configuration and stack errors print as one clear line (no
// stack trace), anything unexpected prints in full; either way the exit code is 1.
import { EnvError } from "../../lib/env";
import { StackError } from "./ports";

export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof StackError || error instanceof EnvError) {
      console.error(`\n✖ ${error.message}\n`);
    } else {
      console.error(error);
    }
    process.exit(1);
  });
}
