// An away email's one-click unsubscribe (RFC 8058): mail clients POST `List-Unsubscribe=One-Click` here with no
// cookie and no Origin, and the token alone turns the member's away emails off. A GET (someone opened the header's
// link) goes to the page, which asks before it acts: mail scanners open links.
import { NextResponse, type NextRequest } from "next/server";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { env } from "@/lib/env";
import { errorResponse } from "@/lib/errors";
import { invalidUnsubscribeLink, unsubscribeByLink, unsubscribePagePath } from "@/lib/notifications/unsubscribe";

export const dynamic = "force-dynamic";

interface UnsubscribeRouteContext {
  params: Promise<{ token: string }>;
}

export async function POST(request: NextRequest, context: UnsubscribeRouteContext): Promise<NextResponse> {
  try {
    const { token } = await context.params;
    // The body (List-Unsubscribe=One-Click) is not required: some clients post an empty one.
    await unsubscribeByLink({ token, ip: clientIpFrom(request.headers) });
    return NextResponse.json({ unsubscribed: true }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function GET(_request: NextRequest, context: UnsubscribeRouteContext): Promise<NextResponse> {
  const page = unsubscribePagePath((await context.params).token);
  if (!page) return errorResponse(invalidUnsubscribeLink());
  return NextResponse.redirect(new URL(page, env().APP_URL), 303);
}
