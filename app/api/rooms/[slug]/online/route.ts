// GET: how many members are online in the room (anyone), and up to 100 of them for a signed-in member whom the full
// presence channel turned away (lib/realtime/presence.ts getRoomOnline has the rules).
import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { getRoomOnline } from "@/lib/realtime/presence";

export const dynamic = "force-dynamic";

interface RouteContext {
  params: Promise<{ slug: string }>;
}

export async function GET(_request: NextRequest, context: RouteContext): Promise<NextResponse> {
  try {
    const { slug } = await context.params;
    const online = await getRoomOnline({ actor: await getCurrentUser(), slug });
    return NextResponse.json(online, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
