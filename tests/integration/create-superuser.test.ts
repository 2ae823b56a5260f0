// `npm run create-superuser`: the core (lib/auth/superuser.ts) with a scripted operator, and the
// script itself spawned the way a deploy script would run it (no terminal, flags or SUPERUSER_*).
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { signInWithPassword } from "@/lib/auth/credentials";
import { verifyPassword } from "@/lib/auth/password";
import { askForSuperuser, createSuperuser, SuperuserError, type Prompter } from "@/lib/auth/superuser";
import { db, disconnectDb } from "@/lib/db/client";
import { createUser } from "@/lib/db/users";
import { freePort } from "@/scripts/stack/ports";

afterAll(() => disconnectDb());

const ARGON2ID = /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/;

function newAdmin() {
  const id = randomUUID().replace(/-/g, "").slice(0, 8);
  return {
    email: `root${id}@example.test`,
    username: `root_${id}`,
    name: "Root Admin",
    password: `quiet-harbour-${id}`,
  };
}

async function storedUser(email: string) {
  return db.user.findUnique({ where: { email } });
}

describe("createSuperuser", () => {
  it("stores a verified ADMIN with an argon2id hash who can sign in", async () => {
    const input = newAdmin();
    const created = await createSuperuser({ ...input, email: `  ${input.email.toUpperCase()} ` });
    expect(created).toMatchObject({ email: input.email, username: input.username, name: input.name });
    const row = await storedUser(input.email);
    expect(row).toMatchObject({ id: created.id, role: "ADMIN", deactivatedAt: null });
    expect(row?.emailVerifiedAt).toBeInstanceOf(Date);
    expect(row?.passwordHash).toMatch(ARGON2ID);
    expect(await verifyPassword(row?.passwordHash ?? "", input.password)).toBe(true);
    expect(
      await signInWithPassword({ identifier: input.username, password: input.password }, "10.9.0.1"),
    ).toMatchObject({ ok: true, userId: created.id });
  });

  it("refuses what sign-up refuses, naming the field", async () => {
    const input = newAdmin();
    const cases: [Partial<typeof input>, string, RegExp][] = [
      [{ password: "password123" }, "password", /too common/],
      [{ password: "Password123" }, "password", /too common/],
      [{ password: "short7!" }, "password", /at least 8 characters/],
      [{ password: "x".repeat(129) }, "password", /at most 128 characters/],
      [{ password: input.username }, "password", /must not be your username or email/],
      [{ email: "not-an-address" }, "email", /valid email address/],
      [{ username: "No Spaces" }, "username", /letters, digits and underscores/],
      [{ name: "   " }, "name", /Enter your name/],
    ];
    for (const [change, field, message] of cases) {
      const attempt = createSuperuser({ ...input, ...change });
      await expect(attempt).rejects.toBeInstanceOf(SuperuserError);
      await expect(attempt).rejects.toMatchObject({ field, message: expect.stringMatching(message) });
    }
    expect(await storedUser(input.email)).toBeNull();
  });

  it("refuses an email or username another account has, and changes nothing", async () => {
    const member = newAdmin();
    await createUser({ email: member.email, username: member.username, name: "Member", passwordHash: null });
    await expect(createSuperuser({ ...newAdmin(), email: member.email.toUpperCase() })).rejects.toMatchObject({
      field: "email",
      message: `An account with the email ${member.email} already exists.`,
    });
    await expect(createSuperuser({ ...newAdmin(), username: member.username })).rejects.toMatchObject({
      field: "username",
      message: `The username ${member.username} is already taken.`,
    });
    expect((await storedUser(member.email))?.role).toBe("MEMBER");
  });
});

/** Answers questions from a list and records the conversation. */
function scripted(answers: string[]): Prompter & { transcript: string[] } {
  const transcript: string[] = [];
  return {
    transcript,
    async ask(question, options) {
      const answer = answers.shift();
      if (answer === undefined) throw new Error(`unexpected question: ${question}`);
      transcript.push(`${question}${options?.hidden ? "<hidden>" : answer}`);
      return answer;
    },
    say(line) {
      transcript.push(line.trim());
    },
  };
}

