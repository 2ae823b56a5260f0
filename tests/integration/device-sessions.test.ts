// Sessions per device (issue 15, item 5): each sign-in opens a session of its own, named by the cookie; signing out
// ends only that one; Settings lists them and ends any or all; an idle or too old session is over; a password change
// ends the other devices' sessions and a reset ends them all. The check stays on every request.
import { randomBytes } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/fuzz-scope")).nextHeaders());
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  ...(await import("../support/fuzz-scope")).nextCache,
}));
import { encode } from "next-auth/jwt";
import {
  signOutDeviceAction,
  signOutEverywhereAction,
  signOutOtherDevicesAction,
} from "@/app/(main)/settings/session-actions";
import { changePasswordAction } from "@/app/(main)/settings/actions";
import { signOutAction } from "@/lib/auth/actions";
import { describeUserAgent, listDeviceSessions } from "@/lib/auth/device-sessions";
import { authOptions } from "@/lib/auth/options";
import { hashPassword } from "@/lib/auth/password";
import { resetPassword } from "@/lib/auth/password-reset";
import { getCurrentUser } from "@/lib/auth/session";
import { issueToken } from "@/lib/auth/tokens";
import { db, disconnectDb } from "@/lib/db/client";
import { createUser, type SessionUser } from "@/lib/db/users";
import { env } from "@/lib/env";
import { initialFormState } from "@/lib/form-state";
import { fuzzScope } from "../support/fuzz-scope";

afterAll(() => disconnectDb());
beforeEach(() => {
  fuzzScope.token = undefined;
});

const PASSWORD = "correct horse battery staple";
const DAY = 24 * 60 * 60 * 1000;

async function member(): Promise<SessionUser & { password: string }> {
  const username = `dev_${randomBytes(4).toString("hex")}`;
  const { id } = await createUser({
    email: `${username}@example.test`,
    username,
    name: "Device Tester",
    passwordHash: await hashPassword(PASSWORD),
    emailVerifiedAt: new Date(),
  });
  const user = await db.user.findUniqueOrThrow({ where: { id } });
  return { ...user, password: PASSWORD } as unknown as SessionUser & { password: string };
}

/** A sign-in through next-auth's jwt callback, as the credentials provider ends one: the cookie it would set. */
async function signIn(user: { id: string }): Promise<string> {
  const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  const jwt = authOptions().callbacks?.jwt;
  if (!jwt) throw new Error("no jwt callback");
  const claims = await jwt({
    token: {},
    user: { id: user.id, sv: sessionVersion } as never,
    account: { type: "credentials", provider: "credentials", providerAccountId: user.id },
  });
  return encode({ token: claims, secret: env().NEXTAUTH_SECRET, maxAge: 600 });
}

/** Who the cookie signs in, as a request would see it. */
async function whoIs(cookie: string): Promise<string | null> {
  const previous = fuzzScope.token;
  fuzzScope.token = cookie;
  try {
    // getCurrentUser is cached per request (React cache); outside one, each call reads afresh.
    return (await getCurrentUser())?.id ?? null;
  } finally {
    fuzzScope.token = previous;
  }
}

const sessionsOf = (userId: string) => db.userSession.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });

function form(fields: Record<string, string> = {}): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

/** A server action that ends with redirect(): the place it redirects to. */
async function redirectOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  const digest = (error as { digest?: string } | null)?.digest ?? "";
  expect(digest).toMatch(/^NEXT_REDIRECT/);
  return digest.split(";")[2] ?? "";
}

