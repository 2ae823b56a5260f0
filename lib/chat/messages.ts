// Chat in a room: send, edit, delete and read history. Each function takes the caller
// explicitly (null when signed out) and unchecked input, so route handlers stay thin and the
// rules are tested without a request. Store first, then tell the room: a realtime failure is
// logged and the caller still gets the stored message (clients catch up by id).
import "server-only";
import { z } from "zod";
import { enforce, limitKey, limitState, LIMITS } from "../auth/rate-limit";
import { runSendStatement, type SendStatementInput } from "../db/message-send";
import { announceAsked } from "../questions/questions";
import { touchUserSession } from "../db/user-sessions";
import { sessionLifetimes } from "../auth/device-sessions";
import { sessionUserFor } from "../auth/session";
import type { SessionClaims } from "../auth/session-cookie";
import {
  findMessage,
  findMessageByClientKey,
  listMessages,
  listMessagesAround,
  updateMessageBody,
  type StoredMessage,
} from "../db/messages";
import { findChatRoom, type ChatRoom } from "../db/room-lookup";
import { AppError, forbidden, notFound, parseInput, rateLimited } from "../errors";
import { mentionedUsernames, renderMessageHtml } from "../messages/markdown";
import { assertMayPost, postingRefusal, restrictionFrom } from "../moderation/posting";
import { announceNotifications } from "../notifications/announce";
import { publishMessageCreated, publishMessageUpdated } from "../realtime/events";
import { editMessageSchema, historyQuerySchema, messageIdSchema, sendMessageSchema } from "../validation/messages";
import { requirePoster, type ChatActor } from "./actor";
import { deleteMessage, type MessageDeleter } from "./message-deletion";
import type { ChatMessage, HistoryEntry, HistoryPage } from "./message-payload";
import { ROOM_SLUG_PATTERN } from "../validation/rooms";
import { text } from "../validation/text";
import { slowModeKeyPrefix, slowModeWait } from "./slow-mode-turn";
import { replyQuoteOf } from "./reply-quote";

/** Pusher's socket id shape, e.g. "123456.7890123". */
export const socketIdSchema = text()
  .max(64)
  .regex(/^\d+\.\d+$/, "socketId must be a Pusher socket id such as 1234.5678.");

/** `early`: the HTML of a body and mentions rendered before the message was stored, used when they are this one's. */
export function toChatMessage(message: StoredMessage, early?: EarlyHtml | null): ChatMessage {
  const reuse = early && early.body === message.body && sameNames(early.mentions, message.mentions);
  return {
    id: message.id,
    roomId: message.roomId,
    body: message.body,
    html: reuse ? early.html : renderMessageHtml(message.body, message.mentions),
    createdAt: message.createdAt.toISOString(),
    editedAt: message.editedAt?.toISOString() ?? null,
    author: message.author,
    replyTo: quoteOf(message.replyTo),
    // Names come on demand (GET …/reactions): a page carries counts and the reader's own.
    ...(message.reactions ? { reactions: message.reactions.map((group) => ({ ...group, reactors: [] })) } : {}),
  };
}

interface EarlyHtml {
  body: string;
  mentions: readonly string[];
  html: string;
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const names = new Set(a);
  return b.every((name) => names.has(name));
}

// A refused send (over a limit, muted) renders for nothing: bodies past this are rendered only once stored, so a
// flood of refused long ones costs what it did before.
const EARLY_RENDER_MAX = 1_000;

/**
 * Renders `body` once the statement just started has gone out (setImmediate runs after the pool has written it), so
 * Markdown is rendered while PostgreSQL works on the other core instead of after it answers. The mentions are the
 * body's @words: the statement keeps those naming active members, which is all of them in nearly every message.
 */
