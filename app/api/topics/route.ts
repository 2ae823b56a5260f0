// GET /api/topics?q=: topic names for the topic field's suggestions (components/topic-field/), busiest first,
// names that start with `q` before names that only contain it. Public data.
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { suggestTopics } from "@/lib/db/topics";
import { errorResponse, fieldErrorsOf, invalid } from "@/lib/errors";
import { TOPIC_NAME_MAX } from "@/lib/validation/rooms";
import { text } from "@/lib/validation/text";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  q: text().trim().max(TOPIC_NAME_MAX, `Topic searches have at most ${TOPIC_NAME_MAX} characters.`).default(""),
});

const SUGGESTIONS = 8;

export async function GET(request: NextRequest): Promise<NextResponse> {
  try {
    const parsed = querySchema.safeParse({ q: request.nextUrl.searchParams.get("q") ?? undefined });
    if (!parsed.success) throw invalid(fieldErrorsOf(parsed.error), "The topic search is too long.");
    const q = parsed.data.q.replace(/\s+/g, " ");
    // A few extra so that reordering by prefix still fills the list with the best ones.
    const names = await suggestTopics({ prefix: q, take: SUGGESTIONS * 2 });
    const lower = q.toLowerCase();
    const starts = names.filter((name) => name.toLowerCase().startsWith(lower));
    const contains = names.filter((name) => !name.toLowerCase().startsWith(lower));
    return NextResponse.json(
      { topics: [...starts, ...contains].slice(0, SUGGESTIONS) },
      // Topics change rarely and are public; a short shared cache spares the database while people type.
      { headers: { "Cache-Control": "public, max-age=15, stale-while-revalidate=60" } },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
