// GET: the room's weekly study board (rank, member, study time this ISO week in the room's sessions) for anyone while
// the host has it on; 404 with a JSON body when it is off or the room is gone (lib/study/study-board.ts).
import { NextResponse, type NextRequest } from "next/server";
import { errorResponse } from "@/lib/errors";
import { getStudyBoard } from "@/lib/study/study-board";

export const dynamic = "force-dynamic";

interface RouteContext {
  params: Promise<{ slug: string }>;
}

export async function GET(_request: NextRequest, context: RouteContext): Promise<NextResponse> {
  try {
    const { slug } = await context.params;
    return NextResponse.json(await getStudyBoard({ slug }), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
