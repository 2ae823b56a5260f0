// POST socket_id (form-encoded, as pusher-js sends it, or JSON): signs pusher:signin for the
// connection, as the signed-in member or as a visitor (lib/chat/user-auth.ts has the rules).
// Answers the realtime server's { auth, user_data }.
import { NextResponse, type NextRequest } from "next/server";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { getCurrentUser } from "@/lib/auth/session";
import { readFormOrJson } from "@/lib/chat/http";
import { authenticateRealtimeUser } from "@/lib/chat/user-auth";
import { errorResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

export async function POST(request: NextRequest): Promise<NextResponse> {
  try {
    const auth = await authenticateRealtimeUser({
      actor: await getCurrentUser(),
      input: await readFormOrJson(request),
      ip: clientIpFrom(request.headers),
    });
    return NextResponse.json(auth, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
