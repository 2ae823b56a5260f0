// GET: the room's focus session (schedule, serverNow, joined members with goals; the caller's own part), for anyone
// who may read the room. POST { focusSeconds, breakSeconds, rounds }: starts one (409 `conflict:focus_running` while
// one runs); DELETE: stops it (its starter, the host, moderators). Both tell the room (`focus:updated`; lib/focus).
import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { readJsonBody } from "@/lib/chat/http";
import { errorResponse } from "@/lib/errors";
import { focusStateOf, startFocusAs, stopFocusAs } from "@/lib/focus/sessions";

export const dynamic = "force-dynamic";

interface RouteContext {
  params: Promise<{ slug: string }>;
}

const NO_STORE = { "Cache-Control": "no-store" };

export async function GET(_request: NextRequest, context: RouteContext): Promise<NextResponse> {
  try {
    const { slug } = await context.params;
    return NextResponse.json(await focusStateOf({ actor: await getCurrentUser(), slug }), { headers: NO_STORE });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function POST(request: NextRequest, context: RouteContext): Promise<NextResponse> {
  try {
    const { slug } = await context.params;
    const input = await readJsonBody(request);
    const result = await startFocusAs({ actor: await getCurrentUser(), slug, input });
    return NextResponse.json(result, { status: 201, headers: NO_STORE });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function DELETE(_request: NextRequest, context: RouteContext): Promise<NextResponse> {
  try {
    const { slug } = await context.params;
    return NextResponse.json(await stopFocusAs({ actor: await getCurrentUser(), slug }), { headers: NO_STORE });
  } catch (error) {
    return errorResponse(error);
  }
}
