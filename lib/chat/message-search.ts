// Message search, written once for both routes (GET /api/rooms/<slug>/messages/search, GET /api/search/messages) and
// the search page: validates the parameters, checks who may search where (a room: anyone who may read it, visitors
// included; every room: signed-in members), counts the search against its rate limit, runs it
// (lib/db/message-search.ts) and answers plain excerpts with the words to highlight (never PostgreSQL's HTML: the page
// escapes all text itself).
import "server-only";
import { messageHref } from "./client/jump";
import { findSearchLexemes, searchMessageRows, type MessageSearchRow } from "../db/message-search";
import { findChatRoom } from "../db/room-lookup";
import { avatarUrlOf, findMemberIdByUsername } from "../db/users";
import { fieldErrorsOf, invalid, notFound, unauthorized } from "../errors";
import { excerptAround } from "../messages/excerpt";
import { limitMessageSearch } from "../rooms/search-limit";
import {
  messageSearchSchema,
  type MessageSearchAnswer,
  type MessageSearchParams,
  type MessageSearchResult,
} from "../validation/message-search";

export type { MessageSearchAnswer, MessageSearchResult };

export const MESSAGE_EXCERPT_CHARS = 200;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface MessageSearchCaller {
  user: { id: string } | null;
  headers: Headers;
}

type RawParams = Record<string, string | string[] | undefined>;

const NOTHING: MessageSearchAnswer = { searched: false, results: [], terms: [], nextCursor: null, notice: null };

function parse(raw: RawParams): MessageSearchParams {
  const parsed = messageSearchSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fields = fieldErrorsOf(parsed.error);
  // The first problem is the headline: "Searches have at most 200 characters."
  throw invalid(fields, Object.values(fields)[0] ?? "Please check the search parameters.");
}

async function roomIdOf(slug: string): Promise<string> {
  const room = await findChatRoom({ slug });
  if (!room) throw notFound("room", `There is no room “${slug}”.`);
  return room.id;
}

function resultOf(row: MessageSearchRow, terms: string[]): MessageSearchResult {
  const author =
    row.authorId && row.authorUsername !== null && row.authorName !== null
      ? {
          username: row.authorUsername,
          name: row.authorName,
          avatarUrl: avatarUrlOf({
            id: row.authorId,
            image: row.authorImage,
            avatar: row.authorAvatarAt ? { updatedAt: row.authorAvatarAt } : null,
          }),
        }
      : null;
  return {
    id: row.id,
    url: messageHref(row.roomSlug, row.id),
    room: { slug: row.roomSlug, name: row.roomName },
    author,
    excerpt: excerptAround(row.body, terms, MESSAGE_EXCERPT_CHARS),
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
  };
}

/** The words as typed, for the highlight: lower-case letters and digits. */
const typedWords = (q: string) => [...new Set(q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])];

async function run(params: MessageSearchParams, roomId: string | undefined, caller: MessageSearchCaller) {
  const { q, author, from, to, before, sort, limit } = params;
  if (!q) return NOTHING;
  await limitMessageSearch(caller);
  let authorId: string | undefined;
  if (author) {
    authorId = (await findMemberIdByUsername({ username: author }))?.id;
    if (!authorId) return { ...NOTHING, searched: true, notice: `No member is called @${author}.` };
  }
  const { lexemes, searchedWords } = await findSearchLexemes({ q, words: typedWords(q) });
  if (lexemes.length === 0) {
    const notice = "Your search has only very common words (like “the” or “and”), which search skips. Add a rarer one.";
    return { ...NOTHING, searched: true, notice };
  }
  const rows = await searchMessageRows({
    q,
    roomId,
    authorId,
    from,
    // The last day counts whole: up to the next midnight.
    to: to && new Date(to.getTime() + DAY_MS),
    before: sort === "newest" ? before : undefined,
    sort,
    limit,
  });
  const page = rows.slice(0, limit);
  // Stems mark the other forms ("run" marks "runs"); the searched words as typed mark themselves, also where their
  // stem does not begin them ("study", stemmed "studi").
  const terms = [...new Set([...lexemes, ...searchedWords])];
  return {
    searched: true,
    results: page.map((row) => resultOf(row, terms)),
    terms,
    nextCursor: sort === "newest" && rows.length > limit ? (page.at(-1)?.id ?? null) : null,
    notice: null,
  };
}

/** A search within one room, for anyone who may read it (every room is public, visitors included); 404 for none. */
export async function searchRoomMessages(
  { slug, params }: { slug: string; params: RawParams },
  caller: MessageSearchCaller,
): Promise<MessageSearchAnswer> {
  const roomId = await roomIdOf(slug);
  // The room comes from the path here; a `room` parameter would only contradict it.
  return run({ ...parse(params), room: undefined }, roomId, caller);
}

/** A search over every room (or the `room` filter's), for signed-in members only: 401 for visitors. */
export async function searchAllMessages(
  { params }: { params: RawParams },
  caller: MessageSearchCaller,
): Promise<MessageSearchAnswer> {
  if (!caller.user) throw unauthorized("Please sign in to search messages across rooms.");
  const parsed = parse(params);
  const roomId = parsed.room ? await roomIdOf(parsed.room) : undefined;
  return run(parsed, roomId, caller);
}
