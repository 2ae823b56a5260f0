// The study log's inputs: the settings page's "hide my study log" and the room edit page's weekly board switch. A
// checkbox posts "on" when ticked and nothing when not.
import { z } from "zod";
import { ROOM_SLUG_PATTERN } from "./rooms";
import { text } from "./text";

const checkbox = z.union([z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")]).optional();
const ticked = (value: z.infer<typeof checkbox>) => value === "on" || value === "true";

export const studyLogSettingsSchema = z
  .object({ hidden: checkbox })
  .transform(({ hidden }) => ({ hidden: ticked(hidden) }));
export type StudyLogSettings = z.infer<typeof studyLogSettingsSchema>;

export const studyBoardFormSchema = z
  .object({
    slug: text({ message: "Which room?" }).regex(ROOM_SLUG_PATTERN, "That is not a room address."),
    enabled: checkbox,
  })
  .transform(({ slug, enabled }) => ({ slug, enabled: ticked(enabled) }));
export type StudyBoardForm = z.infer<typeof studyBoardFormSchema>;
