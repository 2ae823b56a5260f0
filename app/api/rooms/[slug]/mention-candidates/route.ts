// GET ?q=<prefix>: up to 8 people to suggest after an `@` in the room's composer, its participants first
// (lib/chat/mention-candidates.ts has the rules).
import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { listMentionCandidates } from "@/lib/chat/mention-candidates";
import { errorResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

interface RouteContext {
  params: Promise<{ slug: string }>;
}

export async function GET(request: NextRequest, context: RouteContext): Promise<NextResponse> {
  try {
    const { slug } = await context.params;
    const answer = await listMentionCandidates({
      actor: await getCurrentUser(),
      slug,
      q: request.nextUrl.searchParams.get("q"),
      headers: request.headers,
    });
    return NextResponse.json(answer, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
