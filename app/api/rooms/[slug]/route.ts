// GET /api/rooms/<slug>: one room as JSON, in the same shape as GET /api/rooms' list items;
// 404 { error: { code: "not_found:room" } } for a slug no room has. Public data.
import { NextResponse, type NextRequest } from "next/server";
import { findRoomCard } from "@/lib/db/rooms";
import { errorResponse, notFound } from "@/lib/errors";
import { roomJson } from "../room-json";
import { ROOM_SLUG_PATTERN } from "@/lib/validation/rooms";

export const dynamic = "force-dynamic";

// Slugs come from slugify (lower-case letters, digits, dashes); anything else cannot exist.

export async function GET(
  _request: NextRequest,
  { params }: { params: Promise<{ slug: string }> },
): Promise<NextResponse> {
  try {
    const { slug } = await params;
    const room = ROOM_SLUG_PATTERN.test(slug) ? await findRoomCard({ slug }) : null;
    if (!room) throw notFound("room", "No room has that address.");
    return NextResponse.json({ room: roomJson(room) });
  } catch (error) {
    return errorResponse(error);
  }
}
