// Focus sessions' inputs and numbers, shared by the server and the browser: the start body (lengths in seconds, whole
// minutes unless FOCUS_MIN_PHASE_SECONDS is below a minute, as on the browser tests' server), the join body, goals.
import { z } from "zod";
import { text } from "./text";

/** A goal: one line, shown beside the member's name (FocusMember.goal is VARCHAR(140)). */
export const FOCUS_GOAL_MAX = 140;
export const FOCUS_ROUNDS_MAX = 12;
export const FOCUS_MAX_SECONDS = 180 * 60;
export const BREAK_MAX_SECONDS = 60 * 60;
/** Joined members GET …/focus lists (with goals); the count is exact beyond it. */
export const FOCUS_MEMBERS_LIMIT = 100;

/** The lengths a start may ask for, from FOCUS_MIN_PHASE_SECONDS (default 60: focus 5–180 min, break 1–60 min). */
export interface FocusLimits {
  minFocusSeconds: number;
  maxFocusSeconds: number;
  minBreakSeconds: number;
  maxBreakSeconds: number;
  maxRounds: number;
  /** Lengths are multiples of this: 60 (whole minutes), or 1 on a server that allows phases under a minute. */
  stepSeconds: number;
}

export function focusLimits(minPhaseSeconds: number): FocusLimits {
  return {
    minFocusSeconds: Math.min(5 * minPhaseSeconds, FOCUS_MAX_SECONDS),
    maxFocusSeconds: FOCUS_MAX_SECONDS,
    minBreakSeconds: Math.min(minPhaseSeconds, BREAK_MAX_SECONDS),
    maxBreakSeconds: BREAK_MAX_SECONDS,
    maxRounds: FOCUS_ROUNDS_MAX,
    stepSeconds: minPhaseSeconds >= 60 ? 60 : 1,
  };
}

/** "5 minutes", "90 seconds" (a length in the limits' words). */
export function lengthLabel(seconds: number, stepSeconds: number): string {
  if (stepSeconds >= 60 && seconds % 60 === 0) return `${seconds / 60} minute${seconds === 60 ? "" : "s"}`;
  return `${seconds} second${seconds === 1 ? "" : "s"}`;
}

function length(what: string, min: number, max: number, step: number) {
  const range = `${what} lasts ${lengthLabel(min, step)} to ${lengthLabel(max, step)}.`;
  return z
    .number({ message: `${what} length must be a number of seconds.` })
    .int(`${what} length must be a whole number of seconds.`)
    .min(min, range)
    .max(max, range)
    .refine((value) => value % step === 0, `${what} length must be whole minutes.`);
}

/** POST /api/rooms/<slug>/focus. JSON numbers only (no coercion of strings). */
export function focusStartSchema(limits: FocusLimits) {
  const { minFocusSeconds, maxFocusSeconds, minBreakSeconds, maxBreakSeconds, maxRounds, stepSeconds } = limits;
  return z.object({
    focusSeconds: length("Focus", minFocusSeconds, maxFocusSeconds, stepSeconds),
    breakSeconds: length("A break", minBreakSeconds, maxBreakSeconds, stepSeconds),
    rounds: z
      .number({ message: "Rounds must be a number." })
      .int("Rounds must be a whole number.")
      .min(1, `Choose 1 to ${maxRounds} rounds.`)
      .max(maxRounds, `Choose 1 to ${maxRounds} rounds.`),
  });
}
export type FocusStartInput = z.infer<ReturnType<typeof focusStartSchema>>;

/** A goal as typed: trimmed, one line, at most 140 characters; empty means none (null). */
export const focusGoalSchema = text({ message: "A goal is text." })
  .trim()
  .max(FOCUS_GOAL_MAX, `Keep your goal to ${FOCUS_GOAL_MAX} characters.`)
  .refine((goal) => !/[\r\n\u2028\u2029]/.test(goal), "Keep your goal to one line.")
  .transform((goal) => (goal === "" ? null : goal));

/** POST …/focus/membership: join, with an optional goal and whether to hold messages until the break. */
export const focusJoinSchema = z.object({
  goal: focusGoalSchema.nullish(),
  holdMessages: z.boolean({ message: "holdMessages must be true or false." }).optional(),
});
export type FocusJoinInput = z.infer<typeof focusJoinSchema>;

/** PATCH …/focus/membership: change the goal (null or "" removes it) or the hold preference while joined. */
export const focusMemberUpdateSchema = focusJoinSchema.refine(
  (input) => input.goal !== undefined || input.holdMessages !== undefined,
  { message: "Send a goal or holdMessages to change." },
);
export type FocusMemberUpdateInput = z.infer<typeof focusMemberUpdateSchema>;

const SESSION_ID = "sessionId must name a focus session.";

/** PUT …/focus/goal: did you reach your goal in that session? */
export const focusGoalDoneSchema = z.object({
  sessionId: text({ message: SESSION_ID })
    .min(1, SESSION_ID)
    .max(40, SESSION_ID)
    .regex(/^[a-z0-9]+$/, SESSION_ID),
  done: z.boolean({ message: "done must be true or false." }),
});
export type FocusGoalDoneInput = z.infer<typeof focusGoalDoneSchema>;
