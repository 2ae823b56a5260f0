// zod schema of a message search's parameters, shared by both routes (a room's, every room's) and the search page:
// the words, filters by author, room and dates, the sort and the keyset. A bad value is a 400 naming the parameter.
import { z } from "zod";
import { USERNAME_PATTERN } from "./account";
import { MAX_MESSAGE_ID } from "./messages";
import { pageLimitParam, ROOM_SLUG_PATTERN, searchQueryParam } from "./rooms";
import { lenientQueryParam, queryParam, text } from "./text";

export const MESSAGE_SEARCH_PAGE_SIZE = 20;
export const MESSAGE_SEARCH_PAGE_MAX = 50;
export const MESSAGE_SEARCH_SORTS = ["relevance", "newest"] as const;

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const NOT_A_DAY = "Write dates as YYYY-MM-DD, like 2026-03-31.";

/** Optional, trimmed, "" for none. */
const optionalParam = queryParam.transform((v) => v?.trim() || undefined);

/** A calendar day (UTC midnight), from a date input's YYYY-MM-DD. */
const dayParam = optionalParam.pipe(
  text()
    .regex(DAY_PATTERN, NOT_A_DAY)
    .transform((v) => new Date(`${v}T00:00:00Z`))
    .refine((d) => !Number.isNaN(d.getTime()), NOT_A_DAY)
    .optional(),
);

export const messageSearchSchema = z
  .object({
    q: searchQueryParam,
    /** "@dana" is how people write a handle; usernames are stored lower-case without the "@". */
    author: optionalParam.pipe(
      text()
        .transform((v) => v.replace(/^@/, "").toLowerCase())
        .pipe(text().regex(USERNAME_PATTERN, "Authors are usernames: letters, digits and underscores."))
        .optional(),
    ),
    room: optionalParam.pipe(text().regex(ROOM_SLUG_PATTERN, "That is not a room’s address.").optional()),
    from: dayParam,
    to: dayParam,
    before: optionalParam.pipe(
      text()
        .regex(/^\d{1,16}$/, "before is a message id.")
        .transform(Number)
        .pipe(z.number().int().positive("before is a message id.").max(MAX_MESSAGE_ID, "before is a message id."))
        .optional(),
    ),
    sort: lenientQueryParam.transform((v) => (v === "newest" ? "newest" : "relevance") as MessageSearchSortParam),
    limit: pageLimitParam(MESSAGE_SEARCH_PAGE_SIZE, MESSAGE_SEARCH_PAGE_MAX),
  })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { message: "The first day comes after the last.", path: ["to"] });

export type MessageSearchSortParam = (typeof MESSAGE_SEARCH_SORTS)[number];
export type MessageSearchParams = z.infer<typeof messageSearchSchema>;

/** One result as both routes answer it (and the search page and room panel show it). */
export interface MessageSearchResult {
  id: number;
  /** Opens the message in its room (the room page's jump). */
  url: string;
  room: { slug: string; name: string };
  /** Null once the author's account is deleted. */
  author: { username: string; name: string; avatarUrl: string | null } | null;
  /** Plain text around the first match; highlight `terms` in it. */
  excerpt: string;
  createdAt: string;
  editedAt: string | null;
}

export interface MessageSearchAnswer {
  /** False for an empty query: nothing was searched (and nothing counted against the limit). */
  searched: boolean;
  results: MessageSearchResult[];
  /** The stems searched for, to mark whole words starting with them. */
  terms: string[];
  /** `before` of the next (older) page; "newest" sort only, as relevance ranks one bounded set. */
  nextCursor: number | null;
  /** Why nothing was searched although words were given (only stop words, an unknown author). */
  notice: string | null;
}
