// Sign-in buttons for the OAuth providers that are configured (Google, GitHub; the test issuer in
// the browser tests). A Server Component: render it from a page or another Server Component.
import { connection } from "next/server";
import { configuredOAuthProviders } from "@/lib/auth/oauth-providers";
import { OAuthSignInButton } from "./oauth-sign-in-button";

export interface OAuthButtonsProps {
  /** Where to go after signing in. */
  callbackUrl?: string;
}

/** Renders nothing when no provider is configured (the pages hide their "or" divider then). */
export async function OAuthButtons({ callbackUrl }: OAuthButtonsProps) {
  // Which providers exist is configuration read at run time, never baked in at build time.
  await connection();
  const providers = configuredOAuthProviders();
  if (providers.length === 0) return null;

  return (
    <ul className="space-y-2.5" data-testid="oauth-buttons">
      {providers.map((provider) => (
        <li key={provider.id}>
          <OAuthSignInButton provider={provider} callbackUrl={callbackUrl} />
        </li>
      ))}
    </ul>
  );
}
