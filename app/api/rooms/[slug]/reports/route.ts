// GET: the ids of this room's messages the signed-in member reported, so their Report tool stays "Reported" after a
// reload. The rules: lib/moderation/reports.ts.
import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { listReportedInRoom } from "@/lib/moderation/reports";

export const dynamic = "force-dynamic";

interface RouteContext {
  params: Promise<{ slug: string }>;
}

export async function GET(_request: NextRequest, context: RouteContext): Promise<NextResponse> {
  try {
    const { slug } = await context.params;
    const reported = await listReportedInRoom({ actor: await getCurrentUser(), slug });
    return NextResponse.json(reported, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
