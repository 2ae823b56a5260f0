// The study log's inputs: the settings page's "hide my study log" and the room edit page's weekly board switch. A
// checkbox posts "on" when ticked and nothing when not.
import { z } from "zod";
import { ROOM_SLUG_PATTERN } from "./rooms";
import { text } from "./text";

// Booleans pass too, so the core may parse again what the action already parsed.
const checkbox = z
  .union([z.boolean(), z.enum(["on", "true", "false", ""])], { message: "Tick the box or leave it empty." })
  .optional()
  .transform((value) => value === true || value === "on" || value === "true");

export const studyLogSettingsSchema = z.object({ hidden: checkbox });
export type StudyLogSettings = z.infer<typeof studyLogSettingsSchema>;

export const studyBoardFormSchema = z.object({
  slug: text({ message: "Which room?" }).regex(ROOM_SLUG_PATTERN, "That is not a room address."),
  enabled: checkbox,
});
export type StudyBoardForm = z.infer<typeof studyBoardFormSchema>;
