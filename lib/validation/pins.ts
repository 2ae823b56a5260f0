// Pins as data shared by the server and the browser: the room's limit and the pin/unpin form. What the pins list and
// `pins:updated` carry is in lib/realtime/event-schemas.ts.
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
