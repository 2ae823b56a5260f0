// GET: every kind of reaction on the message with the earliest reactors by name (a tooltip asks; history pages carry
// counts only), for anyone who may read the room.
// POST { emoji, on }: the signed-in member reacts to the message with an emoji of the catalogue (on: true) or takes
// the reaction back (on: false); `reaction:updated` tells the room. Answers the emoji's summary afterwards. In
// production scripts/serve.ts answers it before Next's router (lib/server/direct-routes.ts); both go through
// lib/chat/reaction-reply.ts.
import { after, NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { claimedUserId } from "@/lib/auth/session-cookie";
import { readText } from "@/lib/chat/http";
import { answerReaction } from "@/lib/chat/reaction-reply";
import { listReactions } from "@/lib/chat/reactions";
import { errorResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

interface RouteContext {
  params: Promise<{ slug: string; id: string }>;
}

export async function GET(request: NextRequest, context: RouteContext): Promise<NextResponse> {
  try {
    const { slug, id } = await context.params;
    // The cookie's claims, not a session check: they only mark the reader's own reactions, which anyone may see.
    const viewerId = await claimedUserId(request.headers.get("cookie"));
    const body = await listReactions({ slug, messageId: id, viewerId });
    return NextResponse.json(body, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
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
