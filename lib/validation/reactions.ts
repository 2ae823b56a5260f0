// The body of a reaction change (POST /api/rooms/<slug>/messages/<id>/reactions): which emoji, and whether the member
// now reacts with it. Whether the emoji is one of the catalogue's is checked by lib/chat/reactions.ts (server-side:
// the catalogue stays out of the browser's first load).
import { z } from "zod";
import { text } from "./text";

export const EMOJI_REQUIRED = "Choose an emoji.";

export const reactionChangeSchema = z.object({
  emoji: text({ message: EMOJI_REQUIRED }).min(1, EMOJI_REQUIRED).max(64, "That is not an emoji."),
  /** true: react with it (again, harmlessly); false: take the reaction back. */
  on: z.boolean({ message: "on must be true or false." }),
});
export type ReactionChangeInput = z.infer<typeof reactionChangeSchema>;
