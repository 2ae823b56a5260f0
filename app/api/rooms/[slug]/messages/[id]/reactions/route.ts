// POST { emoji, on }: the signed-in member reacts to the message with an emoji of the catalogue (on: true) or takes
// the reaction back (on: false); `reaction:updated` tells the room. Answers the emoji's summary afterwards. In
// production scripts/serve.ts answers it before Next's router (lib/server/direct-routes.ts); both go through
// lib/chat/reaction-reply.ts.
import { after, NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { readText } from "@/lib/chat/http";
import { answerReaction } from "@/lib/chat/reaction-reply";
import { errorResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

interface RouteContext {
  params: Promise<{ slug: string; id: string }>;
}

export async function POST(request: NextRequest, context: RouteContext): Promise<NextResponse> {
  const { slug, id } = await context.params;
  let text: string;
  try {
    text = await readText(request);
  } catch (error) {
    return errorResponse(error);
  }
  const reply = await answerReaction({
    actor: getCurrentUser(),
    slug,
    messageId: id,
    text,
    contentType: request.headers.get("content-type"),
  });
  if (reply.delivered) after(reply.delivered);
  return NextResponse.json(reply.body, { status: reply.status, headers: reply.headers });
}
