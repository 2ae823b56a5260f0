// GET /api/rooms/<slug>/messages/search?q=&author=&from=&to=&sort=&before=&limit=: full-text search of one room's
// messages, for anyone who may read the room (visitors too); rate-limited per member or IP. lib/chat/message-search.ts.
import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { searchRoomMessages } from "@/lib/chat/message-search";
import { errorResponse } from "@/lib/errors";
import { searchParamsRecord } from "@/lib/validation/text";

export const dynamic = "force-dynamic";

interface RouteContext {
  params: Promise<{ slug: string }>;
}

export async function GET(request: NextRequest, context: RouteContext): Promise<NextResponse> {
  try {
    const { slug } = await context.params;
    const answer = await searchRoomMessages(
      { slug, params: searchParamsRecord(request.nextUrl.searchParams) },
      { user: await getCurrentUser(), headers: request.headers },
    );
    return NextResponse.json(answer, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
