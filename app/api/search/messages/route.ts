// GET /api/search/messages?q=&room=&author=&from=&to=&sort=&before=&limit=: full-text search over every room's
// messages, for signed-in members (401 for visitors); rate-limited per member. lib/chat/message-search.ts.
import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { searchAllMessages } from "@/lib/chat/message-search";
import { errorResponse } from "@/lib/errors";
import { searchParamsRecord } from "@/lib/validation/text";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest): Promise<NextResponse> {
  try {
    const answer = await searchAllMessages(
      { params: searchParamsRecord(request.nextUrl.searchParams) },
      { user: await getCurrentUser(), headers: request.headers },
    );
    return NextResponse.json(answer, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
