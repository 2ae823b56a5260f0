// GET /api/me: who the session cookie belongs to right now, checked against the database (a
// revoked or deactivated session answers 401). For clients and the session tests.
import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { errorResponse, unauthorized } from "@/lib/errors";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

export async function GET(): Promise<NextResponse> {
  try {
    const user = await getCurrentUser();
    if (!user) {
      const response = errorResponse(unauthorized());
      response.headers.set("Cache-Control", "no-store");
      return response;
    }
    return NextResponse.json({ id: user.id, username: user.username, role: user.role }, { headers: NO_STORE });
  } catch (error) {
    return errorResponse(error);
  }
}
