// GET: the signed-in member's unread inbox entries, { unread }: the bell asks each time its live channel (re)connects,
// since an entry stored while it was not subscribed sent its event to nobody.
import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { unreadNotifications } from "@/lib/notifications/inbox";

export const dynamic = "force-dynamic";

export async function GET(): Promise<NextResponse> {
  try {
    const unread = await unreadNotifications({ reader: await getCurrentUser() });
    return NextResponse.json({ unread }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
