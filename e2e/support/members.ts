// Arranging members and rooms straight in the run's database, for specs about what happens to
// them later (profiles, settings, account deletion), and a session cookie for members who have
// no password to sign in with (OAuth-only).
import { randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import type { BrowserContext } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { uniqueMember } from "./accounts";
import { sql } from "./services";

/** Same parameters as lib/auth/password.ts (argon2id, 19 MiB, 2 passes). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

/** A cuid-shaped id (the app accepts letters and digits, 8–40 characters). */
function newId(): string {
  return `e2e${randomBytes(10).toString("hex")}`;
}

export interface Member {
  id: string;
  email: string;
  username: string;
  name: string;
  /** Null for an OAuth-only member. */
  password: string | null;
}

/** Inserts a verified member; `password: null` makes one who only signs in through OAuth. */
export async function createMember({
  prefix = "m",
  password,
  bio = "",
}: { prefix?: string; password?: string | null; bio?: string } = {}): Promise<Member> {
  const fresh = uniqueMember(prefix);
  const plain = password === undefined ? fresh.password : password;
  const id = newId();
  await sql(
    `INSERT INTO "User" (id, email, username, name, bio, "passwordHash", "emailVerifiedAt", "updatedAt")
     VALUES ($1, $2, $3, $4, $5, $6, now(), now())`,
    [id, fresh.email, fresh.username, fresh.name, bio, plain === null ? null : await hashPassword(plain)],
  );
  return { id, email: fresh.email, username: fresh.username, name: fresh.name, password: plain };
}

/** The session cookie next-auth would set for `member` (its name and value). */
export async function sessionCookie(member: Pick<Member, "id">): Promise<{ name: string; value: string }> {
  const [row] = await sql<{ sessionVersion: number }>(`SELECT "sessionVersion" FROM "User" WHERE id = $1`, [member.id]);
  // The device session a sign-in would have opened.
  const sid = randomBytes(18).toString("base64url");
  await sql(`INSERT INTO "UserSession" (id, "userId", method, "userAgent") VALUES ($1, $2, 'password', 'Playwright')`, [
    sid,
    member.id,
  ]);
  const secret = process.env.E2E_NEXTAUTH_SECRET ?? "e2e-secret-e2e-secret-e2e-secret-e2e";
  const token = await encode({ token: { sub: member.id, sv: row?.sessionVersion ?? 0, sid }, secret });
  return { name: "next-auth.session-token", value: token };
}

/** Signs a context in by cookie, the way next-auth would after an OAuth sign-in. */
export async function signInByCookie(
  context: BrowserContext,
  baseURL: string,
  member: Pick<Member, "id">,
): Promise<void> {
  const cookie = await sessionCookie(member);
  await context.addCookies([{ ...cookie, url: baseURL, httpOnly: true, sameSite: "Lax" }]);
}

export interface ArrangedRoom {
  id: string;
  slug: string;
  name: string;
}

/** A room (topic Python, from the seed) with `messages` in order, a minute apart. */
export async function createRoom({
  hostId,
  name,
  messages = [],
}: {
  hostId: string | null;
  name: string;
  messages?: { authorId: string | null; body: string }[];
}): Promise<ArrangedRoom> {
  const id = newId();
  const slug = `${name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")}-${randomBytes(3).toString("hex")}`;
  await sql(
    `INSERT INTO "Room" (id, name, slug, description, "topicId", "hostId", "updatedAt")
     VALUES ($1, $2, $3, $4, (SELECT id FROM "Topic" WHERE slug = 'python'), $5, now())`,
    [id, name, slug, `A room for the ${name} spec.`, hostId],
  );
  // The app keeps each topic's room count with every room it writes; so must a room made here.
  await sql(`UPDATE "Topic" SET "roomCount" = "roomCount" + 1 WHERE slug = 'python'`);
  const start = Date.now() - messages.length * 60_000;
  for (const [i, message] of messages.entries()) {
    await sql(`INSERT INTO "Message" ("roomId", "authorId", body, "createdAt") VALUES ($1, $2, $3, $4)`, [
      id,
      message.authorId,
      message.body,
      new Date(start + i * 60_000),
    ]);
  }
  const authors = new Set([hostId, ...messages.map((m) => m.authorId)].filter((a): a is string => a !== null));
  for (const userId of authors) {
    await sql(`INSERT INTO "Participant" ("roomId", "userId") VALUES ($1, $2) ON CONFLICT DO NOTHING`, [id, userId]);
  }
  // Keep the counter the app maintains (lib/db/participants.ts) in step with the rows.
  await sql(
    `UPDATE "Room" SET "participantCount" = (SELECT count(*) FROM "Participant" WHERE "roomId" = $1) WHERE id = $1`,
    [id],
  );
  return { id, slug, name };
}

export async function userIdOf(username: string): Promise<string> {
  const [row] = await sql<{ id: string }>(`SELECT id FROM "User" WHERE username = $1`, [username]);
  if (!row) throw new Error(`no user ${username}`);
  return row.id;
}
