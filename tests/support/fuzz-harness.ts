// What the fuzz tests (tests/integration/input-fuzz-*.test.ts) share: the files to walk (route
// handlers, "use server" files), fixtures the malformed input is aimed at, the caller's sign-in, and
// probe(), which runs one call and records it as a failure on a 5xx, an unexpected throw or a
// logged error (every 500 path logs). The test files mock next/* with ./fuzz-scope.ts first.
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { expect, vi } from "vitest";
import { db } from "@/lib/db/client";
import { createRoom } from "@/lib/db/rooms";
import { openSupportRequest } from "@/lib/db/support-requests";
import type { SessionUser } from "@/lib/db/users";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { person } from "./admin-fixtures";
import { fuzzScope } from "./fuzz-scope";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const APP = path.join(ROOT, "app");
export const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

// next-auth's handler reads the request through require("next/headers"), which no test can give a
// request scope; our code behind it (the credentials check) is fuzzed directly instead.
export const CALLED_ELSEWHERE: Record<string, string> = {
  "app/api/auth/[...nextauth]/route.ts": "next-auth; its authorize() is fuzzed in input-fuzz-routes.test.ts",
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}
export const rel = (file: string) => path.relative(ROOT, file);
export const sources = [...walk(APP), ...walk(path.join(ROOT, "lib"))].filter((f) => /\.(ts|tsx)$/.test(f));
export const routeFiles = sources.filter((f) => f.startsWith(APP) && /\/route\.(ts|tsx)$/.test(f));
export const actionFiles = sources.filter((f) =>
  /^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(readFileSync(f, "utf8")),
);

export interface Fixtures {
  caller: SessionUser;
  member: SessionUser;
  room: { id: string; slug: string };
  messageId: number;
  topicId: string;
  supportId: string;
}
export let fx: Fixtures;
let started = false;

/** Fresh targets (earlier calls may have deleted, locked or renamed them) and the caller signed in. */
export async function refreshFixtures(): Promise<void> {
  const member = await person("MEMBER", { prefix: "target" });
  const room = await createRoom({
    name: `Fuzz ${member.username}`,
    topicName: "Fuzzing",
    description: "",
    hostId: member.id,
  });
  const { id: messageId } = await db.message.create({ data: { roomId: room.id, authorId: member.id, body: "hi" } });
  const { id: topicId } = await db.topic.findUniqueOrThrow({ where: { slug: "fuzzing" } });
  const support = await openSupportRequest({ userId: member.id, email: member.email, kind: "OTHER", detail: "x" });
  const callerLeft =
    started && (await db.user.count({ where: { id: fx.caller.id, deactivatedAt: null, role: "ADMIN" } })) > 0;
  const caller = callerLeft ? fx.caller : await person("ADMIN", { prefix: "fuzzer" });
  fx = { caller, member, room, messageId, topicId, supportId: support.id };
  started = true;
}

const tokens = { key: "", value: "", sid: "" };

/** Signs the caller in again: an action may have bumped their session version (password, sign out). */
export async function signIn(user: SessionUser | null): Promise<void> {
  if (!user) {
    fuzzScope.token = undefined;
    return;
  }
  const row = await db.user.findUnique({ where: { id: user.id }, select: { sessionVersion: true } });
  if (!row) await refreshFixtures();
  // A new cookie when the last one's session ended (sign-out, password change) or the version moved.
  const live = tokens.sid !== "" && (await db.userSession.count({ where: { id: tokens.sid } })) === 1;
  const key = `${fx.caller.id}:${row?.sessionVersion ?? fx.caller.sessionVersion}`;
  if (tokens.key !== key || !live) {
    const sv = row?.sessionVersion ?? fx.caller.sessionVersion;
    tokens.sid = randomBytes(18).toString("base64url");
    await db.userSession.create({ data: { id: tokens.sid, userId: fx.caller.id, method: "password" } });
    const claims = { sub: fx.caller.id, sv, sid: tokens.sid };
    tokens.value = await encode({ token: claims, secret: env().NEXTAUTH_SECRET, maxAge: 600 });
    tokens.key = key;
  }
  fuzzScope.token = tokens.value;
}

const failures: string[] = [];

/** The first few failures (of how many), so a systematic one does not flood the report. */
export function expectNoFailures(): void {
  const found = failures.splice(0);
  expect(found.length === 0 ? [] : [`${found.length} failing calls, first:`, ...found.slice(0, 25)]).toEqual([]);
}

const isNextControlFlow = (error: unknown) =>
  /^NEXT_(REDIRECT|HTTP_ERROR_FALLBACK|NOT_FOUND)/.test(String((error as { digest?: unknown })?.digest ?? ""));

/** Runs one call; records it as a failure on a 5xx, an unexpected throw or a logged error. */
export async function probe(label: string, call: () => Promise<unknown>): Promise<void> {
  const logged = vi.spyOn(log, "error").mockImplementation(() => undefined);
  try {
    const result = await call();
    const status = result instanceof Response ? result.status : (result as { status?: unknown } | null)?.status;
    const code = (result as { code?: unknown } | null)?.code;
    if ((typeof status === "number" && status >= 500) || code === "internal")
      failures.push(`${label} → ${String(status ?? code)}`);
    for (const task of fuzzScope.later.splice(0)) await task;
  } catch (error) {
    if (!isNextControlFlow(error)) failures.push(`${label} → threw ${String(error).slice(0, 200)}`);
  } finally {
    fuzzScope.later.length = 0;
    if (logged.mock.calls.length > 0)
      failures.push(`${label} → logged ${JSON.stringify(logged.mock.calls[0]?.[1] ?? logged.mock.calls[0]?.[0])}`);
    logged.mockRestore();
  }
}

/** The valid fields every action and handler may want; each probe spoils one of them. */
export function validFields(): Record<string, string> {
  return {
    name: "Fuzz name",
    topic: "Fuzzing",
    description: "A description",
    slug: fx.room.slug,
    roomSlug: fx.room.slug,
    email: "fuzz-new@example.test",
    username: "fuzz_user",
    password: "a long enough passphrase 1",
    confirmPassword: "a long enough passphrase 1",
    currentPassword: "not the password",
    bio: "Bio",
    token: "A".repeat(43),
    identifier: "nobody@example.test",
    confirmation: "not it",
    provider: "github",
    userId: fx.member.id,
    reason: "a reason",
    minutes: "15",
    note: "a note",
    into: "Other topic",
    role: "MEMBER",
    host: "",
    roomId: "",
    messageId: String(fx.messageId),
    body: "hello",
    q: "fuzz",
  };
}

/** An admin action's `id` field names the kind of thing its registry code acts on. */
export function idFor(source: string, name: string): string {
  const code = new RegExp(`${name} = adminForm\\("([a-z_.]+)"`).exec(source)?.[1] ?? "";
  if (code.startsWith("room.")) return fx.room.id;
  if (code.startsWith("topic.")) return fx.topicId;
  if (code.startsWith("support.")) return fx.supportId;
  if (code.startsWith("message.")) return String(fx.messageId);
  return fx.member.id;
}