describe("a sign-in", () => {
  it("opens a session of its own for the device, with what Settings shows about it", async () => {
    const user = await member();
    fuzzScope.ip = "203.0.113.7";
    const phone = await signIn(user);
    const [row] = await sessionsOf(user.id);
    expect(row).toMatchObject({ method: "password", userAgent: "fuzz", ip: "203.0.113.7" });
    expect(await whoIs(phone)).toBe(user.id);

    const laptop = await signIn(user);
    expect(await sessionsOf(user.id)).toHaveLength(2);
    expect(await whoIs(laptop)).toBe(user.id);
    expect(await whoIs(phone)).toBe(user.id);
  });

  it("on a device already signed in as the same member renews that session instead of adding one", async () => {
    const user = await member();
    fuzzScope.token = await signIn(user);
    const [before] = await sessionsOf(user.id);
    await db.userSession.update({ where: { id: before?.id }, data: { provedAt: new Date(Date.now() - DAY) } });
    const again = await signIn(user);
    const rows = await sessionsOf(user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).toBe(before?.id);
    expect(Date.now() - (rows[0]?.provedAt.getTime() ?? 0)).toBeLessThan(60_000);
    expect(await whoIs(again)).toBe(user.id);
  });

  it("as someone else ends the session the browser held", async () => {
    const [first, second] = [await member(), await member()];
    fuzzScope.token = await signIn(first);
    await signIn(second);
    expect(await sessionsOf(first.id)).toHaveLength(0);
    expect(await sessionsOf(second.id)).toHaveLength(1);
  });
});

describe("signing out", () => {
  it("ends this device's session only", async () => {
    const user = await member();
    const [here, there] = [await signIn(user), await signIn(user)];
    fuzzScope.token = here;
    expect(await redirectOf(signOutAction())).toBe("/");
    expect(await whoIs(here)).toBeNull();
    expect(await whoIs(there)).toBe(user.id);
    expect(await sessionsOf(user.id)).toHaveLength(1);
  });
});

describe("Settings → Where you're signed in", () => {
  it("lists the live sessions, this device first, with a readable device name", async () => {
    const user = await member();
    const [here] = [await signIn(user), await signIn(user)];
    const old = await signIn(user);
    await db.userSession.updateMany({
      where: { userId: user.id, NOT: { id: (await sessionsOf(user.id))[0]?.id } },
      data: { lastSeenAt: new Date(Date.now() - 60_000) },
    });
    // The third one went idle long ago: it is not listed, and it is gone.
    const oldId = (await sessionsOf(user.id))[2]?.id ?? "";
    await db.userSession.update({ where: { id: oldId }, data: { lastSeenAt: new Date(Date.now() - 30 * DAY) } });
    expect(await whoIs(old)).toBeNull();

    const hereId = (await sessionsOf(user.id))[0]?.id ?? "";
    const listed = await listDeviceSessions({ userId: user.id, sessionId: hereId });
    expect(listed.map((s) => s.current)).toEqual([true, false]);
    expect(listed[0]?.id).toBe(hereId);
    expect(await db.userSession.count({ where: { id: oldId } })).toBe(0);
    expect(await whoIs(here)).toBe(user.id);
  });

  it("names devices from their user agent", () => {
    expect(
      describeUserAgent(
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
      ),
    ).toEqual({ device: "Chrome on macOS", kind: "desktop" });
    expect(describeUserAgent("Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0")).toEqual({
      device: "Firefox on Android",
      kind: "mobile",
    });
    expect(describeUserAgent("")).toEqual({ device: "Unknown browser", kind: "other" });
  });

  it("signs out another device, and refuses (changing nothing) a session that is not the member's", async () => {
    const [user, stranger] = [await member(), await member()];
    const [here, there] = [await signIn(user), await signIn(user)];
    const strangers = await signIn(stranger);
    const [, thereRow] = await sessionsOf(user.id);
    const [strangerRow] = await sessionsOf(stranger.id);

    fuzzScope.token = here;
    const ended = await signOutDeviceAction(initialFormState, form({ sessionId: thereRow?.id ?? "" }));
    expect(ended).toMatchObject({ status: "success", message: "Signed out on that device." });
    expect(await whoIs(there)).toBeNull();
    expect(await whoIs(here)).toBe(user.id);

    const refused = await signOutDeviceAction(initialFormState, form({ sessionId: strangerRow?.id ?? "" }));
    expect(refused).toMatchObject({ status: "error", message: "That session had already ended." });
    expect(await whoIs(strangers)).toBe(stranger.id);

    const empty = await signOutDeviceAction(initialFormState, form({ sessionId: "" }));
    expect(empty).toMatchObject({ status: "error", message: "Choose a session to sign out." });
  });

  it("signing out this device from the list leaves the page signed out", async () => {
    const user = await member();
    const here = await signIn(user);
    fuzzScope.token = here;
    const [row] = await sessionsOf(user.id);
    expect(await redirectOf(signOutDeviceAction(initialFormState, form({ sessionId: row?.id ?? "" })))).toBe("/");
    expect(await whoIs(here)).toBeNull();
  });

  it("signs out every other device, or every device", async () => {
    const user = await member();
    const [here, there, elsewhere] = [await signIn(user), await signIn(user), await signIn(user)];
    fuzzScope.token = here;
    expect(await signOutOtherDevicesAction(initialFormState, form())).toMatchObject({ status: "success" });
    expect([await whoIs(here), await whoIs(there), await whoIs(elsewhere)]).toEqual([user.id, null, null]);

    const another = await signIn(user);
    fuzzScope.token = here;
    expect(await redirectOf(signOutEverywhereAction(initialFormState, form()))).toBe("/");
    expect([await whoIs(here), await whoIs(another)]).toEqual([null, null]);
    expect(await sessionsOf(user.id)).toHaveLength(0);
  });

  it("refuses a signed-out caller", async () => {
    fuzzScope.token = undefined;
    expect(await signOutOtherDevicesAction(initialFormState, form())).toMatchObject({ status: "error" });
  });
});

