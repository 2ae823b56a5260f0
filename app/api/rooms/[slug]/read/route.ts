// POST { messageId? }: marks the room read for the signed-in member up to that message (default:
// the latest), never backwards; answers { lastReadMessageId, totalUnread } for the header badge.
import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { readJsonBody } from "@/lib/chat/http";
import { markRoomRead } from "@/lib/chat/unread";
import { errorResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

interface RouteContext {
  params: Promise<{ slug: string }>;
}

export async function POST(request: NextRequest, context: RouteContext): Promise<NextResponse> {
  try {
    const { slug } = await context.params;
    const input = await readJsonBody(request, { optional: true });
    const state = await markRoomRead({ actor: await getCurrentUser(), slug, input });
    return NextResponse.json(state, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
