// "Hide my study log" (settings): a hidden log leaves the member's profile without study time or goals for others,
// and every room's weekly board without them. Their records are kept; showing the log again brings it all back.
import "server-only";
import { enforce } from "../auth/rate-limit";
import { findStudyLogHidden, setStudyLogHidden } from "../db/study-log";
import { notFound, parseInput } from "../errors";
import { studyLogSettingsSchema } from "../validation/study-log";

export async function readStudyLogHidden({ userId }: { userId: string }): Promise<boolean> {
  return (await findStudyLogHidden({ userId })) ?? false;
}

/** Sets the caller's own choice from the form's input; answers the choice stored. */
export async function changeStudyLogHidden({ userId, input }: { userId: string; input: unknown }): Promise<boolean> {
  const { hidden } = parseInput(studyLogSettingsSchema, input);
  await enforce("studySettings", userId, "You have changed your study settings many times in the last minute.");
  if (!(await setStudyLogHidden({ userId, hidden }))) throw notFound("user", "Your account could not be found.");
  return hidden;
}
