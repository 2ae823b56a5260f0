// Settings → Linked accounts: the OAuth providers a member can sign in with, linked or not. An
// async Server Component with no props (it reads the signed-in member itself).
import { connection } from "next/server";
import { configuredOAuthProviders, oauthProviderName } from "@/lib/auth/oauth-providers";
import { proofNeededFor } from "@/lib/auth/recent-proof";
import { getCurrentUser } from "@/lib/auth/session";
import { listLinkedProviders } from "@/lib/db/accounts";
import { LinkedAccountsList, type LinkedAccountRow } from "./linked-accounts-list";

export async function LinkedAccounts() {
  await connection();
  const user = await getCurrentUser();
  if (!user) return null;
  const [linked, proof] = await Promise.all([listLinkedProviders({ userId: user.id }), proofNeededFor(user)]);
  const configured = configuredOAuthProviders();
  const rows: LinkedAccountRow[] = [
    ...configured.map((p) => ({ id: p.id, name: p.name, linked: linked.includes(p.id), available: true })),
    ...[...new Set(linked)]
      .filter((id) => !configured.some((p) => p.id === id))
      .map((id) => ({ id, name: oauthProviderName(id), linked: true, available: false })),
  ];
  // Nothing to link and nothing linked: the section would only be noise.
  if (rows.length === 0) return null;

  return (
    <section aria-labelledby="linked-accounts-heading" data-testid="linked-accounts">
      <h3 id="linked-accounts-heading" className="text-sm font-semibold text-ink">
        Linked accounts
      </h3>
      <p className="mt-1 mb-4 text-sm text-pretty text-ink-muted">
        Sign in with these accounts{user.hasPassword ? " as well as with your password" : ""}. Linking one never changes
        your email address.
      </p>
      <LinkedAccountsList rows={rows} proof={proof} />
    </section>
  );
}
