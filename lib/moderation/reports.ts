// Reports, written once for every caller: a member reporting a message (the room's API) and the moderators acting on
// the queue (/admin/reports: delete the message, mute or ban its author in the room, or dismiss). Each queue action
// reuses the core operation (lib/chat/message-deletion.ts, restrictMember) and resolves every open report of the
// message with its outcome in that operation's transaction.
import "server-only";
import { storeReportOutcome } from "../db/notifications";
import { announceNotifications } from "../notifications/announce";
import { assertMayActOn } from "../admin/access";
import { excerpt } from "../admin/audit";
import type { OperationContext } from "../admin/operation";
import { restrictMember } from "../admin/operations/moderation";
import { enforce } from "../auth/rate-limit";
import { requirePoster, type ChatActor } from "../chat/actor";
import { deleteMessage } from "../chat/message-deletion";
import {
  createReport,
  dismissReports,
  findReportTarget,
  listReportedMessageIds,
  resolveOpenReports,
  type ReportOutcome,
} from "../db/reports";
import { findChatRoom } from "../db/room-lookup";
import { AppError, fieldErrorsOf, invalid, notFound } from "../errors";
import { messageIdSchema } from "../validation/messages";
import { roomSlugParamSchema } from "../validation/rooms";
import { reportInputSchema, type ReportReasonKey } from "../validation/reports";

export const REPORT_MESSAGE_MISSING = "This message is not in this room (or no longer exists).";
export const REPORT_OWN_MESSAGE = "You cannot report your own message. Edit or delete it instead.";
export const REPORT_MESSAGE_DELETED = "This message was already deleted: there is nothing left to report.";
export const REPORT_TWICE = "You have already reported this message. Moderators will look at it.";
export const REPORTS_HANDLED = "These reports were already handled by another moderator.";

const REASONS = { spam: "SPAM", harassment: "HARASSMENT", other: "OTHER" } as const;

/** What the reporter is told (201). */
export interface StoredReport {
  id: string;
  messageId: number;
  reason: ReportReasonKey;
}

/**
 * POST /api/rooms/<slug>/messages/<id>/report { reason, note? }: 401 signed out, 403 unverified or deactivated, 429
 * past the limit, 400 for a bad reason or note, 404 for an unknown room or a message not in it, 409 for one's own
 * message, a deleted one, or a second report of the same message (also when two submits race).
 */
export async function reportMessageAs({
  actor,
  slug,
  messageId,
  input,
}: {
  actor: ChatActor | null;
  slug: string;
  messageId: unknown;
  input: unknown;
}): Promise<StoredReport> {
  const reporter = requirePoster(actor);
  await enforce("messageReport", reporter.id, "You have reported many messages in the last minute.");
  const parsed = reportInputSchema.safeParse(input);
  if (!parsed.success) {
    const fields = fieldErrorsOf(parsed.error);
    throw invalid(fields, Object.values(fields)[0] ?? "The report is not valid.");
  }
  const room = await findChatRoom({ slug });
  if (!room) throw notFound("room", "This room does not exist (any more).");
  const id = messageIdSchema.safeParse(messageId);
  if (!id.success) throw notFound("message", REPORT_MESSAGE_MISSING);
  const created = await createReport({
    roomId: room.id,
    messageId: id.data,
    reporterId: reporter.id,
    reason: REASONS[parsed.data.reason],
    note: parsed.data.note,
  });
  if ("refused" in created) {
    if (created.refused === "message_missing") throw notFound("message", REPORT_MESSAGE_MISSING);
    if (created.refused === "own_message") throw new AppError("conflict:own_message", REPORT_OWN_MESSAGE, 409);
    if (created.refused === "message_deleted")
      throw new AppError("conflict:message_deleted", REPORT_MESSAGE_DELETED, 409);
    throw new AppError("conflict:already_reported", REPORT_TWICE, 409);
  }
  return { id: created.reportId, messageId: id.data, reason: parsed.data.reason };
}

/** As many as a room page marks: far more than a member reports in one room's recent history. */
const REPORTED_SHOWN = 500;

/**
 * GET /api/rooms/<slug>/reports: the ids of the room's messages the signed-in member reported (newest first), so the
 * page marks them "Reported" after a reload. 401 signed out, 404 for an unknown room. Only one's own reports.
 */
