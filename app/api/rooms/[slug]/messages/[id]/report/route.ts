// POST { reason: "spam" | "harassment" | "other", note? }: the signed-in member reports a message of the room to the
// moderators (/admin/reports); 201 with the stored report. The rules and refusals: lib/moderation/reports.ts.
import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { requirePoster } from "@/lib/chat/actor";
import { readJsonBody } from "@/lib/chat/http";
import { errorResponse } from "@/lib/errors";
import { reportMessageAs } from "@/lib/moderation/reports";

export const dynamic = "force-dynamic";

interface RouteContext {
  params: Promise<{ slug: string; id: string }>;
}

export async function POST(request: NextRequest, context: RouteContext): Promise<NextResponse> {
  try {
    const { slug, id } = await context.params;
    // Who asks before what they sent: a visitor is told to sign in (401) whatever the body.
    const actor = requirePoster(await getCurrentUser());
    const input = await readJsonBody(request);
    const report = await reportMessageAs({ actor, slug, messageId: id, input });
    return NextResponse.json({ report }, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
