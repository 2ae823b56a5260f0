// The server's side of the realtime pipe: triggers events (signed by the `pusher` SDK, sent by ./events-request.ts)
// and signs channel subscriptions. Server-only: it holds the app secret.
import "server-only";
import Pusher from "pusher";
import { serverRealtimeConfig, type ServerRealtimeConfig } from "./config";
import { eventsEndpoint, keepAliveAgent, type EventsEndpoint } from "./events-request";
import { REALTIME_LIMITS } from "./limits";

/** The SDK (signing, webhooks, API calls) and the events endpoint triggers use, on one keep-alive agent. */
export interface RealtimeServer {
  pusher: Pusher;
  events: EventsEndpoint;
}

const globalForPusher = globalThis as unknown as { roomfulPusher?: RealtimeServer };

/** The realtime server `config` names (the app's own: serverRealtimeConfig()). */
export function realtimeServerFor(config: ServerRealtimeConfig): RealtimeServer {
  const agent = keepAliveAgent(config);
  const sdk = new Pusher({ ...config, timeout: 5_000, agent });
  return { pusher: sdk, events: eventsEndpoint(config, sdk, agent) };
}

function realtime(): RealtimeServer {
  globalForPusher.roomfulPusher ??= realtimeServerFor(serverRealtimeConfig());
  return globalForPusher.roomfulPusher;
}

/** The SDK, for signing subscriptions and webhooks and the API calls other than triggers. */
export function pusher(): Pusher {
  return realtime().pusher;
}

export class RealtimePayloadTooLarge extends Error {
  override name = "RealtimePayloadTooLarge";
}

export class RealtimeTriggerError extends Error {
  override name = "RealtimeTriggerError";
}

/**
 * Triggers `event` on `channel` (or on up to 100 channels at once: one request). Refuses payloads over Pusher's 10 KB
 * limit before sending, so behaviour is the same on soketi and Pusher Channels. `excludeSocketId` skips the sender.
 */
export async function triggerEvent(
  channel: string | string[],
  event: string,
  data: unknown,
  excludeSocketId?: string,
): Promise<void> {
  const json = JSON.stringify(data);
  const size = Buffer.byteLength(json, "utf8");
  if (size > REALTIME_LIMITS.maxEventPayloadKb * 1024) {
    throw new RealtimePayloadTooLarge(
      `${event} payload is ${size} bytes; the limit is ${REALTIME_LIMITS.maxEventPayloadKb} KB`,
    );
  }
  const request = {
    name: event,
    data: json,
    ...(Array.isArray(channel) ? { channels: channel } : { channel }),
    ...(excludeSocketId ? { socket_id: excludeSocketId } : {}),
  };
  const answer = await realtime().events(JSON.stringify(request));
  // soketi reports refusals (e.g. over a limit) in the body of an HTTP 200.
  const body = parseAnswer(answer);
  if (body.error) throw new RealtimeTriggerError(`${event} on ${String(channel)} refused: ${body.error}`);
}

function parseAnswer(text: string): { error?: string } {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === "object" && parsed !== null ? (parsed as { error?: string }) : {};
  } catch {
    return {};
  }
}

/** Resolves when the realtime server answers its HTTP API with our credentials. */
export async function pingRealtime(): Promise<void> {
  const response = await pusher().get({ path: "/channels" });
  if (!response.ok) throw new Error(`realtime server answered ${response.status}`);
}
