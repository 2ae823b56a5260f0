// The browser's call for a room's weekly study board (GET /api/rooms/<slug>/study-board), its answer parsed with zod.
// A 404 means the board is off (or the room gone): null, which the panel says.
import { z } from "zod";
import { ChatApiError, request } from "../chat/client/chat-api";

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
  const url = `/api/rooms/${encodeURIComponent(slug)}/study-board`;
  return request(url, { method: "GET", signal }, studyBoardAnswerSchema).catch((error: unknown) => {
    if (error instanceof ChatApiError && error.status === 404) return null;
    throw error;
  });
}
