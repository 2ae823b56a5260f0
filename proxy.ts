// Next.js proxy, run before every page, route handler and server action: gives each request an id (a sane incoming
// X-Request-Id is kept), sent back in the response and passed on in the request headers, where
// lib/observability/request-context.ts picks it up for every log line of the request; sets the security headers with
// a fresh script nonce (lib/security/headers.ts; the policy also goes on the request, where Next.js reads the nonce
// for its own scripts); and refuses state-changing API requests sent from another site's page (server actions have
// Next's own origin check).
import { NextResponse, type NextRequest } from "next/server";
import { env } from "./lib/env";
import { REQUEST_ID_HEADER, requestIdFor } from "./lib/observability/request-id";
import { publicRealtimeConfig } from "./lib/realtime/config";
import { CROSS_SITE_MESSAGE, isCrossSiteWrite } from "./lib/security/cross-site";
import { securityHeaders } from "./lib/security/headers";

function headersFor(nonce: string): Record<string, string> {
  const e = env();
  return securityHeaders({
    nonce,
    development: e.NODE_ENV === "development",
    https: e.APP_URL.startsWith("https://"),
    realtime: publicRealtimeConfig(),
  });
}

// RFC 8058 one-click unsubscribes are posted by mail clients, from their own origin: the token is all the authority
// the route takes, so a post from another site's page can do nothing a click on the link could not.
const CROSS_SITE_ALLOWED = /^\/api\/unsubscribe\/[^/]+$/;

export function proxy(request: NextRequest): NextResponse {
  const id = requestIdFor(request.headers.get(REQUEST_ID_HEADER));
  const security = headersFor(Buffer.from(crypto.randomUUID()).toString("base64"));
  const { pathname } = request.nextUrl;
  if (
    pathname.startsWith("/api/") &&
    !CROSS_SITE_ALLOWED.test(pathname) &&
    isCrossSiteWrite(request.method, (n) => request.headers.get(n))
  ) {
    return NextResponse.json(
      { error: { code: "forbidden:origin", message: CROSS_SITE_MESSAGE } },
      { status: 403, headers: { ...security, [REQUEST_ID_HEADER]: id } },
    );
  }
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, id);
  headers.set("Content-Security-Policy", security["Content-Security-Policy"] ?? "");
  const response = NextResponse.next({ request: { headers } });
  response.headers.set(REQUEST_ID_HEADER, id);
  for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Build assets and the favicon need no id (and are the bulk of requests).
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
