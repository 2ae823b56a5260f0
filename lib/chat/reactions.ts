// Reacting to a message, for every caller (the route, tests): who may (members who may post in the room: signed in,
// verified, not muted or banned there, the room not locked), with what (the catalogue's emoji), how often (a rate
// limit), and on what (a live message of this room, holding fewer than the limit of kinds). Store, then tell the room.
import "server-only";
import { limitKey, limitState, LIMITS } from "../auth/rate-limit";
import { changeReaction, listMessageReactions, passReactionGate, type StoredReactionGroup } from "../db/reactions";
import { findChatRoom } from "../db/room-lookup";
import { AppError, fieldErrorsOf, invalid, notFound, rateLimited } from "../errors";
import { postingRefusal, restrictionFrom } from "../moderation/posting";
import { catalogEmoji } from "../reactions/allowed-emoji";
import { REACTION_KINDS_LIMIT, REACTOR_NAMES } from "../reactions/reaction-rules";
import { publishReactionUpdated } from "../realtime/events";
import { messageIdSchema } from "../validation/messages";
import { reactionChangeSchema } from "../validation/reactions";
import { requirePoster, type ChatActor } from "./actor";
import type { ReactionGroup } from "./message-payload";

export const NOT_AN_EMOJI = "Choose an emoji from the picker: that one is not offered.";
export const REACTION_MESSAGE_MISSING = "This message is not in this room (or no longer exists).";
export const REACTION_MESSAGE_DELETED = "This message was deleted, so it takes no reactions.";
export const REACTION_KINDS_FULL = `A message holds up to ${REACTION_KINDS_LIMIT} kinds of reaction. Add one of those already on it.`;

/** What the member sees after their change: the emoji's summary (count 0 once nobody holds it). */
export interface ReactionResult {
  messageId: number;
  reaction: ReactionGroup & { mine: boolean };
  /** The change's number among the message's changes (as `reaction:updated` carries it): later ones are higher. */
  version: number;
}

function parseChange(input: unknown): { emoji: string; on: boolean } {
  const parsed = reactionChangeSchema.safeParse(input);
  if (!parsed.success) {
    const fields = fieldErrorsOf(parsed.error);
    throw invalid(fields, Object.values(fields)[0] ?? "The request is not valid.");
  }
  const emoji = catalogEmoji(parsed.data.emoji);
  if (!emoji) throw invalid({ emoji: NOT_AN_EMOJI }, NOT_AN_EMOJI);
  return { emoji, on: parsed.data.on };
}

const summaryOf = (emoji: string, group: StoredReactionGroup | null): ReactionResult["reaction"] =>
  group ?? { emoji, count: 0, reactors: [], mine: false };

export interface ReactionInput {
  actor: ChatActor | null;
  slug: string;
  messageId: unknown;
  input: unknown;
}

/** reactToMessage, answering once stored; `delivered` is the `reaction:updated` trigger, already sent. */
export async function changeReactionAs({
  actor,
  slug,
  messageId,
  input,
}: ReactionInput): Promise<{ result: ReactionResult; delivered: Promise<boolean> }> {
  const { emoji, on } = parseChange(input);
  const reactor = requirePoster(actor);
  const id = messageIdSchema.safeParse(messageId);
  if (!id.success) throw notFound("message", REACTION_MESSAGE_MISSING);

  const now = new Date();
  const { durationSeconds } = LIMITS.messageReact;
  const gate = await passReactionGate({
    slug,
    userId: reactor.id,
    limit: { key: limitKey("messageReact", reactor.id), durationSeconds },
    now,
  });
  if (!gate.room) throw notFound("room", "This room does not exist (any more).");
  const limit = limitState("messageReact", gate.counter);
  if (!limit.allowed) {
    const wait = Math.max(1, limit.retryAfterSeconds);
    throw rateLimited("messageReact", wait, `You are reacting too fast. Wait ${wait} s and try again.`);
  }
  const restriction = restrictionFrom({ locked: gate.room.locked, restrictions: gate.restrictions }, now);
  if (restriction) throw postingRefusal(restriction);

  const change = await changeReaction({
    roomId: gate.room.id,
    messageId: id.data,
    userId: reactor.id,
    emoji,
    on,
    kindsLimit: REACTION_KINDS_LIMIT,
    reactorNames: REACTOR_NAMES,
  });
  if ("refused" in change) {
    if (change.refused === "message_missing") throw notFound("message", REACTION_MESSAGE_MISSING);
    if (change.refused === "message_deleted")
      throw new AppError("conflict:message_deleted", REACTION_MESSAGE_DELETED, 409);
    throw new AppError("conflict:reaction_limit", REACTION_KINDS_FULL, 409);
  }
  const reaction = summaryOf(emoji, change.group);
  const { count, reactors } = reaction;
  const { version } = change;
  const event = { roomId: gate.room.id, messageId: id.data, emoji, count, reactors, actorId: reactor.id, on, version };
  const delivered = change.changed ? publishReactionUpdated(event) : Promise.resolve(true);
  return { result: { messageId: id.data, reaction, version }, delivered };
}

/**
 * POST /api/rooms/<slug>/messages/<id>/reactions { emoji, on }: adds or takes back the caller's reaction. 400 for an
 * emoji outside the catalogue, 401/403 for who may not, 404 for an unknown room or a message not in it, 409 for a
 * deleted message or a new kind past the limit, 429 past the rate limit. Repeating a change changes nothing.
 */
export async function reactToMessage(input: ReactionInput): Promise<ReactionResult> {
  const { result, delivered } = await changeReactionAs(input);
  await delivered;
  return result;
}

/**
 * GET /api/rooms/<slug>/messages/<id>/reactions: every kind of reaction on the message with the earliest reactors by
 * name (history pages carry counts only), `mine` for `viewerId`; for anyone who may read the room. 404 for an unknown
 * room or a message not in it, 409 for a deleted one.
 */
export async function listReactions({
  slug,
  messageId,
  viewerId,
}: {
  slug: string;
  messageId: unknown;
  viewerId: string | null;
}): Promise<{ messageId: number; reactions: ReactionGroup[] }> {
  const room = await findChatRoom({ slug });
  if (!room) throw notFound("room", "This room does not exist (any more).");
  const id = messageIdSchema.safeParse(messageId);
  if (!id.success) throw notFound("message", REACTION_MESSAGE_MISSING);
  const groups = await listMessageReactions({
    roomId: room.id,
    messageId: id.data,
    viewerId,
    reactorNames: REACTOR_NAMES,
  });
  if (groups === null) throw notFound("message", REACTION_MESSAGE_MISSING);
  if (groups === "deleted") throw new AppError("conflict:message_deleted", REACTION_MESSAGE_DELETED, 409);
  return { messageId: id.data, reactions: groups };
}
