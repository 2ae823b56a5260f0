// The live-event contract (README, "Realtime"): the server publishes room and member events
// through these functions only. Names and payload schemas live in ./event-schemas.ts, which the
// browser shares; this module triggers, so it is server-only.
import "server-only";
import { roomChannel, userChannel } from "./channels";
import { log } from "../log";
import { observedTrigger as triggerEvent } from "../observability/realtime-trigger";
import { REALTIME_LIMITS } from "./limits";
import {
  ROOM_EVENTS,
  USER_EVENTS,
  type FocusMemberEvent,
  type FocusUpdatedEvent,
  type MessageDeletedEvent,
  type ModerationRestrictedEvent,
  type NotificationCreatedEvent,
  type OnlineCountEvent,
  type PinsUpdatedEvent,
  type QuestionUpdatedEvent,
  type ReactionUpdatedEvent,
  type RoomDeletedEvent,
  type RoomUpdatedEvent,
} from "./event-schemas";
import type { ChatMessage, MessageEvent } from "../chat/message-payload";

/**
 * False when the realtime server could not be told. Logged, not thrown: the database change already happened and
 * clients find the truth when they next load.
 */
async function deliver(
  channel: string | string[],
  event: string,
  payload: unknown,
  context: Record<string, unknown>,
  excludeSocketId?: string,
): Promise<boolean> {
  try {
    await triggerEvent(channel, event, payload, excludeSocketId);
    return true;
  } catch (error) {
    log.error(
      { event, ...context, reason: error instanceof Error ? error.message : String(error) },
      "realtime event not delivered",
    );
    return false;
  }
}

async function publishTo(channel: string, event: string, payload: unknown): Promise<void> {
  await deliver(channel, event, payload, { channel });
}

/** Tells everyone reading the room, visitors included. */
const publish = (roomId: string, event: string, payload: unknown) => publishTo(roomChannel(roomId), event, payload);

export const publishRoomDeleted = (event: RoomDeletedEvent) => publish(event.roomId, ROOM_EVENTS.roomDeleted, event);
export const publishRoomUpdated = (event: RoomUpdatedEvent) => publish(event.roomId, ROOM_EVENTS.roomUpdated, event);

export const publishOnlineCount = (event: OnlineCountEvent) => publish(event.roomId, ROOM_EVENTS.onlineCount, event);

/** The room's pins after a pin or unpin (a deleted message's pin goes with `message:deleted`). */
export const publishPinsUpdated = (event: PinsUpdatedEvent) => publish(event.roomId, ROOM_EVENTS.pinsUpdated, event);

/** A message became a question, was unmarked, or its accepted answer changed (lib/questions). */
export const publishQuestionUpdated = (event: QuestionUpdatedEvent) =>
  publish(event.roomId, ROOM_EVENTS.questionUpdated, event);

/** The room's focus session started, changed phase, stopped or ended; false when not delivered. */
export const publishFocusUpdated = (event: FocusUpdatedEvent): Promise<boolean> =>
  deliver(roomChannel(event.roomId), ROOM_EVENTS.focusUpdated, event, { roomId: event.roomId, change: event.change });

/** A member joined or left the room's focus session, or changed their goal. */
export const publishFocusMember = (event: FocusMemberEvent) => publish(event.roomId, ROOM_EVENTS.focusMember, event);

/** A reaction added or taken back (the count and first reactors of that emoji afterwards); false when not delivered. */
export const publishReactionUpdated = (event: ReactionUpdatedEvent): Promise<boolean> =>
  deliver(roomChannel(event.roomId), ROOM_EVENTS.reactionUpdated, event, {
    roomId: event.roomId,
    messageId: event.messageId,
  });

/** A soft-deleted message: clients blank it in place (its id keeps its spot in the history). */
export const publishMessageDeleted = (event: MessageDeletedEvent) =>
  publish(event.roomId, ROOM_EVENTS.messageDeleted, event);

// Pusher's HTTP API takes at most this many channels in one trigger.
const CHANNELS_PER_TRIGGER = 100;

/** Tells each member (all their tabs) that their inbox has a new entry: one request per hundred members. */
export async function publishNotificationCreated(userIds: string[], event: NotificationCreatedEvent): Promise<void> {
  for (let start = 0; start < userIds.length; start += CHANNELS_PER_TRIGGER) {
    const channels = userIds.slice(start, start + CHANNELS_PER_TRIGGER).map(userChannel);
    await deliver(channels, USER_EVENTS.notificationCreated, event, { messageId: event.messageId });
  }
}

/** Tells one member (all their tabs) what now keeps them from posting in a room, if anything. */
export const publishModerationRestricted = (userId: string, event: ModerationRestrictedEvent) =>
  publishTo(userChannel(userId), USER_EVENTS.moderationRestricted, event);

// A MessageRef when the whole ChatMessage would pass the event limit (the client loads it by id). The sender's own
// socket is skipped: its client already has the message.
function messageEventPayload(message: ChatMessage): MessageEvent {
  const size = Buffer.byteLength(JSON.stringify(message), "utf8");
  if (size <= REALTIME_LIMITS.maxEventPayloadKb * 1024) return message;
  return { id: message.id, roomId: message.roomId, incomplete: true };
}

function publishMessageEvent(event: string, message: ChatMessage, excludeSocketId?: string): Promise<boolean> {
  const context = { messageId: message.id, roomId: message.roomId };
  return deliver(roomChannel(message.roomId), event, messageEventPayload(message), context, excludeSocketId);
}

/** Resolves to false when the realtime server could not be told (already logged). */
export const publishMessageCreated = (message: ChatMessage, excludeSocketId?: string) =>
  publishMessageEvent(ROOM_EVENTS.messageCreated, message, excludeSocketId);
export const publishMessageUpdated = (message: ChatMessage, excludeSocketId?: string) =>
  publishMessageEvent(ROOM_EVENTS.messageUpdated, message, excludeSocketId);
