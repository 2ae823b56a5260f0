// The caller in the room's running focus session. POST { goal?, holdMessages? }: joins (a rejoin keeps the goal);
// PATCH { goal?, holdMessages? }: changes them while joined; DELETE: leaves. Each answers { me } and tells the room
// (`focus:member`); errors carry a typed code (lib/focus/members.ts).
import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { readJsonBody } from "@/lib/chat/http";
import { errorResponse } from "@/lib/errors";
import { joinFocusAs, leaveFocusAs, updateFocusMemberAs } from "@/lib/focus/members";

export const dynamic = "force-dynamic";

interface RouteContext {
  params: Promise<{ slug: string }>;
}

const NO_STORE = { "Cache-Control": "no-store" };

export async function POST(request: NextRequest, context: RouteContext): Promise<NextResponse> {
  try {
    const { slug } = await context.params;
    const input = await readJsonBody(request, { optional: true });
    return NextResponse.json(await joinFocusAs({ actor: await getCurrentUser(), slug, input }), { headers: NO_STORE });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function PATCH(request: NextRequest, context: RouteContext): Promise<NextResponse> {
  try {
    const { slug } = await context.params;
    const input = await readJsonBody(request);
    const result = await updateFocusMemberAs({ actor: await getCurrentUser(), slug, input });
    return NextResponse.json(result, { headers: NO_STORE });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function DELETE(_request: NextRequest, context: RouteContext): Promise<NextResponse> {
  try {
    const { slug } = await context.params;
    return NextResponse.json(await leaveFocusAs({ actor: await getCurrentUser(), slug }), { headers: NO_STORE });
  } catch (error) {
    return errorResponse(error);
  }
}
