// PUT: marks the message as a question (its author, the room's host or a moderator); DELETE: unmarks an open one.
// Both answer { changed } and tell the room (`question:updated`); errors carry a typed code (lib/questions).
import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { markQuestionAs, unmarkQuestionAs } from "@/lib/questions/questions";

export const dynamic = "force-dynamic";

interface RouteContext {
  params: Promise<{ slug: string; id: string }>;
}

const NO_STORE = { "Cache-Control": "no-store" };

export async function PUT(_request: NextRequest, context: RouteContext): Promise<NextResponse> {
  try {
    const { slug, id } = await context.params;
    const result = await markQuestionAs({ actor: await getCurrentUser(), slug, messageId: id });
    return NextResponse.json(result, { headers: NO_STORE });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function DELETE(_request: NextRequest, context: RouteContext): Promise<NextResponse> {
  try {
    const { slug, id } = await context.params;
    const result = await unmarkQuestionAs({ actor: await getCurrentUser(), slug, messageId: id });
    return NextResponse.json(result, { headers: NO_STORE });
  } catch (error) {
    return errorResponse(error);
  }
}
