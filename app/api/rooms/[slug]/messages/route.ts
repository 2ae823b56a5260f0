// GET: a page of the room's history, ascending by id (latest 50; ?before=<id> older; ?after=<id>
// catch-up; ?after=<id>&changedSince=<ISO> edits and deletions since; &limit ≤ 100), for anyone.
// POST { body, clientKey, socketId? }: sends a message as the signed-in member; 201 with the
// stored message, 200 with the same message for a retried clientKey.
import { after, NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { readJsonBody, socketIdFrom } from "@/lib/chat/http";
import { listHistory, sendMessage } from "@/lib/chat/messages";
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
      ["before", "after", "changedSince", "limit"].map((key) => [key, params.get(key) ?? undefined]),
    );
    return NextResponse.json(await listHistory({ slug, query }), { headers: NO_STORE });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function POST(request: NextRequest, context: RouteContext): Promise<NextResponse> {
  try {
    const { slug } = await context.params;
    const input = await readJsonBody(request);
    // Not awaited here: sendMessage looks the room up while the session is checked.
    const result = await sendMessage({ actor: getCurrentUser(), slug, input, socketId: socketIdFrom(request, input) });
    // The message is stored and its trigger already sent: the reply need not wait for the
    // realtime server's answer, but the server keeps the request alive until it has it.
    after(result.delivered);
    // One message is a few hundred bytes: gzipping it costs the server more than it saves
    // (a zlib stream per reply), so the reply asks not to be transformed.
    return NextResponse.json(result.message, {
      status: result.created ? 201 : 200,
      headers: { "Cache-Control": "no-store, no-transform" },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
