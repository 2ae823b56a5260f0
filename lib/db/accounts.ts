// OAuth account queries (next-auth's Account shape): who owns a provider account, linking,
// unlinking, and creating a member together with their first linked account.
import "server-only";
import { candidatePrefix, pickFreeUsername } from "../auth/oauth-username";
import { db } from "./client";

/** The provider account as next-auth hands it over after a successful OAuth callback. */
export interface OAuthAccountInput {
  provider: string;
  type: string;
  providerAccountId: string;
  scope?: string | null;
  token_type?: string | null;
}

/**
 * Roomful never calls a provider's API after sign-in, so the provider's access, refresh and ID
 * tokens are not kept: stored, they could only leak.
 */
function accountData(account: OAuthAccountInput) {
  return {
    provider: account.provider,
    type: account.type,
    providerAccountId: account.providerAccountId,
    scope: account.scope ?? null,
    token_type: account.token_type ?? null,
  };
}

/** The member a provider account is linked to, with what sign-in needs to know about them. */
export async function findAccountOwner({
  provider,
  providerAccountId,
}: {
  provider: string;
  providerAccountId: string;
}) {
  const row = await db.account.findUnique({
    where: { provider_providerAccountId: { provider, providerAccountId } },
    select: { user: { select: { id: true, sessionVersion: true, deactivatedAt: true } } },
  });
  return row?.user ?? null;
}

/** The providers linked to a member, oldest link first. */
export async function listLinkedProviders({ userId }: { userId: string }): Promise<string[]> {
  const rows = await db.account.findMany({ where: { userId }, select: { provider: true }, orderBy: { id: "asc" } });
  return rows.map((r) => r.provider);
}

/** Links a provider account to a member. A provider account already linked raises P2002. */
export async function linkAccount({ userId, account }: { userId: string; account: OAuthAccountInput }): Promise<void> {
  await db.account.create({ data: { ...accountData(account), userId } });
}

/** A free username starting from `base` (see lib/auth/oauth-username.ts). */
export async function findFreeUsername({ base }: { base: string }): Promise<string> {
  const rows = await db.user.findMany({
    where: { username: { startsWith: candidatePrefix(base) } },
    select: { username: true },
  });
  return pickFreeUsername(
    base,
    rows.map((r) => r.username),
  );
}

/**
 * Creates a member with no password and their first linked account, both or neither. A taken
 * email, username or provider account raises P2002 (the caller decides which it was).
 */
export async function createUserWithAccount(input: {
  user: { email: string; username: string; name: string; image: string | null; emailVerifiedAt: Date | null };
  account: OAuthAccountInput;
}): Promise<{ id: string; sessionVersion: number }> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        ...input.user,
        email: input.user.email.toLowerCase(),
        username: input.user.username.toLowerCase(),
        passwordHash: null,
      },
      select: { id: true, sessionVersion: true },
    });
    await tx.account.create({ data: { ...accountData(input.account), userId: user.id } });
    return user;
  });
}

export type UnlinkOutcome = { ok: true } | { ok: false; reason: "not_linked" | "last_sign_in_method" };

/**
 * Unlinks a provider from a member, unless it is their last way to sign in (no password and no
 * other linked account). The member's row is locked so two concurrent unlinks cannot both pass.
 */
export async function unlinkAccount({
  userId,
  provider,
}: {
  userId: string;
  provider: string;
}): Promise<UnlinkOutcome> {
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ hasPassword: boolean }[]>`
      SELECT "passwordHash" IS NOT NULL AS "hasPassword" FROM "User" WHERE id = ${userId} FOR UPDATE`;
    const user = locked[0];
    if (!user) return { ok: false, reason: "not_linked" } as const;
    const accounts = await tx.account.findMany({ where: { userId }, select: { id: true, provider: true } });
    const target = accounts.filter((a) => a.provider === provider);
    if (target.length === 0) return { ok: false, reason: "not_linked" } as const;
    if (!user.hasPassword && accounts.length - target.length === 0)
      return { ok: false, reason: "last_sign_in_method" } as const;
    await tx.account.deleteMany({ where: { userId, provider } });
    return { ok: true } as const;
  });
}

/**
 * Removes every provider link of a member and ends their sessions, in one transaction; the providers removed (none:
 * nothing changed). For lib/auth/unproven-links.ts.
 */
export async function removeAllLinks({ userId }: { userId: string }): Promise<string[]> {
  return db.$transaction(async (tx) => {
    const accounts = await tx.account.findMany({ where: { userId }, select: { provider: true } });
    if (accounts.length === 0) return [];
    await tx.account.deleteMany({ where: { userId } });
    await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    return [...new Set(accounts.map((a) => a.provider))];
  });
}
