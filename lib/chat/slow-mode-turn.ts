// What the send path needs of slow mode besides its statement (lib/db/message-send.ts): the key of a member's turn
// row and the refusal while they wait. Setting slow mode, and the room page's view of it: lib/rooms/slow-mode.ts.
import "server-only";
import { rateLimited, type AppError } from "../errors";

/** The send statement's turn row for a member ("RateLimit"), up to the room id it appends. */
export const slowModeKeyPrefix = (userId: string) => `slowMode:${userId}:`;

/** A send refused because the member's turn has not come yet: 429, Retry-After the seconds left. */
export function slowModeWait(msLeft: number): AppError {
  const seconds = Math.max(1, Math.ceil(msLeft / 1000));
  return rateLimited("slow_mode", seconds, `Slow mode is on: you can send again in ${seconds} s.`);
}
