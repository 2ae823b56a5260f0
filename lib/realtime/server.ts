// The server's side of the realtime pipe: triggers events through the `pusher` SDK and signs
// channel subscriptions. Server-only: it holds the app secret.
import "server-only";
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import Pusher from "pusher";
import { serverRealtimeConfig } from "./config";
import { REALTIME_LIMITS } from "./limits";

const globalForPusher = globalThis as unknown as { roomfulPusher?: Pusher };

function createPusher(): Pusher {
  const config = serverRealtimeConfig();
  // Every message is a trigger: keep connections alive where the server allows (soketi 1.6 says Connection: close).
  // Explicit, as Node's agent defaults change; idle sockets close before a server's timeout could close one in use.
  const options = { keepAlive: true, timeout: 4_000, scheduling: "lifo" } as const;
  const agent = config.useTLS ? new HttpsAgent(options) : new HttpAgent(options);
  return new Pusher({ ...config, timeout: 5_000, agent });
}

export function pusher(): Pusher {
  globalForPusher.roomfulPusher ??= createPusher();
  return globalForPusher.roomfulPusher;
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
  const size = Buffer.byteLength(JSON.stringify(data), "utf8");
  if (size > REALTIME_LIMITS.maxEventPayloadKb * 1024) {
    throw new RealtimePayloadTooLarge(
      `${event} payload is ${size} bytes; the limit is ${REALTIME_LIMITS.maxEventPayloadKb} KB`,
    );
  }
  const response = await pusher().trigger(
    channel,
    event,
    data,
    excludeSocketId ? { socket_id: excludeSocketId } : undefined,
  );
  // soketi reports refusals (e.g. over a limit) in the body of an HTTP 200.
  const body = (await response.json().catch(() => ({}))) as { error?: string };
  if (body.error) throw new RealtimeTriggerError(`${event} on ${String(channel)} refused: ${body.error}`);
}

/** Resolves when the realtime server answers its HTTP API with our credentials. */
export async function pingRealtime(): Promise<void> {
  const response = await pusher().get({ path: "/channels" });
  if (!response.ok) throw new Error(`realtime server answered ${response.status}`);
}
