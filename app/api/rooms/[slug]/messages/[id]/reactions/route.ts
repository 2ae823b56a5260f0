// POST { emoji, on }: the signed-in member reacts to the message with an emoji of the catalogue (on: true) or takes
// the reaction back (on: false); `reaction:updated` tells the room. Answers the emoji's summary afterwards.
import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { readJsonBody } from "@/lib/chat/http";
import { reactToMessage } from "@/lib/chat/reactions";
import { errorResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

interface RouteContext {
  params: Promise<{ slug: string; id: string }>;
}

export async function POST(request: NextRequest, context: RouteContext): Promise<NextResponse> {
  try {
    const { slug, id } = await context.params;
    const input = await readJsonBody(request);
    const result = await reactToMessage({ actor: await getCurrentUser(), slug, messageId: id, input });
    return NextResponse.json(result, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
