// POST socket_id + channel_name (form-encoded, as pusher-js sends them, or JSON): signs a
// subscription to a room's presence channel or one of the caller's own private channels
// (lib/chat/channel-auth.ts has the rules). Answers the realtime server's { auth, channel_data? }.
import { NextResponse, type NextRequest } from "next/server";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { getCurrentUser } from "@/lib/auth/session";
import { authorizeChannel } from "@/lib/chat/channel-auth";
import { readFormOrJson } from "@/lib/chat/http";
import { errorResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

export async function POST(request: NextRequest): Promise<NextResponse> {
  try {
    const actor = await getCurrentUser();
    const auth = await authorizeChannel({
      actor,
      input: await readFormOrJson(request),
      ip: clientIpFrom(request.headers),
    });
    return NextResponse.json(auth, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
