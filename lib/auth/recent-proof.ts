// Sensitive changes (email, a first password, unlinking a provider, deleting the account) need recent proof of who
// is at the keyboard, not only a session that may have been left open or stolen: the current password where the
// account has one, else a sign-in with a provider on this device a few minutes ago.
import "server-only";
import { listLinkedProviders } from "../db/accounts";
import { AppError } from "../errors";
import { checkOwnPassword } from "./credentials";
import { configuredOAuthProviders, oauthProviderName } from "./oauth-providers";
import type { CurrentUser } from "./session";

export const RECENT_PROOF_MINUTES = 10;

export const REAUTH_REQUIRED = "forbidden:reauth";

/** What Settings asks for before a sensitive change. */
export type ProofNeeded =
  | { kind: "password" }
  /** A provider-only account: `fresh` while this device's last sign-in is recent enough; the providers it can use. */
  | { kind: "provider"; fresh: boolean; providers: { id: string; name: string }[] };

export function provedRecently(user: Pick<CurrentUser, "provedAt">, now = Date.now()): boolean {
  return now - user.provedAt.getTime() <= RECENT_PROOF_MINUTES * 60_000;
}

export async function proofNeededFor(user: CurrentUser): Promise<ProofNeeded> {
  if (user.hasPassword) return { kind: "password" };
  const linked = new Set(await listLinkedProviders({ userId: user.id }));
  const providers = configuredOAuthProviders()
    .filter((provider) => linked.has(provider.id))
    .map((provider) => ({ id: provider.id, name: oauthProviderName(provider.id) }));
  return { kind: "provider", fresh: provedRecently(user), providers };
}

/**
 * Throws unless the caller proved who they are just now: `password` must be the current one (a field error on
 * `field` otherwise, counted against the sign-in limit), or, without a password on the account, this device signed in
 * within the last few minutes (a 403 `forbidden:reauth` otherwise).
 */
export async function requireRecentProof(user: CurrentUser, password: string, field: string): Promise<void> {
  if (user.hasPassword) return checkOwnPassword({ userId: user.id, password, field });
  if (provedRecently(user)) return;
  throw new AppError(
    REAUTH_REQUIRED,
    "To make this change, confirm it's you: sign in again with your provider (below), then try again.",
    403,
  );
}
