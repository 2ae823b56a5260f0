// POST { ids: [entry ids] } or { all: true, upTo?: entry id }: marks the signed-in member's inbox entries read;
// answers { unread } for the bell.
import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { readJsonBody } from "@/lib/chat/http";
import { errorResponse } from "@/lib/errors";
import { markRead } from "@/lib/notifications/inbox";

export const dynamic = "force-dynamic";

export async function POST(request: NextRequest): Promise<NextResponse> {
  try {
    const input = await readJsonBody(request);
    const state = await markRead({ reader: await getCurrentUser(), input });
    return NextResponse.json(state, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
