// GET /api/rooms/<slug>/mention-candidates?q=: whom the composer suggests after an `@`. For members who may post
// (401 visitors, 403 deactivated or unverified), 400 a `q` no username could start with, 404 an unknown room; each
// ask counts against the member's search limit, as the composer asks while they type.
import "server-only";
import { findMentionCandidates } from "../db/mention-candidates";
import { findChatRoom } from "../db/room-lookup";
import type { UserSummary } from "../db/users";
import { notFound, parseInput } from "../errors";
import { limitSearch } from "../rooms/search-limit";
import { MENTION_CANDIDATES_MAX, mentionQueryParamsSchema } from "../validation/mentions";
import { requirePoster, type ChatActor } from "./actor";

export async function listMentionCandidates({
  actor,
  slug,
  q,
  headers,
}: {
  actor: ChatActor | null;
  slug: string;
  /** The raw query parameter (null when absent: everyone, by the same order). */
  q: string | null;
  headers: Headers;
}): Promise<{ candidates: UserSummary[] }> {
  const caller = requirePoster(actor);
  const { q: prefix } = parseInput(mentionQueryParamsSchema, { q: q ?? "" });
  const room = await findChatRoom({ slug });
  if (!room) throw notFound("room", "This room does not exist (any more).");
  await limitSearch({ user: caller, headers });
  const candidates = await findMentionCandidates({
    roomId: room.id,
    callerId: caller.id,
    prefix,
    limit: MENTION_CANDIDATES_MAX,
  });
  return { candidates };
}
