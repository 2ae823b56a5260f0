// PUT { answerId }: accepts a reply to the question as its answer (the asker, the room's host or a moderator); the
// answerer gets an ACCEPTED inbox entry. DELETE: unaccepts. Both answer { changed } and tell the room
// (`question:updated`); a non-reply, a deleted answer or question is refused with a typed code (lib/questions).
import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { readJsonBody } from "@/lib/chat/http";
import { errorResponse } from "@/lib/errors";
import { acceptAnswerAs, unacceptAnswerAs } from "@/lib/questions/questions";

export const dynamic = "force-dynamic";

interface RouteContext {
  params: Promise<{ slug: string; id: string }>;
}

const NO_STORE = { "Cache-Control": "no-store" };

export async function PUT(request: NextRequest, context: RouteContext): Promise<NextResponse> {
  try {
    const { slug, id } = await context.params;
    const input = await readJsonBody(request);
    const result = await acceptAnswerAs({ actor: await getCurrentUser(), slug, messageId: id, input });
    return NextResponse.json(result, { headers: NO_STORE });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function DELETE(_request: NextRequest, context: RouteContext): Promise<NextResponse> {
  try {
    const { slug, id } = await context.params;
    const result = await unacceptAnswerAs({ actor: await getCurrentUser(), slug, messageId: id });
    return NextResponse.json(result, { headers: NO_STORE });
  } catch (error) {
    return errorResponse(error);
  }
}
