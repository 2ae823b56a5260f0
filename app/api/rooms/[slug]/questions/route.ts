// GET: the room's open questions (newest first) and answered ones (latest accepted first), for anyone who may read the
// room (lib/questions/questions.ts listQuestions).
import { NextResponse, type NextRequest } from "next/server";
import { errorResponse } from "@/lib/errors";
import { listQuestions } from "@/lib/questions/questions";

export const dynamic = "force-dynamic";

interface RouteContext {
  params: Promise<{ slug: string }>;
}

export async function GET(_request: NextRequest, context: RouteContext): Promise<NextResponse> {
  try {
    const { slug } = await context.params;
    return NextResponse.json(await listQuestions({ slug }), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
