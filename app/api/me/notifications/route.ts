// GET ?before=<entry id>: a page of the signed-in member's notifications inbox, newest first, with their unread count
// (lib/notifications/inbox.ts).
import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { readInbox } from "@/lib/notifications/inbox";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest): Promise<NextResponse> {
  try {
    const query = Object.fromEntries(request.nextUrl.searchParams);
    const page = await readInbox({ reader: await getCurrentUser(), query });
    return NextResponse.json(page, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
