// Single-use tokens for links sent by mail: 32 random bytes (base64url, 43 characters), stored
// only as a SHA-256 hash, with an expiry, claimed at most once.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { claimToken, findTokenByHash, insertToken, retireTokens } from "../db/tokens";
import type { TokenKind } from "../db/generated/prisma/enums";

export const TOKEN_TTL_MS: Record<TokenKind, number> = {
  EMAIL_VERIFICATION: 24 * 60 * 60 * 1000,
  PASSWORD_RESET: 60 * 60 * 1000,
  EMAIL_CHANGE_UNDO: 7 * 24 * 60 * 60 * 1000,
};

// A newer link replaces the older one, except an undo: each restores the address it was sent to,
// and a second change must not cancel the first one's undo (lib/auth/email-change-undo.ts).
const REPLACES_OLDER: Record<TokenKind, boolean> = {
  EMAIL_VERIFICATION: true,
  PASSWORD_RESET: true,
  EMAIL_CHANGE_UNDO: false,
};

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Makes a token, retiring older unused ones of the kind (see REPLACES_OLDER); returns the raw token for the link. */
export async function issueToken(input: {
  userId: string;
  kind: TokenKind;
  email?: string;
  now?: Date;
}): Promise<string> {
  const now = input.now ?? new Date();
  const token = randomBytes(32).toString("base64url");
  if (REPLACES_OLDER[input.kind]) await retireTokens({ userId: input.userId, kind: input.kind, now });
  await insertToken({
    userId: input.userId,
    kind: input.kind,
    email: input.email,
    tokenHash: hashToken(token),
    expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[input.kind]),
  });
  return token;
}

export type ConsumedToken =
  { ok: true; userId: string; email: string | null } | { ok: false; reason: "invalid" | "expired" | "used" };

/** Claims `token` for `kind`. Wrong kind and unknown tokens are the same "invalid". */
export async function consumeToken(token: string, kind: TokenKind, now = new Date()): Promise<ConsumedToken> {
  const row = await findTokenByHash({ tokenHash: hashToken(token) });
  if (!row || row.kind !== kind) return { ok: false, reason: "invalid" };
  if (row.usedAt) return { ok: false, reason: "used" };
  if (row.expiresAt <= now) return { ok: false, reason: "expired" };
  // Two clicks at once: only one claim succeeds.
  if (!(await claimToken({ id: row.id, now }))) return { ok: false, reason: "used" };
  return { ok: true, userId: row.userId, email: row.email };
}
