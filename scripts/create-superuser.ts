// `npm run create-superuser`: makes a verified ADMIN account. Asks at a terminal (the password
// hidden and confirmed); in scripts takes --email/--username/--name/--password or SUPERUSER_*.
import readline from "node:readline";
import { Writable } from "node:stream";
import { parseArgs } from "node:util";
import {
  askForSuperuser,
  createSuperuser,
  SUPERUSER_FIELDS,
  SUPERUSER_SOURCES,
  SuperuserError,
  validateSuperuser,
  type Prompter,
  type SuperuserInput,
} from "../lib/auth/superuser";
import { disconnectDb } from "../lib/db/client";
import { env } from "../lib/env";
import { assertDatabaseReachable } from "./stack/database";
import { loadDotEnv } from "./stack/load-env";
import { StackError } from "./stack/ports";
import { runMain } from "./stack/run-main";

const USAGE = `Usage: npm run create-superuser [-- --email <address> --username <name> --name <display name> --password <password>]

At a terminal, asks for whatever is not given. Otherwise (stdin is not a terminal) every value is
needed, from the flags or from SUPERUSER_EMAIL, SUPERUSER_USERNAME, SUPERUSER_NAME and
SUPERUSER_PASSWORD (prefer the variable or the prompt for the password: flags end up in shell
history). Uses DATABASE_URL, or the database of \`npm run dev\` when it is unset.`;

function readFlags(argv: string[]): { values: Partial<SuperuserInput>; help: boolean } {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        email: { type: "string" },
        username: { type: "string" },
        name: { type: "string" },
        password: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    });
    const { help, ...input } = values;
    return { values: input, help: help === true };
  } catch (error) {
    throw new StackError(
      `${error instanceof Error ? error.message : String(error)} (see npm run create-superuser -- --help)`,
    );
  }
}

/** Flags first, then SUPERUSER_* variables; an empty variable counts as unset. */
function presetFrom(flags: Partial<SuperuserInput>, source: NodeJS.ProcessEnv): Partial<SuperuserInput> {
  const preset: Partial<SuperuserInput> = {};
  for (const field of SUPERUSER_FIELDS) {
    const value = flags[field] ?? (source[SUPERUSER_SOURCES[field].variable] || undefined);
    if (value !== undefined) preset[field] = value;
  }
  return preset;
}

function requireAll(preset: Partial<SuperuserInput>): SuperuserInput {
  const missing = SUPERUSER_FIELDS.filter((field) => preset[field] === undefined);
  if (missing.length > 0) {
    const names = missing.map((f) => `${SUPERUSER_SOURCES[f].flag} (or ${SUPERUSER_SOURCES[f].variable})`).join(", ");
    throw new StackError(`Not at a terminal, so nothing can be asked: missing ${names}.`);
  }
  return preset as SuperuserInput;
}

/** Swallows what readline echoes while a hidden answer is typed. */
class EchoGate extends Writable {
  muted = false;
  override _write(chunk: Buffer, encoding: BufferEncoding, done: () => void): void {
    if (!this.muted) process.stdout.write(chunk, encoding);
    done();
  }
}

function terminalPrompter(): Prompter & { close(): void } {
  const output = new EchoGate();
  const rl = readline.createInterface({ input: process.stdin, output, terminal: true });
  let pending: ((error: Error) => void) | undefined;
  rl.on("SIGINT", () => {
    process.stdout.write("\n");
    pending?.(new StackError("Cancelled; nothing was created."));
  });
  rl.on("close", () => pending?.(new StackError("Cancelled; nothing was created.")));
  return {
    ask(question, options = {}) {
      return new Promise<string>((resolve, reject) => {
        pending = reject;
        // A visible question is readline's prompt (it redraws it while typing); a hidden one is
        // written before the echo is muted.
        const hidden = options.hidden === true;
        if (hidden) process.stdout.write(question);
        output.muted = hidden;
        rl.question(hidden ? "" : question, (value) => {
          pending = undefined;
          if (output.muted) process.stdout.write("\n");
          output.muted = false;
          resolve(value);
        });
      });
    },
    say(line) {
      process.stdout.write(`${line}\n`);
    },
    close() {
      pending = undefined;
      rl.close();
    },
  };
}

runMain(async () => {
  loadDotEnv(process.env.NODE_ENV !== "production");
  const flags = readFlags(process.argv.slice(2));
  if (flags.help) {
    console.log(USAGE);
    return;
  }
  const preset = presetFrom(flags.values, process.env);
  const interactive = process.stdin.isTTY === true;

  try {
    // Without a terminal, refuse bad input before touching the database.
    const given = interactive ? undefined : validateSuperuser(requireAll(preset));
    // The app's own rules: DATABASE_URL, or npm run dev's embedded database outside production.
    const { DATABASE_URL, APP_URL } = env();
    await assertDatabaseReachable(DATABASE_URL).catch((error: unknown) => {
      if (process.env.DATABASE_URL || !(error instanceof StackError)) throw error;
      throw new StackError(
        `${error.message}. DATABASE_URL is unset, so this is npm run dev's database: start npm run dev first, or set DATABASE_URL.`,
      );
    });

    let input = given;
    if (!input) {
      console.log("Create a Roomful administrator (Ctrl-C to cancel).");
      const prompter = terminalPrompter();
      try {
        input = await askForSuperuser(prompter, preset);
      } finally {
        prompter.close();
      }
    }
    const admin = await createSuperuser(input);
    console.log(`✔ Created administrator ${admin.username} <${admin.email}> (id ${admin.id}), email verified.`);
    console.log(`  Sign in at ${APP_URL}/login`);
  } catch (error) {
    if (error instanceof SuperuserError) throw new StackError(error.message);
    throw error;
  } finally {
    await disconnectDb();
  }
});
