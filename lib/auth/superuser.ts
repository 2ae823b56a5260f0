// Creating an administrator from the command line (`npm run create-superuser`): the checks a
// sign-up gets, then a verified ADMIN row. The script only gathers the answers (flags, environment
// or prompts); everything it decides lives here so that tests can drive it.
import "server-only";
import { isUniqueViolation } from "../db/unique-violation";
import { createUser, findTakenIdentities } from "../db/users";
import { displayNameSchema, emailSchema, newPasswordSchema, usernameSchema } from "../validation/account";
import { hashPassword } from "./password";
import { passwordProblem } from "./password-policy";

export interface SuperuserInput {
  email: string;
  username: string;
  name: string;
  password: string;
}

export type SuperuserField = keyof SuperuserInput;

/** Where each answer can come from when nobody is at the keyboard. */
export const SUPERUSER_SOURCES: Record<SuperuserField, { flag: string; variable: string; label: string }> = {
  email: { flag: "--email", variable: "SUPERUSER_EMAIL", label: "Email" },
  username: { flag: "--username", variable: "SUPERUSER_USERNAME", label: "Username" },
  name: { flag: "--name", variable: "SUPERUSER_NAME", label: "Name" },
  password: { flag: "--password", variable: "SUPERUSER_PASSWORD", label: "Password" },
};

export const SUPERUSER_FIELDS = Object.keys(SUPERUSER_SOURCES) as SuperuserField[];

/** A refusal the operator can act on; `field` says which answer to change. */
export class SuperuserError extends Error {
  override name = "SuperuserError";
  constructor(
    readonly field: SuperuserField | null,
    message: string,
  ) {
    super(message);
  }
}

export type Checked = { ok: true; value: string } | { ok: false; problem: string };

function viaSchema(
  schema: typeof emailSchema | typeof usernameSchema | typeof displayNameSchema,
  raw: string,
): Checked {
  const parsed = schema.safeParse(raw);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, problem: parsed.error.issues[0]?.message ?? "Not valid." };
}

/** Normalised (trimmed, lower-case) address, or why it is refused; the sign-up form's rules. */
export const checkEmail = (raw: string): Checked => viaSchema(emailSchema, raw);
export const checkUsername = (raw: string): Checked => viaSchema(usernameSchema, raw);
export const checkName = (raw: string): Checked => viaSchema(displayNameSchema, raw);

/** The sign-up policy exactly: the zod length bounds, then the common / own-name checks. */
export function checkPassword(password: string, context: { email?: string; username?: string } = {}): Checked {
  const parsed = newPasswordSchema.safeParse(password);
  if (!parsed.success) return { ok: false, problem: parsed.error.issues[0]?.message ?? "Not a valid password." };
  const problem = passwordProblem(password, context);
  return problem ? { ok: false, problem } : { ok: true, value: password };
}

/** Why `email` / `username` cannot be used because another account has it, per field. */
export async function takenProblems(input: {
  email?: string;
  username?: string;
}): Promise<Partial<Record<"email" | "username", string>>> {
  const taken = await findTakenIdentities(input);
  return {
    ...(taken.email ? { email: `An account with the email ${input.email} already exists.` } : {}),
    ...(taken.username ? { username: `The username ${input.username} is already taken.` } : {}),
  };
}

/** Every format and policy check, without the database; throws on the first refusal. */
export function validateSuperuser(input: SuperuserInput): SuperuserInput {
  const checked = {} as SuperuserInput;
  for (const [field, check] of [
    ["email", checkEmail],
    ["username", checkUsername],
    ["name", checkName],
  ] as const) {
    const result = check(input[field]);
    if (!result.ok) throw new SuperuserError(field, `${SUPERUSER_SOURCES[field].label}: ${result.problem}`);
    checked[field] = result.value;
  }
  const password = checkPassword(input.password, { email: checked.email, username: checked.username });
  if (!password.ok) throw new SuperuserError("password", `Password: ${password.problem}`);
  checked.password = password.value;
  return checked;
}

export interface CreatedSuperuser {
  id: string;
  email: string;
  username: string;
  name: string;
}

/** Checks everything (including that email and username are free) and stores a verified ADMIN. */
export async function createSuperuser(input: SuperuserInput, now = new Date()): Promise<CreatedSuperuser> {
  const { email, username, name, password } = validateSuperuser(input);
  const assertFree = async () => {
    const taken = await takenProblems({ email, username });
    if (taken.email) throw new SuperuserError("email", taken.email);
    if (taken.username) throw new SuperuserError("username", taken.username);
  };
  await assertFree();
  const passwordHash = await hashPassword(password);
  try {
    const user = await createUser({ email, username, name, passwordHash, emailVerifiedAt: now, role: "ADMIN" });
    return { id: user.id, email, username, name };
  } catch (error) {
    // Someone took the address or the name while we were hashing: say which.
    if (isUniqueViolation(error)) await assertFree();
    throw error;
  }
}

/** How the interactive script talks to the operator (readline in the script, a list in tests). */
export interface Prompter {
  ask(question: string, options?: { hidden?: boolean }): Promise<string>;
  say(line: string): void;
}

/**
 * Asks for whatever `preset` lacks (or holds an unusable value for), repeating a question with
 * the reason until the answer is acceptable. The password is asked twice, hidden.
 */
export async function askForSuperuser(
  prompter: Prompter,
  preset: Partial<SuperuserInput> = {},
): Promise<SuperuserInput> {
  const answer = async (
    field: "email" | "username" | "name",
    check: (raw: string) => Promise<Checked>,
  ): Promise<string> => {
    let raw = preset[field];
    for (;;) {
      if (raw === undefined) raw = await prompter.ask(`${SUPERUSER_SOURCES[field].label}: `);
      const result = await check(raw);
      if (result.ok) return result.value;
      prompter.say(`  ${result.problem}`);
      raw = undefined;
    }
  };
  const free =
    (field: "email" | "username", check: (raw: string) => Checked) =>
    async (raw: string): Promise<Checked> => {
      const result = check(raw);
      if (!result.ok) return result;
      const problem = (await takenProblems({ [field]: result.value }))[field];
      return problem ? { ok: false, problem } : result;
    };

  const email = await answer("email", free("email", checkEmail));
  const username = await answer("username", free("username", checkUsername));
  const name = await answer("name", async (raw) => checkName(raw));

  let password = preset.password;
  for (;;) {
    const fromPreset = password !== undefined;
    password ??= await prompter.ask("Password: ", { hidden: true });
    const result = checkPassword(password, { email, username });
    if (!result.ok) {
      prompter.say(`  ${result.problem}`);
      password = undefined;
      continue;
    }
    // A password given by flag or environment was typed once on purpose; one typed here is confirmed.
    if (!fromPreset && (await prompter.ask("Password (again): ", { hidden: true })) !== password) {
      prompter.say("  The two passwords differ. Try again.");
      password = undefined;
      continue;
    }
    return { email, username, name, password };
  }
}
