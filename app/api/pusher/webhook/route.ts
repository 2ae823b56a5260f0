// POST from the realtime server (soketi or Pusher Channels): presence webhooks, verified with the
// app's secret, that keep each room's "N online" (lib/realtime/presence.ts). No session involved.
import { NextResponse } from "next/server";
import { errorResponse } from "@/lib/errors";
import { handlePresenceWebhook } from "@/lib/realtime/presence";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<NextResponse> {
  try {
    const result = await handlePresenceWebhook({ headers: request.headers, rawBody: await request.text() });
    return NextResponse.json({ ok: true, ...result });
  } catch (error) {
    return errorResponse(error);
  }
}
