// The live-event contract (../shared/DESIGN.md): event names and payload shapes on a room's
// presence channel. The server publishes through these functions only.
import "server-only";
import { z } from "zod";
import { roomChannel } from "./channels";
import { triggerEvent } from "./server";
import { REALTIME_LIMITS } from "./limits";
import type { ChatMessage, MessageEvent } from "../chat/message-payload";

export const ROOM_EVENTS = {
  messageCreated: "message:created",
  messageUpdated: "message:updated",
  messageDeleted: "message:deleted",
  roomUpdated: "room:updated",
  roomDeleted: "room:deleted",
} as const;

export const roomDeletedSchema = z.object({ roomId: z.string(), slug: z.string() });
export type RoomDeletedEvent = z.infer<typeof roomDeletedSchema>;

export const messageDeletedSchema = z.object({ roomId: z.string(), messageId: z.number().int().positive() });
export type MessageDeletedEvent = z.infer<typeof messageDeletedSchema>;

export const roomUpdatedSchema = z.object({ roomId: z.string(), slug: z.string(), name: z.string(), description: z.string(), topic: z.object({ name: z.string(), slug: z.string() }) });
export type RoomUpdatedEvent = z.infer<typeof roomUpdatedSchema>;

/**
 * Tells everyone in the room. The database change has already happened: a realtime failure is
 * logged, not thrown, and clients find the truth when they next load.
 */
async function publish(roomId: string, event: string, payload: unknown): Promise<void> {
  try {
    await triggerEvent(roomChannel(roomId), event, payload);
  } catch (error) {
    console.error(`[realtime] ${event} for room ${roomId} not delivered:`, error instanceof Error ? error.message : error);
  }
}

export const publishRoomDeleted = (event: RoomDeletedEvent) => publish(event.roomId, ROOM_EVENTS.roomDeleted, event);
export const publishRoomUpdated = (event: RoomUpdatedEvent) => publish(event.roomId, ROOM_EVENTS.roomUpdated, event);

/** A soft-deleted message: clients blank it in place (its id keeps its spot in the history). */
export const publishMessageDeleted = (event: MessageDeletedEvent) => publish(event.roomId, ROOM_EVENTS.messageDeleted, event);

// Chat messages (lib/chat/messages.ts). `message:created` and `message:updated` carry the whole
// ChatMessage, or a MessageRef when that would pass the 10 KB event limit (the client then loads
// it by id). The sender's own socket is skipped: its client already has the message.
function messageEventPayload(message: ChatMessage): MessageEvent {
  const size = Buffer.byteLength(JSON.stringify(message), "utf8");
  if (size <= REALTIME_LIMITS.maxEventPayloadKb * 1024) return message;
  return { id: message.id, roomId: message.roomId, incomplete: true };
}

async function publishMessageEvent(event: string, message: ChatMessage, excludeSocketId?: string): Promise<boolean> {
  try {
    await triggerEvent(roomChannel(message.roomId), event, messageEventPayload(message), excludeSocketId);
    return true;
  } catch (error) {
    console.error(`[realtime] ${event} ${message.id} for room ${message.roomId} not delivered:`, error instanceof Error ? error.message : error);
    return false;
  }
}

/** Resolves to false when the realtime server could not be told (already logged). */
export const publishMessageCreated = (message: ChatMessage, excludeSocketId?: string) =>
  publishMessageEvent(ROOM_EVENTS.messageCreated, message, excludeSocketId);
export const publishMessageUpdated = (message: ChatMessage, excludeSocketId?: string) =>
  publishMessageEvent(ROOM_EVENTS.messageUpdated, message, excludeSocketId);
