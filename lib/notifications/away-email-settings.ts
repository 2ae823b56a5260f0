// A member's away-email choice as the settings page reads and changes it: every mention and reply, a daily digest,
// or off. The unsubscribe link turns it off by itself (./unsubscribe.ts).
import "server-only";
import { findAwayEmailSetting, setAwayEmailMode } from "../db/away-email-settings";
import { notFound, parseInput } from "../errors";
import { awayEmailSettingsSchema, type AwayEmailChoice } from "../validation/away-emails";

/** The member's choice (EACH for an account that vanished meanwhile: the page redirects on its own). */
export async function readAwayEmailChoice({ userId }: { userId: string }): Promise<AwayEmailChoice> {
  return (await findAwayEmailSetting({ userId }))?.mode ?? "EACH";
}

/** Sets the caller's own choice from the form's input; answers the choice stored. */
export async function changeAwayEmailChoice({
  userId,
  input,
}: {
  userId: string;
  input: unknown;
}): Promise<AwayEmailChoice> {
  const { mode } = parseInput(awayEmailSettingsSchema, input);
  if (!(await setAwayEmailMode({ userId, mode }))) throw notFound("user", "Your account could not be found.");
  return mode;
}