export async function listReportedInRoom({
  actor,
  slug,
}: {
  actor: ChatActor | null;
  slug: string;
}): Promise<{ messageIds: number[] }> {
  const reporter = requirePoster(actor);
  const room = roomSlugParamSchema.safeParse(slug).success ? await findChatRoom({ slug }) : null;
  if (!room) throw notFound("room", "This room does not exist (any more).");
  return {
    messageIds: await listReportedMessageIds({ reporterId: reporter.id, roomId: room.id, take: REPORTED_SHOWN }),
  };
}

export type ReportAction = "delete" | "mute" | "ban" | "dismiss";
export type ReportOutcomeKey = "deleted" | "muted" | "banned" | "dismissed";

/** What a queue action settled: what a notifier needs to tell each reporter the outcome. */
export interface ReportResolution {
  messageId: number;
  roomId: string;
  roomSlug: string;
  outcome: ReportOutcomeKey;
  reporterIds: string[];
}

const OUTCOMES = { delete: "DELETED", mute: "MUTED", ban: "BANNED", dismiss: "DISMISSED" } as const;
const OUTCOME_KEYS: Record<ReportOutcome, ReportOutcomeKey> = {
  DELETED: "deleted",
  MUTED: "muted",
  BANNED: "banned",
  DISMISSED: "dismissed",
};

const handled = () => new AppError("conflict:reports_resolved", REPORTS_HANDLED, 409);

/**
 * A moderator's answer to the reports of message `messageId`: the action (the admin area's registry code, audited with
 * `audit` in the action's own transaction) and the resolution of every open report of the message, all or nothing.
 * 404 for an unknown message, 409 once nothing is open, 403 for a moderator on a staff member's message (mayActOn:
 * reports about staff are for admins) and, as on the room page, for a mute or ban of staff or of oneself.
 */
export async function resolveReportedMessage({
  actor,
  audit,
  messageId,
  action,
  minutes,
}: Pick<OperationContext<unknown>, "actor" | "audit"> & {
  messageId: number;
  action: ReportAction;
  /** How long a mute lasts. */
  minutes?: number;
}): Promise<ReportResolution> {
  const target = await findReportTarget({ messageId });
  if (!target) throw notFound("message", "This message no longer exists.");
  if (target.openReports === 0) throw handled();
  if (target.author) assertMayActOn(actor, target.author, "handle reports about");
  const outcome = OUTCOMES[action];
  let reporterIds: string[];
  if (action === "delete") {
    const deleted = await deleteMessage({ actor, messageId, audit });
    if (!deleted.changed) throw handled();
    reporterIds = deleted.reporterIds;
  } else if (action === "dismiss") {
    const label = { type: "message", id: messageId, label: excerpt(target.body) } as const;
    const n = target.openReports;
    const detail = `${n} report${n === 1 ? "" : "s"} in ${target.room.name}`;
    reporterIds = await dismissReports({ messageId, byId: actor.id, audit: audit(label, detail) });
    if (reporterIds.length === 0) throw handled();
  } else {
    if (!target.author)
      throw new AppError("conflict:author_gone", "Its author deleted their account: delete or dismiss instead.", 409);
    let resolved: string[] = [];
    await restrictMember({
      actor,
      audit,
      kind: action === "mute" ? "MUTE" : "BAN",
      roomSlug: target.room.slug,
      userId: target.author.id,
      minutes,
      reason: `Reported message: “${excerpt(target.body, 60)}”`,
      alongside: async (tx) => {
        resolved = await resolveOpenReports(tx, { messageIds: [messageId], outcome, byId: actor.id });
        // Another moderator got there first: the mute or ban is theirs to decide, so this one rolls back.
        if (resolved.length === 0) throw handled();
      },
    });
    reporterIds = resolved;
  }
  // The reporters learn the outcome in their inbox, live; the action itself is done whether or not this lands.
  const notified = await storeReportOutcome({ messageId, reporterIds, outcome: OUTCOME_KEYS[outcome] });
  void announceNotifications(messageId, notified);
  return {
    messageId,
    roomId: target.room.id,
    roomSlug: target.room.slug,
    outcome: OUTCOME_KEYS[outcome],
    reporterIds,
  };
}
