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

const { sessionTokenFor } = await import("../support/session-token");

const token = (claims: { sub: string; sv: number; sid: string }, maxAge = 3600) =>
  encode({ token: { ...claims }, secret: env().NEXTAUTH_SECRET, maxAge });

afterEach(() => {
  vi.useRealTimers();
  cookie = undefined;
});
afterAll(() => disconnectDb());

describe("readSessionClaims", () => {
  it("gives the claims of a valid cookie, the first time and from memory after", async () => {
    cookie = await token({ sub: "user-one", sv: 3, sid: "device-one" });
    expect(await readSessionClaims()).toEqual({ sub: "user-one", sv: 3, sid: "device-one" });
    expect(await readSessionClaims()).toEqual({ sub: "user-one", sv: 3, sid: "device-one" });
  });

  it("refuses no cookie, a forged one, one of another secret, an expired one and one without a device session", async () => {
    expect(await readSessionClaims()).toBeNull();
    cookie = "not.a.jwe.token";
    expect(await readSessionClaims()).toBeNull();
    cookie = await encode({ token: { sub: "x", sv: 0 }, secret: "another-secret-another-secret-another!", maxAge: 60 });
    expect(await readSessionClaims()).toBeNull();
    cookie = await token({ sub: "expired", sv: 0, sid: "d" }, -60);
    expect(await readSessionClaims()).toBeNull();
    cookie = await encode({ token: { sub: "before-devices", sv: 0 }, secret: env().NEXTAUTH_SECRET, maxAge: 60 });
    expect(await readSessionClaims()).toBeNull();
  });

  it("lets a remembered cookie expire on time (after next-auth's 15 s leeway)", async () => {
    cookie = await token({ sub: "short-lived", sv: 0, sid: "d" }, 60);
    expect(await readSessionClaims()).toEqual({ sub: "short-lived", sv: 0, sid: "d" });
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 70_000 });
    expect(await readSessionClaims()).toEqual({ sub: "short-lived", sv: 0, sid: "d" });
    vi.setSystemTime(Date.now() + 10_000);
    expect(await readSessionClaims()).toBeNull();
  });
});

describe("getCurrentUser with a remembered cookie", () => {
  let member: Awaited<ReturnType<typeof person>>;
  beforeAll(async () => {
    member = await person("MEMBER");
  });

  it("still checks the session version on every request: a deactivation revokes it at once", async () => {
    cookie = await sessionTokenFor(member);
    expect((await getCurrentUser())?.id).toBe(member.id);
    expect((await getCurrentUser())?.id).toBe(member.id);
    await db.user.update({ where: { id: member.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await getCurrentUser()).toBeNull();
  });

  it("still checks the device session on every request: ending it revokes the cookie at once", async () => {
    cookie = await sessionTokenFor(member);
    expect((await getCurrentUser())?.id).toBe(member.id);
    await db.userSession.deleteMany({ where: { userId: member.id } });
    expect(await getCurrentUser()).toBeNull();
  });
});
