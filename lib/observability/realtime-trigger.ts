// triggerEvent (lib/realtime/server.ts), timed and counted for /api/metrics: how long the
// realtime server takes to accept each event, and which it refused or could not be reached for.
import "server-only";
import { RealtimePayloadTooLarge, RealtimeTriggerError, triggerEvent } from "../realtime/server";
import { recordTrigger } from "./metrics";

/** A bounded label for why a trigger failed. */
function failureReason(error: unknown): string {
  if (error instanceof RealtimePayloadTooLarge) return "payload_too_large";
  if (error instanceof RealtimeTriggerError) return "refused";
  // The pusher SDK's RequestError carries the HTTP status of a non-2xx answer.
  if (typeof error === "object" && error !== null && "status" in error && typeof error.status === "number")
    return "http_error";
  return "unreachable";
}

export async function observedTrigger(...args: Parameters<typeof triggerEvent>): Promise<void> {
  const event = args[1];
  const started = performance.now();
  try {
    await triggerEvent(...args);
  } catch (error) {
    recordTrigger({ event, seconds: (performance.now() - started) / 1000, failure: failureReason(error) });
    throw error;
  }
  recordTrigger({ event, seconds: (performance.now() - started) / 1000 });
}
