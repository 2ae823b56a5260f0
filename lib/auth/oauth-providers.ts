// Which OAuth providers this deployment offers: Google and GitHub when their client id and secret
// are set, and "Test OIDC" (a local issuer, for the browser tests only) when OAUTH_TEST_* are set.
import "server-only";
import type { Provider } from "next-auth/providers/index";
import type { OAuthConfig } from "next-auth/providers/oauth";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { env, type Env } from "../env";

export type OAuthProviderId = "google" | "github" | "oidc-test";

/** What the UI needs to show a provider. */
export interface OAuthProviderInfo {
  id: OAuthProviderId;
  name: string;
}

export const OAUTH_PROVIDER_NAMES: Record<OAuthProviderId, string> = {
  google: "Google",
  github: "GitHub",
  "oidc-test": "Test OIDC",
};

export function isOAuthProviderId(value: string): value is OAuthProviderId {
  return Object.hasOwn(OAUTH_PROVIDER_NAMES, value);
}

/** The display name of a provider id, also for ids that are no longer configured. */
export function oauthProviderName(id: string): string {
  return isOAuthProviderId(id) ? OAUTH_PROVIDER_NAMES[id] : id;
}

interface GitHubEmail {
  email: string;
  primary: boolean;
  verified: boolean;
}

/**
 * next-auth's GitHub provider, asking GitHub which of the member's addresses are verified: the
 * profile alone never says, and an unverified address must not count as verified here.
 */
function gitHub(clientId: string, clientSecret: string) {
  return GitHubProvider({
    clientId,
    clientSecret,
    userinfo: {
      url: "https://api.github.com/user",
      async request({ client, tokens }) {
        const profile = (await client.userinfo(tokens.access_token ?? "")) as Record<string, unknown>;
        const response = await fetch("https://api.github.com/user/emails", {
          headers: { Authorization: `token ${tokens.access_token ?? ""}`, Accept: "application/vnd.github+json" },
        });
        if (response.ok) {
          const emails = (await response.json()) as GitHubEmail[];
          const chosen =
            emails.find(
              (e) => typeof profile.email === "string" && e.email.toLowerCase() === profile.email.toLowerCase(),
            ) ??
            emails.find((e) => e.primary) ??
            emails[0];
          if (chosen) {
            profile.email = chosen.email;
            profile.email_verified = chosen.verified;
          }
        }
        return profile as never;
      },
    },
  });
}

interface OidcClaims {
  sub: string;
  name?: string;
  preferred_username?: string;
  email?: string;
  email_verified?: boolean;
  picture?: string;
}

/** A generic OpenID Connect provider (discovery via wellKnown, claims from the ID token). */
function testOidc(issuer: string, clientId: string, clientSecret: string): OAuthConfig<OidcClaims> {
  return {
    id: "oidc-test",
    name: OAUTH_PROVIDER_NAMES["oidc-test"],
    type: "oauth",
    wellKnown: `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`,
    clientId,
    clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile(claims) {
      return {
        id: claims.sub,
        name: claims.name ?? claims.preferred_username ?? null,
        email: claims.email ?? null,
        image: claims.picture ?? null,
      };
    },
  };
}

/** next-auth provider configs for every configured OAuth provider. */
export function oauthProviders(config: Env = env()) {
  const providers: Provider[] = [];
  if (config.GOOGLE_CLIENT_ID && config.GOOGLE_CLIENT_SECRET) {
    providers.push(GoogleProvider({ clientId: config.GOOGLE_CLIENT_ID, clientSecret: config.GOOGLE_CLIENT_SECRET }));
  }
  if (config.GITHUB_CLIENT_ID && config.GITHUB_CLIENT_SECRET) {
    providers.push(gitHub(config.GITHUB_CLIENT_ID, config.GITHUB_CLIENT_SECRET));
  }
  if (config.OAUTH_TEST_ISSUER && config.OAUTH_TEST_CLIENT_ID && config.OAUTH_TEST_CLIENT_SECRET) {
    providers.push(testOidc(config.OAUTH_TEST_ISSUER, config.OAUTH_TEST_CLIENT_ID, config.OAUTH_TEST_CLIENT_SECRET));
  }
  return providers;
}

/** The configured providers, in the order the buttons show them. */
export function configuredOAuthProviders(config: Env = env()): OAuthProviderInfo[] {
  return oauthProviders(config).map((p) => ({ id: p.id as OAuthProviderId, name: p.name }));
}
