// Sign-up answers a new address and one that already has an account identically: the same redirect, the same
// cookies (a "check your inbox" flash, and no session for either), the same words. Only the inbox differs: a
// confirmation link for the new account, a "someone tried to sign up with your address" notice for the owner.
// The form action runs as Next.js would run it, with next/headers replaced by a recording cookie jar; what differs
// by address runs after the answer (after()), so it cannot show in the answer's timing either.
import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, inject, it, vi } from "vitest";

interface SetCookie {
  name: string;
  value: string;
  options: Record<string, unknown>;
}
const request = vi.hoisted(() => ({ set: [] as SetCookie[], ip: "", after: [] as Array<() => Promise<void>> }));
// after() needs Next's request scope; here its work waits in a list until the test runs it.
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: (work: () => Promise<void>) => request.after.push(work),
}));
vi.mock("next/headers", () => ({
  cookies: () =>
    Promise.resolve({
      get: () => undefined,
      has: () => false,
      set: (name: string, value: string, options: Record<string, unknown> = {}) =>
        request.set.push({ name, value, options }),
      delete: (name: string) => request.set.push({ name, value: "", options: { maxAge: 0 } }),
    }),
  headers: () => Promise.resolve(new Headers({ "x-forwarded-for": request.ip })),
}));

const { registerAction } = await import("@/app/(auth)/register/actions");
const { register } = await import("@/lib/auth/registration");
const { hashPassword } = await import("@/lib/auth/password");
const { db, disconnectDb } = await import("@/lib/db/client");
const { createUser } = await import("@/lib/db/users");
const { findMail } = await import("../support/mailbox");

const stack = inject("stack");
afterAll(() => disconnectDb());

let ipCounter = 0;
beforeEach(() => {
  request.set = [];
  ipCounter += 1;
  request.ip = `10.66.0.${ipCounter}`;
});

function identity(prefix = "su") {
  const id = randomUUID().replace(/-/g, "").slice(0, 10);
  return { email: `${prefix}${id}@example.test`, username: `${prefix}_${id}`, name: "Sign Up Test" };
}

async function existingAccount() {
  const who = identity("own");
  await createUser({ ...who, passwordHash: await hashPassword("owner-secret-pass"), emailVerifiedAt: new Date() });
  return who;
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

/** Everything the browser gets back from one submission, with the typed address (echoed to its typist) masked. */
async function answerTo(email: string) {
  request.set = [];
  const password = "plenty-long-secret";
  const submission = form({ ...identity(), email, password, confirmPassword: password });
  const outcome: unknown = await registerAction({ status: "idle" }, submission).catch((thrown: unknown) => thrown);
  // redirect() answers by throwing; its digest holds the kind, the URL and the status.
  const digest = (outcome as { digest?: unknown } | null)?.digest;
  const cookies = request.set.map(({ name, value, options }) => ({
    name,
    options,
    value:
      name === "roomful-flash"
        ? { ...(JSON.parse(value) as Record<string, unknown>), id: "<random>" }
        : `<${value.length} chars>`,
  }));
  return JSON.parse(
    JSON.stringify({ returned: digest ? null : outcome, redirect: digest ?? null, cookies }).replaceAll(
      email,
      "<typed email>",
    ),
  ) as { redirect: string | null; cookies: Array<{ name: string }> };
}

describe("sign-up with a new address and with one that has an account", () => {
  it("gets the same redirect, cookies and words, and no session either way", async () => {
    const owner = await existingAccount();
    const fresh = identity();

    const taken = await answerTo(owner.email);
    const created = await answerTo(fresh.email);

    expect(created).toEqual(taken);
    // Nothing that differs by address has run yet: the answer was complete without it.
    expect(await db.user.count({ where: { email: fresh.email } })).toBe(0);
    for (const work of request.after.splice(0)) await work();
    expect(taken.redirect).toMatch(/^NEXT_REDIRECT;\w+;\/login;/);
    expect(taken.cookies.map((c) => c.name)).toEqual(["roomful-flash"]);
    // The new account exists, unsigned-in; the owner's account is untouched and no second one appeared.
    expect(await db.user.count({ where: { email: fresh.email } })).toBe(1);
    expect(await db.user.count({ where: { email: owner.email } })).toBe(1);
    await findMail(stack.mailApiUrl, fresh.email, "Confirm your email for Roomful");
    await findMail(stack.mailApiUrl, owner.email, "Someone tried to sign up to Roomful with your email");
  });

  it("resolves identically in the core, whichever the address", async () => {
    const owner = await existingAccount();
    const password = "plenty-long-secret";
    const attempt = (email: string) =>
      register({ ...identity(), email, password, confirmPassword: password }, request.ip);
    expect(await attempt(identity().email)).toEqual(await attempt(owner.email));
  });
});
