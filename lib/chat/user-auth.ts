// User authentication (POST /api/pusher/user-auth): signs pusher:signin for a connection, which the
// realtime server requires of every connection (closed after 30 s without it). An active member is
// signed in as their user id, so a ban or deactivation can end their connections
// (lib/realtime/connections.ts); anyone else as a visitor id that names no member, counted
// per IP. The realtime server ends its sign-in timer when a connection joins a private or presence
// channel (the Pusher protocol counts that as authenticated), so a modified client that never signs in
// is out of termination's reach (SECURITY.md, residual risks).
import "server-only";
import type Pusher from "pusher";
import { z } from "zod";
import { enforce } from "../auth/rate-limit";
import { fieldErrorsOf, invalid } from "../errors";
import { pusher } from "../realtime/server";
import { visitorUserId } from "../realtime/user-ids";
import type { ChatActor } from "./actor";
import { socketIdSchema } from "./messages";

const userAuthRequestSchema = z.object({ socket_id: socketIdSchema });

/**
 * Signs pusher-js's { socket_id } for `actor` (null: a visitor). Refuses 400 a malformed socket id, 429 a visitor past
 * the per-IP limit. A deactivated actor signs in as a visitor: they read public rooms, as a signed-out person does.
 */
export async function authenticateRealtimeUser({
  actor,
  input,
  ip,
}: {
  actor: ChatActor | null;
  input: unknown;
  /** The caller's address: visitors are counted per IP, in the same count as signed-out channel auth. */
  ip?: string;
}): Promise<Pusher.UserAuthResponse> {
  const member = actor && !actor.deactivated ? actor : null;
  if (!member && ip) await enforce("realtimeSignInIp", ip, "Too many connection requests.");
  const parsed = userAuthRequestSchema.safeParse(input);
  if (!parsed.success) {
    const fields = fieldErrorsOf(parsed.error);
    throw invalid(fields, Object.values(fields)[0] ?? "The request is not valid.");
  }
  const socketId = parsed.data.socket_id;
  return pusher().authenticateUser(socketId, { id: member ? member.id : visitorUserId(socketId) });
}