describe("askForSuperuser (the interactive conversation)", () => {
  it("asks again with the reason until each answer is acceptable, confirming the hidden password", async () => {
    const taken = newAdmin();
    await createUser({ email: taken.email, username: taken.username, name: "Taken", passwordHash: null });
    const want = newAdmin();
    const prompter = scripted([
      "nope",
      taken.email,
      want.email,
      "x",
      taken.username,
      want.username,
      "",
      want.name,
      "password123",
      want.password,
      "typo",
      want.password,
      want.password,
    ]);
    expect(await askForSuperuser(prompter, {})).toEqual(want);
    expect(prompter.transcript).toEqual([
      "Email: nope",
      "Enter a valid email address, like name@example.com.",
      `Email: ${taken.email}`,
      `An account with the email ${taken.email} already exists.`,
      `Email: ${want.email}`,
      "Username: x",
      "Usernames have at least 3 characters.",
      `Username: ${taken.username}`,
      `The username ${taken.username} is already taken.`,
      `Username: ${want.username}`,
      "Name: ",
      "Enter your name.",
      `Name: ${want.name}`,
      "Password: <hidden>",
      "This password is too common. Choose something harder to guess.",
      "Password: <hidden>",
      "Password (again): <hidden>",
      "The two passwords differ. Try again.",
      "Password: <hidden>",
      "Password (again): <hidden>",
    ]);
  });

  it("uses preset values without asking, and asks again only for an unusable one", async () => {
    const want = newAdmin();
    const prompter = scripted([want.username]);
    const answers = await askForSuperuser(prompter, { ...want, username: "Bad Name" });
    expect(answers).toEqual(want);
    expect(prompter.transcript).toEqual(["Use only letters, digits and underscores.", `Username: ${want.username}`]);
  });
});

function runScript(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith("SUPERUSER_")),
  ) as NodeJS.ProcessEnv;
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/create-superuser.ts", ...args],
      // stdin is a pipe, not a terminal: the script must not prompt.
      { env: { ...inherited, ...env }, stdio: ["pipe", "pipe", "pipe"] },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end();
  });
}

describe("npm run create-superuser (non-interactive)", () => {
  it("creates the admin from SUPERUSER_* variables and prints it", async () => {
    const input = newAdmin();
    const { code, stdout, stderr } = await runScript([], {
      SUPERUSER_EMAIL: input.email,
      SUPERUSER_USERNAME: input.username,
      SUPERUSER_NAME: input.name,
      SUPERUSER_PASSWORD: input.password,
    });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const row = await storedUser(input.email);
    expect(row).toMatchObject({ username: input.username, name: input.name, role: "ADMIN" });
    expect(row?.emailVerifiedAt).not.toBeNull();
    expect(row?.passwordHash).toMatch(ARGON2ID);
    expect(await verifyPassword(row?.passwordHash ?? "", input.password)).toBe(true);
    expect(stdout).toContain(`Created administrator ${input.username} <${input.email}> (id ${row?.id})`);
  });

  it("takes flags over variables", async () => {
    const input = newAdmin();
    const { code } = await runScript(
      ["--email", input.email, "--username", input.username, `--name=${input.name}`, "--password", input.password],
      { SUPERUSER_EMAIL: "ignored@example.test" },
    );
    expect(code).toBe(0);
    expect((await storedUser(input.email))?.role).toBe("ADMIN");
    expect(await storedUser("ignored@example.test")).toBeNull();
  });

  it("refuses a common password with exit code 1 and one line", async () => {
    const input = newAdmin();
    const { code, stdout, stderr } = await runScript([], {
      SUPERUSER_EMAIL: input.email,
      SUPERUSER_USERNAME: input.username,
      SUPERUSER_NAME: input.name,
      SUPERUSER_PASSWORD: "password123",
    });
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.trim()).toBe("✖ Password: This password is too common. Choose something harder to guess.");
    expect(await storedUser(input.email)).toBeNull();
  });

  it("refuses a taken email in one line", async () => {
    const member = newAdmin();
    await createUser({ email: member.email, username: member.username, name: "Member", passwordHash: null });
    const input = newAdmin();
    const { code, stderr } = await runScript(
      ["--email", member.email, "--username", input.username, "--name", input.name, "--password", input.password],
      {},
    );
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(`✖ An account with the email ${member.email} already exists.`);
  });

  it("names every missing flag and variable instead of prompting", async () => {
    const { code, stderr } = await runScript(["--email", newAdmin().email], { SUPERUSER_NAME: "Root" });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      "✖ Not at a terminal, so nothing can be asked: missing --username (or SUPERUSER_USERNAME), --password (or SUPERUSER_PASSWORD).",
    );
  });

  it("says in one line that the database cannot be reached", async () => {
    const deadPort = await freePort();
    const { code, stderr } = await runScript([], {
      ...Object.fromEntries(Object.entries(newAdmin()).map(([k, v]) => [`SUPERUSER_${k.toUpperCase()}`, v])),
      DATABASE_URL: `postgresql://postgres@127.0.0.1:${deadPort}/roomful`,
    });
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(
      new RegExp(`^✖ Cannot reach the database at 127\\.0\\.0\\.1:${deadPort}/roomful \\(DATABASE_URL\\): [^\\n]+$`),
    );
  });
});
