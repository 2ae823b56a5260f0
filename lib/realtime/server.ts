// The server's side of the realtime pipe: triggers events through the `pusher` SDK and signs
// channel subscriptions. Server-only: it holds the app secret.
import "server-only";
import Pusher from "pusher";
import { serverRealtimeConfig } from "./config";
import { REALTIME_LIMITS } from "./limits";

const globalForPusher = globalThis as unknown as { roomfulPusher?: Pusher };

export function pusher(): Pusher {
  globalForPusher.roomfulPusher ??= new Pusher({ ...serverRealtimeConfig(), timeout: 5_000 });
  return globalForPusher.roomfulPusher;
}

export class RealtimePayloadTooLarge extends Error {
  override name = "RealtimePayloadTooLarge";
}

export class RealtimeTriggerError extends Error {
  override name = "RealtimeTriggerError";
}

/**
 * Triggers `event` on `channel`. Refuses payloads over Pusher's 10 KB limit before sending, so
 * behaviour is the same on soketi and Pusher Channels. `excludeSocketId` skips the sender.
 */
export async function triggerEvent(
  channel: string,
  event: string,
  data: unknown,
  excludeSocketId?: string,
): Promise<void> {
  const size = Buffer.byteLength(JSON.stringify(data), "utf8");
  if (size > REALTIME_LIMITS.maxEventPayloadKb * 1024) {
    throw new RealtimePayloadTooLarge(`${event} payload is ${size} bytes; the limit is ${REALTIME_LIMITS.maxEventPayloadKb} KB`);
  }
  const response = await pusher().trigger(channel, event, data, excludeSocketId ? { socket_id: excludeSocketId } : undefined);
  // soketi reports refusals (e.g. over a limit) in the body of an HTTP 200.
  const body = (await response.json().catch(() => ({}))) as { error?: string };
  if (body.error) throw new RealtimeTriggerError(`${event} on ${channel} refused: ${body.error}`);
}

/** Resolves when the realtime server answers its HTTP API with our credentials. */
export async function pingRealtime(): Promise<void> {
  const response = await pusher().get({ path: "/channels" });
  if (!response.ok) throw new Error(`realtime server answered ${response.status}`);
}
