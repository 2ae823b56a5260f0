// Away emails' inputs: the settings form's choice and the token of an email's unsubscribe link (route param, page
// param, form field). The token's shape is checked here; whether it is genuine, by lib/notifications/unsubscribe.ts.
import { z } from "zod";
import { text } from "./text";

export const AWAY_EMAIL_MODES = ["EACH", "DAILY", "OFF"] as const;
export type AwayEmailChoice = (typeof AWAY_EMAIL_MODES)[number];

export const awayEmailSettingsSchema = z.object({
  mode: z.enum(AWAY_EMAIL_MODES, { message: "Choose when to get emails." }),
});

/** base64url(user id) "." base64url(HMAC-SHA256): a SHA-256 MAC's length exactly, the id well under the cap. */
export const unsubscribeTokenSchema = text()
  .max(200, "This link is not valid.")
  .regex(/^[A-Za-z0-9_-]{1,150}\.[A-Za-z0-9_-]{43}$/, "This link is not valid.");

export const unsubscribeFormSchema = z.object({ token: unsubscribeTokenSchema });
