// Shared by the admin tests: members of each role (as the session would see them) and a helper
// that returns the AppError a promise was refused with.
import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import { db } from "@/lib/db/client";
import { createUser, findSessionUser, type SessionUser } from "@/lib/db/users";
import { AppError } from "@/lib/errors";

export type TestRole = "MEMBER" | "MODERATOR" | "ADMIN";

/** A new verified member with this role, as getCurrentUser would return them. */
export async function person(
  role: TestRole = "MEMBER",
  options: { prefix?: string; verified?: boolean; name?: string } = {},
): Promise<SessionUser> {
  const tag = randomBytes(4).toString("hex");
  const username = `${options.prefix ?? role.toLowerCase().slice(0, 3)}_${tag}`;
  const { id } = await createUser({
    email: `${username}@example.test`,
    username,
    name: options.name ?? `${role[0]}${role.slice(1).toLowerCase()} ${tag}`,
    passwordHash: null,
    emailVerifiedAt: options.verified === false ? null : new Date(),
    role,
  });
  return reload(id);
}

/** The member as the session sees them now (after a role change, deactivation …). */
export async function reload(id: string): Promise<SessionUser> {
  const user = await findSessionUser({ id });
  if (!user) throw new Error(`user ${id} vanished`);
  return user;
}

/** The AppError a promise rejects with (fails the test if it resolves or throws anything else). */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error("expected a refusal, but the call succeeded");
    },
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw error;
  expect(error).toBeInstanceOf(AppError);
  return error;
}

/** The audit entries written since `afterId`, oldest first. */
export async function auditSince(afterId: number) {
  return db.auditLog.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" } });
}

export async function lastAuditId(): Promise<number> {
  const last = await db.auditLog.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  return last?.id ?? 0;
}

/** The people of a room's permission matrix: its host and a member (both plain members), a moderator and an admin. */
export async function roomCast(): Promise<Record<"host" | "member" | "moderator" | "admin", SessionUser>> {
  const [host, member, moderator, admin] = await Promise.all([
    person("MEMBER"),
    person("MEMBER"),
    person("MODERATOR"),
    person("ADMIN"),
  ]);
  return { host, member, moderator, admin };
}

/** Gives every member a full allowance of limit `name` again (a test of the limit itself uses it up). */
export async function resetLimit(name: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key: { startsWith: `${name}:` } } });
}
