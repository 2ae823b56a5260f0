// PUT { sessionId, done }: the caller says whether they reached their goal in that focus session of the room, once it
// has ended or they left it (lib/focus/members.ts markFocusGoalAs). Answers { me }.
import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { readJsonBody } from "@/lib/chat/http";
import { errorResponse } from "@/lib/errors";
import { markFocusGoalAs } from "@/lib/focus/members";

export const dynamic = "force-dynamic";

interface RouteContext {
  params: Promise<{ slug: string }>;
}

export async function PUT(request: NextRequest, context: RouteContext): Promise<NextResponse> {
  try {
    const { slug } = await context.params;
    const input = await readJsonBody(request);
    const result = await markFocusGoalAs({ actor: await getCurrentUser(), slug, input });
    return NextResponse.json(result, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
