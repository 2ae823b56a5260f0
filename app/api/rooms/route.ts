// GET /api/rooms: the home feed as JSON. Takes the page's own parameters (q, topic, sort, cursor,
// limit, parsed by the same zod schema) and answers { rooms, nextCursor, total, totalIsCapped }.
// A search counts at most ROOM_COUNT_CAP rooms: then total is that cap and totalIsCapped is true.
// Public data; searches (a `q`) are rate-limited per member or IP (lib/rooms/search-limit.ts).
import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { countRooms, searchRooms } from "@/lib/db/rooms";
import { findTopic } from "@/lib/db/topics";
import { errorResponse, fieldErrorsOf, invalid, notFound } from "@/lib/errors";
import { limitSearch } from "@/lib/rooms/search-limit";
import { roomSearchSchema } from "@/lib/validation/rooms";
import { searchParamsRecord } from "@/lib/validation/text";
import { roomJson } from "./room-json";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest): Promise<NextResponse> {
  try {
    const parsed = roomSearchSchema.safeParse(searchParamsRecord(request.nextUrl.searchParams));
    if (!parsed.success) {
      const fields = fieldErrorsOf(parsed.error);
      // The first problem is the headline: "Searches have at most 200 characters."
      throw invalid(fields, Object.values(fields)[0] ?? "Please check the search parameters.");
    }
    const { q, topic, sort, cursor, limit } = parsed.data;
    if (q) await limitSearch({ user: await getCurrentUser(), headers: request.headers });
    // A filter on a topic that does not exist is a mistake worth naming, not an empty list.
    if (topic && !(await findTopic({ slug: topic }))) throw notFound("topic", `There is no topic “${topic}”.`);

    const filter = { q: q || undefined, topicSlug: topic };
    const [page, { total, capped }] = await Promise.all([
      searchRooms({ ...filter, sort, cursor, limit }),
      countRooms(filter),
    ]);
    return NextResponse.json({
      rooms: page.rooms.map(roomJson),
      nextCursor: page.nextCursor,
      total,
      totalIsCapped: capped,
    });
  } catch (error) {
    return errorResponse(error);
  }
}
