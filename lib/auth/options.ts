// next-auth configuration: JWT sessions carrying the user id and session version, the
// Credentials provider, and (lib/auth/oauth-providers.ts) OAuth providers that are configured.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { isDatabaseUnavailable } from "../db/unavailable";
import { env } from "../env";
import { recordSignIn } from "../observability/metrics";
import { DATABASE_UNAVAILABLE_CODE } from "../outage";
import { clientIpFrom } from "./client-ip";
import { signInWithPassword } from "./credentials";
import { oauthSessionClaims, oauthSignIn } from "./oauth";
import { oauthProviders } from "./oauth-providers";
import { beginDeviceSession, sessionLifetimes } from "./device-sessions";

export function authOptions(): NextAuthOptions {
  // next-auth reads its base URL from NEXTAUTH_URL; APP_URL is the one Roomful documents.
  process.env.NEXTAUTH_URL ??= env().APP_URL;
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: sessionLifetimes().lifetimeSeconds },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { identifier: { type: "text" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const result = await signInWithPassword(credentials, clientIpFrom(req.headers ?? {}));
          recordSignIn({ method: "credentials", outcome: result.ok ? "success" : result.error });
          if (result.ok) return { id: result.userId, sv: result.sessionVersion };
          // next-auth hands the message to the sign-in form as `error`.
          if (result.error === "rate_limited") throw new Error(`rate_limited:${result.retryAfterSeconds}`);
          throw new Error(result.error === "unavailable" ? DATABASE_UNAVAILABLE_CODE : result.error);
        },
      }),
      ...oauthProviders(),
    ],
    callbacks: {
      async signIn({ user, account, profile }) {
        // Credentials already decided in authorize(); OAuth decides here (lib/auth/oauth.ts).
        if (account?.type !== "oauth") return true;
        // Without the database the sign-in form says so, instead of "we couldn't sign you in with Google".
        const result = await oauthSignIn({ user, account, profile }).catch((error: unknown) => {
          if (isDatabaseUnavailable(error)) return `/login?error=${DATABASE_UNAVAILABLE_CODE}`;
          throw error;
        });
        // A redirect to /settings is linking a provider to a signed-in account, not a sign-in.
        if (result === true || result.startsWith("/login")) {
          recordSignIn({ method: account.provider, outcome: result === true ? "success" : "refused" });
        }
        return result;
      },
      // Called with `account` and `user` only at sign-in, when the device session opens; later calls keep the token.
      async jwt({ token, user, account }) {
        if (account?.type === "oauth") {
          // next-auth's token carries the provider's id and profile; keep only ours.
          const claims = await oauthSessionClaims(account);
          if (!claims) throw new Error("oauth-account-missing");
          return { ...claims, sid: await beginDeviceSession({ userId: claims.sub, method: account.provider }) };
        }
        if (user && "sv" in user) {
          return {
            sub: user.id,
            sv: (user as { sv: number }).sv,
            sid: await beginDeviceSession({ userId: user.id, method: "password" }),
          };
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, userId: token.sub, sv: token.sv };
      },
    },
  };
}
