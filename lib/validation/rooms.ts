// zod schemas for rooms: the create/edit form and the search parameters shared by the home page
// and GET /api/rooms (so every state of the feed is a URL both understand).
import { z } from "zod";
import { SLUG_MAX_LENGTH } from "../rooms/slug";
import { lenientQueryParam, queryParam, text } from "./text";

export const ROOM_NAME_MIN = 3;
export const ROOM_NAME_MAX = 80;
export const ROOM_DESCRIPTION_MAX = 2000;
export const TOPIC_NAME_MAX = 40;
export const SEARCH_QUERY_MAX = 200;
/** Rooms per feed page (and GET /api/rooms) unless ?limit= says otherwise; "Show more" adds as many. */
export const PAGE_SIZE = 24;
export const PAGE_SIZE_MAX = 50;

export const roomFormSchema = z.object({
  name: text({ message: "Give the room a name." })
    .trim()
    .min(ROOM_NAME_MIN, `Room names have at least ${ROOM_NAME_MIN} characters.`)
    .max(ROOM_NAME_MAX, `Room names have at most ${ROOM_NAME_MAX} characters.`),
  topic: text({ message: "Pick or type a topic." })
    .trim()
    .min(2, "Topics have at least 2 characters.")
    .max(TOPIC_NAME_MAX, `Topics have at most ${TOPIC_NAME_MAX} characters.`),
  description: text()
    .trim()
    .max(ROOM_DESCRIPTION_MAX, `Descriptions have at most ${ROOM_DESCRIPTION_MAX.toLocaleString("en-US")} characters.`)
    .default(""),
});
export type RoomFormInput = z.infer<typeof roomFormSchema>;

/** Names and topics are one line, however they were posted; descriptions keep "\n" line breaks. */
export function normaliseRoomForm(form: unknown): unknown {
  if (typeof form !== "object" || form === null) return form;
  const { name, topic, description } = form as Record<string, unknown>;
  const oneLine = (value: unknown) => (typeof value === "string" ? value.replace(/\s+/g, " ") : value);
  const lines = typeof description === "string" ? description.replace(/\r\n/g, "\n") : description;
  return { ...form, name: oneLine(name), topic: oneLine(topic), description: lines };
}

/** The room form as a server action receives it: normalised, then checked. */
export const roomSubmissionSchema = z.preprocess(normaliseRoomForm, roomFormSchema);

/** The longest room slug we make: a base (SLUG_MAX_LENGTH) plus a "-N" suffix. */
export const ROOM_SLUG_MAX = SLUG_MAX_LENGTH + 8;
/**
 * Every room slug, made by slugify or typed by a moderator: lower-case letters and digits in words
 * joined by single dashes, at most ROOM_SLUG_MAX long. URLs, forms and the admin area share it.
 */
export const ROOM_SLUG_PATTERN = new RegExp(`^(?=.{1,${ROOM_SLUG_MAX}}$)[a-z0-9]+(?:-[a-z0-9]+)*$`);
/** A room's slug from a URL or a form: anything else names no room (a 404). */
export const roomSlugParamSchema = text().regex(ROOM_SLUG_PATTERN);

export const ROOM_SORTS = ["active", "newest", "participants"] as const;
export type RoomSort = (typeof ROOM_SORTS)[number];

/** ?limit=: a positive whole number up to `max`; anything else means `fallback` (never an error). */
export function pageLimitParam(fallback: number, max: number) {
  return lenientQueryParam.transform((v) => {
    const n = Number(v);
    return Number.isInteger(n) && n > 0 ? Math.min(n, max) : fallback;
  });
}

/** ?q=: a search, trimmed ("" for none); longer than SEARCH_QUERY_MAX is an error with a message. */
export const searchQueryParam = queryParam
  .transform((v) => (v ?? "").trim())
  .pipe(text().max(SEARCH_QUERY_MAX, `Searches have at most ${SEARCH_QUERY_MAX} characters.`));

export const roomSearchSchema = z.object({
  q: searchQueryParam,
  topic: queryParam.transform((v) => v?.trim().toLowerCase() || undefined).pipe(text().max(80).optional()),
  sort: lenientQueryParam.transform((v) =>
    (ROOM_SORTS as readonly string[]).includes(v ?? "") ? (v as RoomSort) : "active",
  ),
  cursor: lenientQueryParam.transform((v) => v || undefined),
  limit: pageLimitParam(PAGE_SIZE, PAGE_SIZE_MAX),
});
export type RoomSearch = z.infer<typeof roomSearchSchema>;
