// Next.js proxy, run before every page, route handler and server action: gives each request an id (a sane incoming
// X-Request-Id is kept), sent back in the response and passed on in the request headers, where
// lib/observability/request-context.ts picks it up for every log line of the request; and refuses state-changing
// API requests sent from another site's page (server actions have Next's own origin check).
import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_ID_HEADER, requestIdFor } from "./lib/observability/request-id";
import { CROSS_SITE_MESSAGE, isCrossSiteWrite } from "./lib/security/cross-site";

export function proxy(request: NextRequest): NextResponse {
  const id = requestIdFor(request.headers.get(REQUEST_ID_HEADER));
  if (request.nextUrl.pathname.startsWith("/api/") && isCrossSiteWrite(request.method, (n) => request.headers.get(n))) {
    return NextResponse.json(
      { error: { code: "forbidden:origin", message: CROSS_SITE_MESSAGE } },
      { status: 403, headers: { [REQUEST_ID_HEADER]: id } },
    );
  }
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, id);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set(REQUEST_ID_HEADER, id);
  return response;
}

export const config = {
  // Build assets and the favicon need no id (and are the bulk of requests).
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
