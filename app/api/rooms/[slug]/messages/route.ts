// GET: a page of the room's history, ascending by id (latest 50; ?before=<id> older; ?after=<id> newer or
// catch-up; ?around=<id> a window centred on a message, for jumps; ?after=<id>&changedSince=<ISO> edits and
// deletions since; &limit ≤ 100), for anyone.
// POST { body, clientKey, socketId? }: sends a message as the signed-in member; 201 with the
// stored message, 200 with the same message for a retried clientKey. In production scripts/serve.ts answers POST
// before Next's router (lib/server/direct-routes.ts); both go through lib/chat/send-reply.ts.
import { after, NextResponse, type NextRequest } from "next/server";
import { claimedUserId, readSessionClaims } from "@/lib/auth/session-cookie";
import { readText } from "@/lib/chat/http";
import { listHistory } from "@/lib/chat/messages";
import { answerSend } from "@/lib/chat/send-reply";
import { errorResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

interface RouteContext {
  params: Promise<{ slug: string }>;
}

const NO_STORE = { "Cache-Control": "no-store" };

export async function GET(request: NextRequest, context: RouteContext): Promise<NextResponse> {
  try {
    const { slug } = await context.params;
    const params = request.nextUrl.searchParams;
    const query = Object.fromEntries(
      ["before", "after", "around", "changedSince", "limit"].map((key) => [key, params.get(key) ?? undefined]),
    );
    // The cookie's claims, not a session check: they only mark the reader's own reactions, which anyone may see.
    const viewerId = await claimedUserId(request.headers.get("cookie"));
    return NextResponse.json(await listHistory({ slug, query, viewerId }), { headers: NO_STORE });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function POST(request: NextRequest, context: RouteContext): Promise<NextResponse> {
  const { slug } = await context.params;
  let text: string;
  try {
    text = await readText(request);
  } catch (error) {
    return errorResponse(error);
  }
  const reply = await answerSend({
    // Not awaited here: the cookie is decrypted while the body is parsed. The send statement checks the device
    // session itself, in the same round trip.
    actor: readSessionClaims().then((claims) => ({ claims })),
    slug,
    text,
    contentType: request.headers.get("content-type"),
    socketIdHeader: request.headers.get("x-socket-id"),
  });
  // The message is stored and its trigger already sent: the reply need not wait for the realtime server's answer,
  // but the server keeps the request alive until it has it.
  if (reply.delivered) after(reply.delivered);
  return NextResponse.json(reply.body, { status: reply.status, headers: reply.headers });
}
