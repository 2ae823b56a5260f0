// PATCH { body, socketId? }: the author edits their message (marked edited, `message:updated`).
// DELETE: the author, the room's host or a moderator deletes it (soft: the body is blanked,
// `message:deleted`). Both answer JSON; errors carry a typed code.
import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { readJsonBody, socketIdFrom } from "@/lib/chat/http";
import { deleteRoomMessage, editMessage } from "@/lib/chat/messages";
import { errorResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

interface RouteContext {
  params: Promise<{ slug: string; id: string }>;
}

const NO_STORE = { "Cache-Control": "no-store" };

export async function PATCH(request: NextRequest, context: RouteContext): Promise<NextResponse> {
  try {
    const { slug, id } = await context.params;
    const input = await readJsonBody(request);
    const message = await editMessage({
      actor: await getCurrentUser(),
      slug,
      messageId: id,
      input,
      socketId: socketIdFrom(request, input),
    });
    return NextResponse.json(message, { headers: NO_STORE });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function DELETE(_request: NextRequest, context: RouteContext): Promise<NextResponse> {
  try {
    const { slug, id } = await context.params;
    return NextResponse.json(await deleteRoomMessage({ actor: await getCurrentUser(), slug, messageId: id }), {
      headers: NO_STORE,
    });
  } catch (error) {
    return errorResponse(error);
  }
}