describe("a session's time", () => {
  it("ends after the idle timeout and after the absolute lifetime, however active", async () => {
    const user = await member();
    const [idle, old] = [await signIn(user), await signIn(user)];
    const [idleRow, oldRow] = await sessionsOf(user.id);
    const idleDays = env().SESSION_IDLE_DAYS;
    const lifetimeDays = env().SESSION_LIFETIME_DAYS;

    await db.userSession.update({
      where: { id: idleRow?.id },
      data: { lastSeenAt: new Date(Date.now() - (idleDays - 1) * DAY) },
    });
    expect(await whoIs(idle)).toBe(user.id);
    await db.userSession.update({
      where: { id: idleRow?.id },
      data: { lastSeenAt: new Date(Date.now() - idleDays * DAY - 60_000) },
    });
    expect(await whoIs(idle)).toBeNull();

    await db.userSession.update({
      where: { id: oldRow?.id },
      data: { createdAt: new Date(Date.now() - lifetimeDays * DAY - 60_000), lastSeenAt: new Date() },
    });
    expect(await whoIs(old)).toBeNull();
  });

  it("records when a device was last seen, at most once a minute", async () => {
    const user = await member();
    const cookie = await signIn(user);
    const [row] = await sessionsOf(user.id);
    const recent = new Date(Date.now() - 20_000);
    await db.userSession.update({ where: { id: row?.id }, data: { lastSeenAt: recent } });
    await whoIs(cookie);
    expect((await sessionsOf(user.id))[0]?.lastSeenAt.getTime()).toBe(recent.getTime());

    await db.userSession.update({ where: { id: row?.id }, data: { lastSeenAt: new Date(Date.now() - 5 * 60_000) } });
    await whoIs(cookie);
    expect(Date.now() - ((await sessionsOf(user.id))[0]?.lastSeenAt.getTime() ?? 0)).toBeLessThan(10_000);
  });
});

describe("passwords", () => {
  it("a change keeps this device signed in and ends the others", async () => {
    const user = await member();
    const [here, there] = [await signIn(user), await signIn(user)];
    fuzzScope.token = here;
    const next = "a brand new passphrase here";
    const state = await changePasswordAction(
      initialFormState,
      form({ currentPassword: PASSWORD, password: next, confirmPassword: next }),
    );
    expect(state).toMatchObject({ status: "success" });
    expect(await whoIs(here)).toBe(user.id);
    expect(await whoIs(there)).toBeNull();
  });

  it("a reset by mail ends every session", async () => {
    const user = await member();
    const [one, two] = [await signIn(user), await signIn(user)];
    const token = await issueToken({ userId: user.id, kind: "PASSWORD_RESET" });
    expect(await resetPassword(token, "another fine passphrase")).toEqual({ ok: true });
    expect([await whoIs(one), await whoIs(two)]).toEqual([null, null]);
  });
});
