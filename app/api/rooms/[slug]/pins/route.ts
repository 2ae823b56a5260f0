// GET: the room's pins, newest first (message id, excerpt, author, times), for anyone who may read the room
// (lib/rooms/pins.ts listPins).
import { NextResponse, type NextRequest } from "next/server";
import { errorResponse } from "@/lib/errors";
import { listPins } from "@/lib/rooms/pins";

export const dynamic = "force-dynamic";

interface RouteContext {
  params: Promise<{ slug: string }>;
}

export async function GET(_request: NextRequest, context: RouteContext): Promise<NextResponse> {
  try {
    const { slug } = await context.params;
    return NextResponse.json(await listPins({ slug }), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
