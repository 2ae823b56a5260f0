// A room's slow mode: the setter's schema. The waits a host or moderator may choose and how a wait is said are in
// ./slow-mode-choices.ts, which the browser imports (this file brings zod and slugify).
import { z } from "zod";
import { ROOM_SLUG_MAX, ROOM_SLUG_PATTERN } from "./rooms";
import { SLOW_MODE_CHOICES, SLOW_MODE_SECONDS } from "./slow-mode-choices";
import { text } from "./text";

export { SLOW_MODE_CHOICES, SLOW_MODE_MAX_SECONDS, SLOW_MODE_SECONDS, slowModeLabel } from "./slow-mode-choices";

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
