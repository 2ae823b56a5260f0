// One-time tokens (email verification, password reset, email-change undo). Only hashes are stored; lib/auth/tokens.ts
// makes and checks the tokens themselves.
import "server-only";
import { db } from "./client";
import type { TokenKind } from "./generated/prisma/client";

export async function insertToken(input: {
  userId: string;
  kind: TokenKind;
  tokenHash: string;
  email?: string;
  expiresAt: Date;
}) {
  await db.oneTimeToken.create({ data: input });
}

export async function findTokenByHash({ tokenHash }: { tokenHash: string }) {
  return db.oneTimeToken.findUnique({
    where: { tokenHash },
    select: { id: true, userId: true, kind: true, email: true, expiresAt: true, usedAt: true, createdAt: true },
  });
}

/** Marks the token used if it still is unused and unexpired; false when another request won. */
export async function claimToken({ id, now }: { id: string; now: Date }): Promise<boolean> {
  const { count } = await db.oneTimeToken.updateMany({
    where: { id, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  return count === 1;
}

/** Retires every unused token of a kind for the user, e.g. once a newer link is sent or used. */
export async function retireTokens({ userId, kind, now }: { userId: string; kind: TokenKind; now: Date }) {
  await db.oneTimeToken.updateMany({ where: { userId, kind, usedAt: null }, data: { usedAt: now } });
}
