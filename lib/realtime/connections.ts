// Ending a member's open realtime connections from the server (a ban, a deactivation): the realtime
// server closes every connection signed in as them (code 4009); their browser reconnects, signs in
// again, and channel auth then refuses what they may no longer hold.
import "server-only";
import { log } from "../log";
import { pusher } from "./server";

/**
 * Asks the realtime server to close `userId`'s connections. False when it could not be told (logged, not thrown: the
 * change is stored, and channel auth already refuses new subscriptions).
 */
export async function endUserConnections(userId: string, context: Record<string, unknown> = {}): Promise<boolean> {
  try {
    const response = await pusher().terminateUserConnections(userId);
    // soketi answers { ok: true }; refusals come as errors in a 200's body, as with triggers.
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    if (body.error) throw new Error(`refused: ${body.error}`);
    return true;
  } catch (error) {
    log.error(
      { userId, ...context, reason: error instanceof Error ? error.message : String(error) },
      "realtime connections not ended",
    );
    return false;
  }
}
