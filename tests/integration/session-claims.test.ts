// readSessionClaims remembers cookies it decrypted (by their exact text) so that a signed-in member's requests skip
// the key derivation and decryption: a remembered cookie still expires on time, a forged or foreign one is never
// remembered, and the session version is still checked against the database on every request (getCurrentUser).
import { encode } from "next-auth/jwt";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

let cookie: string | undefined;
vi.mock("next/headers", () => ({
  cookies: () => Promise.resolve({ get: () => (cookie === undefined ? undefined : { value: cookie }) }),
}));

const { readSessionClaims } = await import("@/lib/auth/session-cookie");
const { getCurrentUser } = await import("@/lib/auth/session");
const { env } = await import("@/lib/env");
const { db, disconnectDb } = await import("@/lib/db/client");
const { person } = await import("../support/admin-fixtures");

const token = (claims: { sub: string; sv: number }, maxAge = 3600) =>
  encode({ token: { ...claims }, secret: env().NEXTAUTH_SECRET, maxAge });

afterEach(() => {
  vi.useRealTimers();
  cookie = undefined;
});
afterAll(() => disconnectDb());

describe("readSessionClaims", () => {
  it("gives the claims of a valid cookie, the first time and from memory after", async () => {
    cookie = await token({ sub: "user-one", sv: 3 });
    expect(await readSessionClaims()).toEqual({ sub: "user-one", sv: 3 });
    expect(await readSessionClaims()).toEqual({ sub: "user-one", sv: 3 });
  });

  it("refuses no cookie, a forged one, one of another secret and an expired one", async () => {
    expect(await readSessionClaims()).toBeNull();
    cookie = "not.a.jwe.token";
    expect(await readSessionClaims()).toBeNull();
    cookie = await encode({ token: { sub: "x", sv: 0 }, secret: "another-secret-another-secret-another!", maxAge: 60 });
    expect(await readSessionClaims()).toBeNull();
    cookie = await token({ sub: "expired", sv: 0 }, -60);
    expect(await readSessionClaims()).toBeNull();
  });

  it("lets a remembered cookie expire on time (after next-auth's 15 s leeway)", async () => {
    cookie = await token({ sub: "short-lived", sv: 0 }, 60);
    expect(await readSessionClaims()).toEqual({ sub: "short-lived", sv: 0 });
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 70_000 });
    expect(await readSessionClaims()).toEqual({ sub: "short-lived", sv: 0 });
    vi.setSystemTime(Date.now() + 10_000);
    expect(await readSessionClaims()).toBeNull();
  });
});

describe("getCurrentUser with a remembered cookie", () => {
  let member: Awaited<ReturnType<typeof person>>;
  beforeAll(async () => {
    member = await person("MEMBER");
  });

  it("still checks the session version on every request: signing out everywhere revokes it at once", async () => {
    cookie = await token({ sub: member.id, sv: member.sessionVersion });
    expect((await getCurrentUser())?.id).toBe(member.id);
    expect((await getCurrentUser())?.id).toBe(member.id);
    await db.user.update({ where: { id: member.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await getCurrentUser()).toBeNull();
  });
});
