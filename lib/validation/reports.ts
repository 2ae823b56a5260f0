// Reporting a message (POST /api/rooms/<slug>/messages/<id>/report) and the moderators' queue (/admin/reports): the
// reasons a member may give, the note "other" needs, and the inputs of the queue's actions.
import { z } from "zod";
import { MUTE_MAX_MINUTES } from "./admin";
import { messageIdSchema } from "./messages";
import { text } from "./text";

export const REPORT_REASONS = ["spam", "harassment", "other"] as const;
export type ReportReasonKey = (typeof REPORT_REASONS)[number];

export const REPORT_REASON_LABELS: Record<ReportReasonKey, string> = {
  spam: "Spam",
  harassment: "Harassment or abuse",
  other: "Something else",
};

export const REPORT_NOTE_MAX = 500;
export const REPORT_REASON_REQUIRED = "Choose why you are reporting it: spam, harassment or other.";
export const REPORT_NOTE_REQUIRED = "Say in a few words what is wrong with it.";
export const REPORT_NOTE_TOO_LONG = `Keep the note under ${REPORT_NOTE_MAX} characters.`;

export const reportInputSchema = z
  .object({
    reason: z.enum(REPORT_REASONS, { message: REPORT_REASON_REQUIRED }),
    note: text({ message: "The note must be text." })
      .trim()
      .max(REPORT_NOTE_MAX, REPORT_NOTE_TOO_LONG)
      .optional()
      .transform((note) => note ?? ""),
  })
  // "Other" says nothing on its own: the moderator needs the member's words.
  .refine((input) => input.reason !== "other" || input.note.length > 0, {
    message: REPORT_NOTE_REQUIRED,
    path: ["note"],
  });
export type ReportInput = z.infer<typeof reportInputSchema>;

/** The reported message a queue action is about. */
export const reportTargetSchema = z.object({ messageId: messageIdSchema });

/** A mute from the queue: how long (the room page's choices), the reason shown to the member. */
export const REPORT_MUTE_MINUTES = 24 * 60;
export const reportMuteSchema = reportTargetSchema.extend({
  minutes: z.coerce
    .number({ message: "Choose how long." })
    .int("Choose how long.")
    .min(1, "Choose how long.")
    .max(MUTE_MAX_MINUTES, "Mutes last at most 30 days; ban the member instead.")
    .default(REPORT_MUTE_MINUTES),
});

/** The queue's page cursor, `<ms>.<messageId>` of the last entry shown (an oldest open report's time and its id). */
export const reportQueueParamsSchema = z.object({
  after: z
    .preprocess((v) => (Array.isArray(v) ? v[0] : v), text().regex(/^\d{1,15}\.\d{1,10}$/))
    .transform((cursor) => {
      const [ms, id] = cursor.split(".").map(Number);
      return { firstReportedAt: new Date(ms ?? 0), messageId: id ?? 0 };
    })
    .optional()
    .catch(undefined),
});

export const reportCursorOf = (entry: { firstReportedAt: Date; messageId: number }) =>
  `${entry.firstReportedAt.getTime()}.${entry.messageId}`;