function renderWhileStoring(body: string, mentions: string[]): Promise<EarlyHtml> {
  return new Promise((resolve, reject) => {
    setImmediate(() => {
      try {
        resolve({ body, mentions, html: renderMessageHtml(body, mentions) });
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

function quoteOf(original: StoredMessage["replyTo"]): ChatMessage["replyTo"] {
  if (!original) return null;
  return replyQuoteOf(original.deleted ? { id: original.id, deleted: true } : { ...original, deleted: false });
}

/** Why a reply is refused: its original is not a message of this room (404), or was deleted (409). */
export const REPLY_NOT_IN_ROOM = "The message you replied to isn't in this room.";
export const REPLY_DELETED = "The message you replied to was deleted.";

/** A history entry: the message, or its tombstone once deleted (the room page renders the same). */
export function toHistoryEntry(message: StoredMessage): HistoryEntry {
  return message.deletedAt ? { id: message.id, deleted: true } : toChatMessage(message);
}

/** What a jump to an id this room does not hold is told (another room's, or none). */
export const MESSAGE_NOT_IN_ROOM = "That message isn't in this room.";

// Built once: zod 4 compiles an object schema's parser on first use, so a schema made per call compiles per call.
const socketIdInput = z.object({ socketId: socketIdSchema });

function parseSocketId(socketId: unknown): string | undefined {
  if (socketId === undefined || socketId === null || socketId === "") return undefined;
  return parseInput(socketIdInput, { socketId }).socketId;
}

async function roomBySlug(slug: string): Promise<ChatRoom> {
  const room = await findChatRoom({ slug });
  if (!room) throw notFound("room", "This room does not exist (any more).");
  return room;
}

/** The message, which must be in `room`; 404 otherwise (an id from another room is not found here). */
async function messageInRoom(room: ChatRoom, id: unknown): Promise<StoredMessage> {
  const parsed = messageIdSchema.safeParse(id);
  if (!parsed.success) throw notFound("message", "This message does not exist.");
  const message = await findMessage({ id: parsed.data });
  if (!message || message.roomId !== room.id) throw notFound("message", "This message does not exist.");
  return message;
}

export interface SendResult {
  message: ChatMessage;
  /** False when this client key was stored before: a retry, answered with the first message. */
  created: boolean;
  /** The `message:created` trigger, already sent: the message is stored, so callers need not wait
   * (a route hands it to `after()`); false when it failed, already logged. */
  delivered: Promise<boolean>;
}

/** What a stored message means for a send with the same client key. */
function replay(message: StoredMessage, room: { id: string }): Omit<SendResult, "delivered"> {
  if (message.roomId !== room.id) {
    throw new AppError("conflict:client_key", "This clientKey was already used for a message in another room.", 409);
  }
  if (message.deletedAt) throw new AppError("gone:message", "This message was sent and has since been deleted.", 410);
  return { message: toChatMessage(message), created: false };
}

function tooFast(retryAfterSeconds: number): AppError {
  const wait = Math.max(1, retryAfterSeconds);
  return rateLimited(
    "message_post",
    wait,
    `You are sending messages too fast. Wait ${wait} second${wait === 1 ? "" : "s"} and try again.`,
  );
}

/**
 * Validates (400), checks the caller (401/403), then one statement (lib/db/message-send.ts) finds the room (404),
 * counts the rate-limit hits (per room, and per member across rooms), reads the lock and restrictions (403, before
 * 429), takes the member's slow-mode turn (429 with the wait) and inserts; then tells all but `socketId`. A reply's
 * original must be a live message of the room (404, 409; before 429). A retried client key gets the stored message
 * (200), also over the limit, in slow mode and after its original was deleted: only new messages wait.
 */
export async function sendMessage({
  actor,
  slug,
  input,
  socketId,
}: {
  actor: Sender | Promise<Sender>;
  slug: string;
  input: unknown;
  socketId?: unknown;
}): Promise<SendResult> {
  const caller = Promise.resolve(actor);
  // If validation fails first, a failing session lookup must not become an unhandled rejection.
  caller.catch(() => undefined);
  const { body, clientKey, replyTo, question } = parseInput(sendMessageSchema, input);
  const exclude = parseSocketId(socketId);
  const { authorId, session } = await senderOf(await caller, slug);
  const now = new Date();
  const { points, durationSeconds } = LIMITS.messagePost;
  const perMember = LIMITS.messagePostMember;
  // The statement finds the room by slug; one no room can have (a NUL byte, a broken character) is not sent.
  const mentions = mentionedUsernames(body);
  const statement = ROOM_SLUG_PATTERN.test(slug)
    ? runSendStatement({
        session,
        slug,
        authorId,
        body,
        clientKey,
        now,
        // Per member and room: the key ends with the room's id, which the statement finds.
        limit: { keyPrefix: limitKey("messagePost", `${authorId}:`), points, durationSeconds },
        // And per member across rooms, counted in the same statement.
        memberLimit: { key: limitKey("messagePostMember", authorId), ...perMember },
        slowMode: { keyPrefix: slowModeKeyPrefix(authorId) },
        replyTo,
        mentions,
        question: question === true,
      })
    : null;
  const early = statement && body.length <= EARLY_RENDER_MAX ? renderWhileStoring(body, mentions) : null;
  // A refused send never reads the early HTML.
  early?.catch(() => undefined);
  const outcome = await statement;
  let touched: Promise<void> | undefined;
  if (outcome && session) {
    requirePoster(
      outcome.caller && { emailVerified: outcome.caller.verified, deactivated: outcome.caller.deactivated },
    );
    // Marked used while the room hears of the message: the answer waits for it, the delivery does not.
    if (outcome.caller?.stale) touched = touchUserSession({ id: session.id });
    touched?.catch(() => undefined);
  }
  const room = outcome?.room;
  if (!outcome || !room) throw notFound("room", "This room does not exist (any more).");
  const restriction = restrictionFrom({ locked: room.locked, restrictions: outcome.restrictions }, now);
  if (restriction) throw postingRefusal(restriction);

  let result: Omit<SendResult, "delivered">;
  const stored = outcome.message ?? (await findStoredByClientKey(authorId, clientKey));
  if (stored?.created) {
    result = { message: toChatMessage(stored.message, await early), created: true };
  } else if (stored) {
    // A retry, answered also over the limit.
    result = replay(stored.message, room);
  } else {
    // Before the limits: waiting would not help.
    if (outcome.reply && !outcome.reply.inRoom) throw notFound("message", REPLY_NOT_IN_ROOM);
    if (outcome.reply?.deleted) throw new AppError("conflict:reply_deleted", REPLY_DELETED, 409);
    const limits = [
      limitState("messagePost", outcome.counter),
      limitState("messagePostMember", outcome.memberCounter),
    ].filter((limit) => !limit.allowed);
    // Over both: the longer wait, since a send before it would be refused again.
    if (limits.length > 0) throw tooFast(Math.max(...limits.map((limit) => limit.retryAfterSeconds)));
    if (outcome.slowModeMsLeft !== null) throw slowModeWait(outcome.slowModeMsLeft);
    // Allowed and not restricted, yet neither stored nor found: the statement's rule and restrictionFrom disagree.
    throw new Error(`send of client key ${clientKey} was neither stored nor refused`);
  }
  // Also for a retry: if the first attempt's trigger failed, this one may get through, and
  // clients drop the copy they already hold by id. Started now, not awaited: see `delivered`. The inboxes hear of it
  // after the room does, so the message's own delivery never waits on them.
  const delivered = publishMessageCreated(result.message, exclude);
  const notified = outcome.notified;
  if (stored?.created && notified.length > 0) {
    void delivered.then(() => announceNotifications(result.message.id, notified));
  }
  if (outcome.asked) void delivered.then(() => announceAsked(result.message));
  await touched;
  return { ...result, delivered };
}

/**
 * Who sends: a caller already checked (a SessionUser from getCurrentUser, tests), or null, or the claims of the
 * request's session cookie, whose device session the send statement checks in the same round trip (the send
 * routes).
 */
export type Sender = ChatActor | null | { claims: SessionClaims | null };

async function senderOf(
  sender: Sender,
  slug: string,
): Promise<{ authorId: string; session: SendStatementInput["session"] }> {
  if (sender === null || !("claims" in sender)) return { authorId: requirePoster(sender).id, session: null };
  const { claims } = sender;
  // Signed out: requirePoster throws the 401 itself.
  if (!claims) throw requirePoster(null);
  // No statement runs for a slug no room can have: the session is checked on its own, so the answer stays 401 first.
  if (!ROOM_SLUG_PATTERN.test(slug)) requirePoster(await sessionUserFor(claims));
  return { authorId: claims.sub, session: { id: claims.sid, version: claims.sv, ...sessionLifetimes() } };
}

/** The message a concurrent send with this client key committed after the send statement's snapshot, if any. */
async function findStoredByClientKey(
  authorId: string,
  clientKey: string,
): Promise<{ message: StoredMessage; created: false } | null> {
  const message = await findMessageByClientKey({ authorId, clientKey });
  return message ? { message, created: false } : null;
}

/** The author edits their own message: the body is replaced, editedAt set, `message:updated` sent. */
export async function editMessage({
  actor,
  slug,
  messageId,
  input,
  socketId,
}: {
  actor: ChatActor | null;
  slug: string;
  messageId: unknown;
  input: unknown;
  socketId?: unknown;
}): Promise<ChatMessage> {
  const { body } = parseInput(editMessageSchema, input);
  const exclude = parseSocketId(socketId);
  const editor = requirePoster(actor);
  await enforce("messageEdit", editor.id, "You are editing messages too fast.");
  const room = await roomBySlug(slug);
  await assertMayPost({ roomId: room.id, userId: editor.id });
  const message = await messageInRoom(room, messageId);
  if (message.deletedAt) throw notFound("message", "This message was deleted.");
  if (message.author?.id !== editor.id) throw forbidden("message", "You can only edit your own messages.");
  if (message.body === body) return toChatMessage(message);

  const updated = await updateMessageBody({
    id: message.id,
    authorId: editor.id,
    body,
    usernames: mentionedUsernames(body),
  });
  if (!updated) throw notFound("message", "This message was deleted.");
  const result = toChatMessage(updated.message);
  await publishMessageUpdated(result, exclude);
  // Only people the edit newly mentions: an entry exists once per person and message.
  if (updated.notified.length > 0) void announceNotifications(result.id, updated.notified);
  return result;
}

export interface DeletedMessageResult {
  id: number;
  roomId: string;
  deleted: true;
}

/**
 * DELETE /api/rooms/<slug>/messages/<id>: the author, the room's host or a moderator deletes a
 * message of this room (./message-deletion.ts). Deleting a deleted message answers the same.
 */
export async function deleteRoomMessage({
  actor,
  slug,
  messageId,
}: {
  actor: MessageDeleter | null;
  slug: string;
  messageId: unknown;
}): Promise<DeletedMessageResult> {
  const { id, roomId } = await deleteMessage({ actor, slug, messageId });
  return { id, roomId, deleted: true };
}

/**
 * History for anyone (rooms are public): latest, `before`, `after`, `after` + `changedSince` for held messages changed
 * since, or `around` a message of this room (a jump; 404 for an id it does not hold, a deleted one opens where it
 * was). Deleted ones come back as tombstones ({ id, deleted: true }) so ids, limits and the edges stay exact.
 */
export async function listHistory({
  slug,
  query,
  viewerId = null,
}: {
  slug: string;
  query: Record<string, string | undefined>;
  /** Whose reactions come marked `mine`: the reader's, as their session cookie names them (null: a visitor). */
  viewerId?: string | null;
}): Promise<HistoryPage> {
  const { before, after, around, changedSince, limit } = parseInput(historyQuerySchema, query);
  const room = await roomBySlug(slug);
  // Taken before the read: a change committed during it is stamped later, so the next
  // changedSince (this, minus the client's margin) still finds it.
  const at = new Date().toISOString();
  if (around !== undefined) {
    const window = await listMessagesAround({ roomId: room.id, id: around, limit, viewerId });
    if (!window) throw notFound("message", MESSAGE_NOT_IN_ROOM);
    const { hasOlder, hasNewer } = window;
    return { messages: window.messages.map(toHistoryEntry), hasMore: hasOlder, hasOlder, hasNewer, at };
  }
  const page = await listMessages({ roomId: room.id, before, after, changedSince, limit, viewerId });
  // The latest page keeps its first shape ({ messages, hasMore, at }): its end is the live end, hasMore the older side.
  const edges =
    before !== undefined
      ? { hasOlder: page.hasMore }
      : after !== undefined && !changedSince
        ? { hasNewer: page.hasMore }
        : {};
  return { messages: page.messages.map(toHistoryEntry), hasMore: page.hasMore, ...edges, at };
}
