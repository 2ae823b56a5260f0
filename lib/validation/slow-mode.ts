// A room's slow mode: the waits a host or moderator may choose, the setter's schema, and how a wait is said ("30 s",
// "1 min"). Browser-safe: the room page's control and the composer word it the same way as the server.
import { z } from "zod";
import { ROOM_SLUG_MAX, ROOM_SLUG_PATTERN } from "./rooms";
import { text } from "./text";

/** The choices offered, in seconds (0: off). */
export const SLOW_MODE_SECONDS = [0, 5, 10, 30, 60, 300] as const;

/** The longest choice: the send statement keeps each member's last send for this long (lib/db/message-send.ts). */
export const SLOW_MODE_MAX_SECONDS = Math.max(...SLOW_MODE_SECONDS);

/** "5 s", "1 min", "5 min"; "Off" for 0. */
export function slowModeLabel(seconds: number): string {
  if (seconds <= 0) return "Off";
  return seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}

export const SLOW_MODE_CHOICES = SLOW_MODE_SECONDS.map((seconds) => ({ seconds, label: slowModeLabel(seconds) }));

const CHOICE_MESSAGE = `Choose one of: ${SLOW_MODE_CHOICES.map((choice) => choice.label).join(", ")}.`;

/** One of the choices, as a form posts it ("30"). */
export const slowModeSecondsSchema = text({ message: CHOICE_MESSAGE })
  .trim()
  .regex(/^\d{1,4}$/, CHOICE_MESSAGE)
  .transform(Number)
  .pipe(z.literal(SLOW_MODE_SECONDS, { error: CHOICE_MESSAGE }));

export const slowModeFormSchema = z.object({
  slug: text({ message: "Which room?" })
    .max(ROOM_SLUG_MAX, "That is not a room address.")
    .regex(ROOM_SLUG_PATTERN, "That is not a room address."),
  seconds: slowModeSecondsSchema,
});
export type SlowModeForm = z.infer<typeof slowModeFormSchema>;
