// Pins as data shared by the server and the browser: the room's limit, the pin/unpin form, and what the pins list and
// the `pins:updated` event carry (README, "Pins").
import { z } from "zod";
import { messageIdSchema } from "./messages";
import { ROOM_SLUG_PATTERN } from "./rooms";
import { text } from "./text";

/** Most pins a room holds; the 26th is refused until one is unpinned. */
export const PIN_LIMIT = 25;
/** An excerpt in the pins list: a line's worth, the rest is in the room. */
export const PIN_EXCERPT_CHARS = 140;

export const pinFormSchema = z.object({
  slug: text({ message: "Which room?" }).regex(ROOM_SLUG_PATTERN, "That is not a room address."),
  messageId: messageIdSchema,
});
export type PinForm = z.infer<typeof pinFormSchema>;

export const pinViewSchema = z.object({
  messageId: z.number().int().positive(),
  excerpt: z.string(),
  /** Null once the author's account is deleted ("Anonymous User"). */
  author: z.object({ name: z.string(), username: z.string() }).nullable(),
  /** The message's time, ISO 8601. */
  createdAt: z.string(),
  pinnedAt: z.string(),
});
export type PinView = z.infer<typeof pinViewSchema>;

export const pinsListSchema = z.object({ pins: z.array(pinViewSchema).max(PIN_LIMIT) });
