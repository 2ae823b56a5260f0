// The `q` of GET /api/rooms/<slug>/mention-candidates: what follows an `@` in the composer, so only username
// characters. Upper case is accepted (people type it) and lower-cased, as usernames are stored.
import { z } from "zod";
import { text } from "./text";
import { MENTION_QUERY_MAX } from "../chat/mention-token";

/** How many people the suggestions list at most. */
export const MENTION_CANDIDATES_MAX = 8;

export const mentionQuerySchema = text()
  .max(MENTION_QUERY_MAX, `Usernames have at most ${MENTION_QUERY_MAX} characters.`)
  .regex(/^[A-Za-z0-9_]*$/, "Search with letters, digits and underscores only, as usernames are written.")
  .transform((q) => q.toLowerCase());

/** The route's query string: a 400 names `q`. */
export const mentionQueryParamsSchema = z.object({ q: mentionQuerySchema });

export const mentionCandidateSchema = z.object({
  id: text().min(1).max(64),
  username: text().min(1).max(64),
  name: text().min(1).max(200),
  avatarUrl: text().max(2048).nullable(),
});
export type MentionCandidate = z.infer<typeof mentionCandidateSchema>;

export const mentionCandidatesSchema = z.object({
  candidates: z.array(mentionCandidateSchema).max(MENTION_CANDIDATES_MAX),
});
