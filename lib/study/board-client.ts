// The browser's call for a room's weekly study board (GET /api/rooms/<slug>/study-board), its answer parsed with zod.
// A 404 means the board is off (or the room gone): null, which the panel says.
import { z } from "zod";

export const studyBoardAnswerSchema = z.object({
  weekStart: z.string(),
  entries: z.array(
    z.object({
      rank: z.number().int(),
      member: z.object({ id: z.string(), username: z.string(), name: z.string(), avatarUrl: z.string().nullable() }),
      studyMs: z.number(),
    }),
  ),
});
export type StudyBoardAnswer = z.infer<typeof studyBoardAnswerSchema>;

export async function fetchStudyBoard(slug: string, signal?: AbortSignal): Promise<StudyBoardAnswer | null> {
  const response = await fetch(`/api/rooms/${encodeURIComponent(slug)}/study-board`, {
    headers: { Accept: "application/json" },
    cache: "no-store",
    signal,
  });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`The study board could not be loaded (${response.status}).`);
  return studyBoardAnswerSchema.parse(await response.json());
}
