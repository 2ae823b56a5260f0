// The shapes of chat messages on the wire: API responses (send, edit, history) and the
// `message:created` / `message:updated` events carry the same ChatMessage, so a client renders
// whatever reached it first and drops the other copy by id. Browser-safe (zod only): the room
// page's client code parses live payloads with these schemas.
import { z } from "zod";
import { REACTION_KINDS_LIMIT, REACTOR_NAMES } from "../reactions/reaction-rules";

export const messageAuthorSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  avatarUrl: z.string().nullable(),
});
export type MessageAuthorPayload = z.infer<typeof messageAuthorSchema>;

/**
 * A reply's one-line quote of the message it replies to (lib/chat/reply-quote.ts makes it). Once the original is
 * deleted: `deleted`, with no author or excerpt.
 */
export const replyQuoteSchema = z.object({
  id: z.number().int().positive(),
  authorName: z.string(),
  /** Null once its author deleted their account, and for a deleted original. */
  authorUsername: z.string().nullable(),
  /** Plain text on one line (markdown markers dropped), cut with an ellipsis. */
  excerpt: z.string(),
  deleted: z.boolean(),
});
export type ReplyQuote = z.infer<typeof replyQuoteSchema>;

/** Someone who reacted, as the tooltip names them. */
export const reactorSchema = z.object({ name: z.string(), username: z.string() });
export type Reactor = z.infer<typeof reactorSchema>;

/** One kind of reaction on a message: the emoji, how many reacted with it, and the first of them by name. */
export const reactionGroupSchema = z.object({
  emoji: z.string().min(1).max(32),
  count: z.number().int().nonnegative(),
  /**
   * The earliest REACTOR_NAMES to react with it, earliest first (the tooltip adds "and N others"). Empty in history
   * pages: GET /api/rooms/<slug>/messages/<id>/reactions names them when a reader asks.
   */
  reactors: z.array(reactorSchema).max(REACTOR_NAMES),
  /** The viewer is among them. Absent where the server does not know the viewer (live events). */
  mine: z.boolean().optional(),
});
export type ReactionGroup = z.infer<typeof reactionGroupSchema>;

/** Everything needed to render a message. */
export const chatMessageSchema = z.object({
  id: z.number().int().positive(),
  roomId: z.string(),
  /** The markdown source, e.g. to pre-fill the editor. */
  body: z.string(),
  /** The body rendered by lib/messages/markdown.ts: sanitised, safe to insert as HTML. */
  html: z.string(),
  /** ISO 8601. */
  createdAt: z.string(),
  /** ISO 8601, or null when never edited. */
  editedAt: z.string().nullable(),
  /** Null once the author deleted their account ("Anonymous User"). */
  author: messageAuthorSchema.nullable(),
  /** The message this one replies to; null (or absent, from a server before replies) when none. */
  replyTo: replyQuoteSchema.nullish(),
  /** Its reactions, in the order they were first made; absent (a send, an edit) leaves what the client holds. */
  reactions: z.array(reactionGroupSchema).max(REACTION_KINDS_LIMIT).optional(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

/**
 * A deleted message in a history page: its id keeps its place (paging and "after" stay exact)
 * but its text never leaves the database. Clients drop it, or show "message deleted".
 */
export const messageTombstoneSchema = z.object({
  id: z.number().int().positive(),
  deleted: z.literal(true),
});
export type MessageTombstone = z.infer<typeof messageTombstoneSchema>;

export const historyEntrySchema = z.union([chatMessageSchema, messageTombstoneSchema]);
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const isTombstone = (entry: HistoryEntry): entry is MessageTombstone => "deleted" in entry;

/** GET /api/rooms/<slug>/messages: ascending by id. */
export const historyPageSchema = z.object({
  messages: z.array(historyEntrySchema),
  /**
   * Without a cursor or with `before`: older messages exist before the first one.
   * With `after`: newer messages exist after the last one (ask again with after=<last id>).
   * With `around`: the same as `hasOlder`.
   */
  hasMore: z.boolean(),
  /** Older messages exist before the first one (said by `before` and `around`). */
  hasOlder: z.boolean().optional(),
  /** Newer messages exist after the last one (said by `after` without `changedSince`, and `around`). */
  hasNewer: z.boolean().optional(),
  /** The server's clock when the page was read: the next `changedSince` (less a margin). */
  at: z.iso.datetime({ offset: true }),
});
export type HistoryPage = z.infer<typeof historyPageSchema>;

/**
 * Sent instead of a ChatMessage that would exceed the realtime server's 10 KB event limit (escaping grows long bodies);
 * the client loads it with GET /api/rooms/<slug>/messages?after=<id - 1>&limit=1.
 */
export const messageRefSchema = z.object({
  id: z.number().int().positive(),
  roomId: z.string(),
  incomplete: z.literal(true),
});
export type MessageRef = z.infer<typeof messageRefSchema>;

/** What `message:created` and `message:updated` carry. */
export const messageEventSchema = z.union([chatMessageSchema, messageRefSchema]);
export type MessageEvent = z.infer<typeof messageEventSchema>;

/** POST /api/rooms/<slug>/read: the member's read position and their unread total afterwards. */
export const readStateSchema = z.object({
  lastReadMessageId: z.number().int().positive().nullable(),
  totalUnread: z.number().int().nonnegative(),
});
export type ReadState = z.infer<typeof readStateSchema>;
