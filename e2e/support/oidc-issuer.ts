// A local OpenID Connect issuer (oauth2-mock-server) for the browser tests: the app offers it
// as "Test OIDC". Each spec picks who the issuer says the person is through a cookie in its own
// browser context (setOidcIdentity), so parallel workers never see each other's identities.
import type { IncomingMessage } from "node:http";
import type { BrowserContext } from "@playwright/test";
import { OAuth2Server, type MutableRedirectUri, type MutableResponse, type MutableToken } from "oauth2-mock-server";

export const OIDC_TEST_CLIENT_ID = "roomful-e2e";
export const OIDC_TEST_CLIENT_SECRET = "roomful-e2e-client-secret";
/** Read by the issuer's /authorize from the browser's request (cookies ignore ports). */
const IDENTITY_COOKIE = "roomful_e2e_oidc_identity";

/** The claims the issuer puts into the ID token (and answers from /userinfo). */
export interface OidcIdentity {
  sub: string;
  email?: string;
  email_verified?: boolean;
  preferred_username?: string;
  name?: string;
  picture?: string;
}

export interface RunningOidcIssuer {
  url: string;
  stop: () => Promise<void>;
}

function encodeIdentity(identity: OidcIdentity): string {
  return Buffer.from(JSON.stringify(identity)).toString("base64url");
}

function decodeIdentity(value: string | undefined): OidcIdentity | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as OidcIdentity;
    return typeof parsed.sub === "string" ? parsed : null;
  } catch {
    return null;
  }
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return undefined;
}

/** Starts the issuer on a free loopback port. Its URL is what OAUTH_TEST_ISSUER gets. */
export async function startOidcIssuer(): Promise<RunningOidcIssuer> {
  const server = new OAuth2Server();
  await server.issuer.keys.generate("RS256");
  // The authorization code ties the browser's /authorize (which carries the cookie) to the
  // app's back-channel /token request (which does not).
  const identityByCode = new Map<string, OidcIdentity>();

  server.service.on("beforeAuthorizeRedirect", (redirect: MutableRedirectUri, req: IncomingMessage) => {
    const code = redirect.url.searchParams.get("code");
    const identity = decodeIdentity(cookieValue(req.headers.cookie, IDENTITY_COOKIE));
    if (code && identity) identityByCode.set(code, identity);
  });
  server.service.on(
    "beforeTokenSigning",
    (token: MutableToken, req: IncomingMessage & { body?: { code?: string } }) => {
      const identity = req.body?.code ? identityByCode.get(req.body.code) : undefined;
      // Both the access token and the ID token: /userinfo reads the claims back from the former.
      if (identity) Object.assign(token.payload, identity);
    },
  );
  server.service.on(
    "beforeResponse",
    (_response: MutableResponse, req: IncomingMessage & { body?: { code?: string } }) => {
      if (req.body?.code) identityByCode.delete(req.body.code);
    },
  );
  server.service.on("beforeUserinfo", (response: MutableResponse, req: IncomingMessage) => {
    const token = /^Bearer (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
    const payload = token?.split(".")[1];
    if (!payload) return;
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
    const { sub, email, email_verified, preferred_username, name, picture } = claims;
    response.body = Object.fromEntries(
      Object.entries({ sub, email, email_verified, preferred_username, name, picture }).filter(
        ([, v]) => v !== undefined,
      ),
    );
  });

  await server.start(0, "127.0.0.1");
  // The library names loopback "localhost"; the app's Node resolver may try ::1 first, where
  // nothing listens. Name the address we bound.
  server.issuer.url = `http://127.0.0.1:${server.address().port}`;
  return { url: server.issuer.url, stop: () => server.stop() };
}

export function oidcIssuerUrl(): string {
  const url = process.env.E2E_OIDC_ISSUER_URL;
  if (!url) throw new Error("E2E_OIDC_ISSUER_URL is not set; run the specs through playwright.config.ts");
  return url;
}

/** The next sign-ins through "Test OIDC" in this browser context come back as `identity`. */
export async function setOidcIdentity(context: BrowserContext, identity: OidcIdentity): Promise<void> {
  await context.addCookies([{ name: IDENTITY_COOKIE, value: encodeIdentity(identity), url: oidcIssuerUrl() }]);
}
