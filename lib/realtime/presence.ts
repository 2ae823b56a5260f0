// "N online" per room, kept from the realtime server's webhooks on each member's
// `private-here-<roomId>-<userId>` channel (channel_occupied, channel_vacated) and stored in
// PostgreSQL so every app instance shares it. Unlike presence, these channels have no member cap.
import "server-only";
import { z } from "zod";
import type { ChatActor } from "../chat/actor";
import { countOnline, listOnlineMembers, recordPresence } from "../db/presence";
import { findChatRoom } from "../db/room-lookup";
import type { UserSummary } from "../db/users";
import { AppError, notFound } from "../errors";
import { roomSlugParamSchema } from "../validation/rooms";
import { parseChannelName } from "./channels";
import { REALTIME_LIMITS } from "./limits";
import { publishOnlineCount } from "./events";
import { pusher } from "./server";

/**
 * Members online per room (0 for rooms with nobody there), for the home cards. Several tabs or
 * devices of one member count once: they share one here-channel.
 */
export async function getOnlineCounts(roomIds: string[]): Promise<Record<string, number>> {
  const counts = await countOnline({ roomIds });
  return Object.fromEntries(roomIds.map((id) => [id, counts.get(id) ?? 0]));
}

/**
 * The room's online count, for anyone (a page catching up when its live channel (re)subscribes), and as many faces as
 * a presence channel could show, for active members only (those a full one turned away). 404 an unknown room.
 */
export async function getRoomOnline({
  actor,
  slug,
}: {
  actor: ChatActor | null;
  slug: string;
}): Promise<{ online: number; people: UserSummary[] }> {
  const room = roomSlugParamSchema.safeParse(slug).success ? await findChatRoom({ slug }) : null;
  if (!room) throw notFound("room", "This room does not exist (any more).");
  // The count is public (home cards show it); the faces are for members, as presence shows them.
  const member = actor !== null && !actor.deactivated;
  const [counts, people] = await Promise.all([
    getOnlineCounts([room.id]),
    member ? listOnlineMembers(room.id, REALTIME_LIMITS.maxPresenceMembersPerChannel) : [],
  ]);
  return { online: counts[room.id] ?? 0, people };
}

const webhookSchema = z.object({
  time_ms: z.number(),
  events: z.array(z.object({ name: z.string(), channel: z.string(), user_id: z.string().optional() })),
});
export type PresenceWebhook = z.infer<typeof webhookSchema>;

/**
 * Applies a verified webhook's events in order. Each change carries the webhook's time, so a
 * late or repeated delivery never undoes a newer one. Returns how many events concerned here-channels, and their rooms.
 */
export async function applyPresenceWebhook(webhook: PresenceWebhook): Promise<{ applied: number; rooms: Set<string> }> {
  const at = new Date(webhook.time_ms);
  const rooms = new Set<string>();
  let applied = 0;
  for (const event of webhook.events) {
    const channel = parseChannelName(event.channel);
    if (channel?.kind !== "here") continue;
    const online = event.name === "channel_occupied" ? true : event.name === "channel_vacated" ? false : null;
    if (online === null) continue;
    await recordPresence({ roomId: channel.roomId, userId: channel.userId, online, at });
    rooms.add(channel.roomId);
    applied++;
  }
  return { applied, rooms };
}

/** Tells each room's readers its new count (the people button and panel show it above presence's cap). */
async function announceCounts(roomIds: Set<string>): Promise<void> {
  if (roomIds.size === 0) return;
  const counts = await getOnlineCounts([...roomIds]);
  await Promise.all(Object.entries(counts).map(([roomId, online]) => publishOnlineCount({ roomId, online })));
}

/** The body is capped: occupancy webhooks are small, even batched. */
export const MAX_WEBHOOK_BYTES = 256 * 1024;

/**
 * Verifies X-Pusher-Key and X-Pusher-Signature over the raw body (the pusher SDK's check), then applies it. 401 for a
 * bad or missing signature, 400 when a correctly signed body is not a webhook.
 */
export async function handlePresenceWebhook({
  headers,
  rawBody,
}: {
  headers: Headers;
  rawBody: string;
}): Promise<{ applied: number }> {
  if (Buffer.byteLength(rawBody, "utf8") > MAX_WEBHOOK_BYTES)
    throw new AppError("invalid:webhook", "Webhook body too large.", 413);
  const lowerCase: Record<string, string> = {};
  headers.forEach((value, name) => {
    lowerCase[name.toLowerCase()] = value;
  });
  // The SDK compares the content type exactly; a charset parameter changes nothing we verify.
  if (lowerCase["content-type"]?.split(";")[0]?.trim().toLowerCase() === "application/json") {
    lowerCase["content-type"] = "application/json";
  }
  const webhook = pusher().webhook({ headers: lowerCase, rawBody });
  if (!webhook.isValid()) throw new AppError("unauthorized:webhook", "The webhook signature is not valid.", 401);
  const parsed = webhookSchema.safeParse(webhook.getData());
  if (!parsed.success) throw new AppError("invalid:webhook", "The webhook body is not a Pusher webhook.", 400);
  const { applied, rooms } = await applyPresenceWebhook(parsed.data);
  await announceCounts(rooms);
  return { applied };
}
