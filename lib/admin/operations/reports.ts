// The report queue's actions (/admin/reports), each through lib/moderation/reports.ts: the core operation (deletion,
// mute, ban) or a dismissal, resolving every open report of the message. `data` is what a notifier needs.
import "server-only";
import { resolveReportedMessage, type ReportAction } from "../../moderation/reports";
import { reportMuteSchema, reportTargetSchema } from "../../validation/reports";
import { defineOperation, type OperationContext } from "../operation";
import { durationLabel } from "./moderation";

async function answer(
  action: ReportAction,
  { actor, input, audit }: OperationContext<{ messageId: number; minutes?: number }>,
) {
  const resolution = await resolveReportedMessage({ actor, audit, action, ...input });
  const did = {
    delete: "Message deleted",
    mute: `Author muted for ${durationLabel(input.minutes ?? 0)}`,
    ban: "Author banned from the room",
    dismiss: "Reports dismissed",
  }[action];
  const n = resolution.reporterIds.length;
  // Back to the queue with a flash toast: the entry, and the form that would have shown one, leave the page.
  return { message: `${did}; ${n} report${n === 1 ? "" : "s"} resolved.`, data: resolution, href: "/admin/reports" };
}

export const reportOperations = {
  "report.delete_message": defineOperation(reportTargetSchema, (context) => answer("delete", context)),
  "report.mute_author": defineOperation(reportMuteSchema, (context) => answer("mute", context)),
  "report.ban_author": defineOperation(reportTargetSchema, (context) => answer("ban", context)),
  "report.dismiss": defineOperation(reportTargetSchema, (context) => answer("dismiss", context)),
};
