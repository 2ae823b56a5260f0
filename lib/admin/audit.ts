// Building audit entries: who (the acting moderator, with a username snapshot), which action
// (a registry code), what it was done to, and a short detail. Query functions write the entry in
// the same transaction as the change; `recordAudit` is for changes made elsewhere (a mail sent,
// an account deleted by its own transaction), written right after them.
import "server-only";
import { writeAuditEntry, type AuditEntryInput } from "../db/audit-log";
import type { AdminActor } from "./access";
import type { AdminActionCode } from "./registry";
import { cutText } from "../validation/text";

export type AuditTargetType = "room" | "topic" | "user" | "message" | "support_request";

export interface AuditTarget {
  type: AuditTargetType;
  id: string | number | null;
  /** What a reader recognises later, even once the target is gone: a name, @username, excerpt. */
  label: string;
}

export function auditEntry(
  actor: Pick<AdminActor, "id" | "username">,
  action: AdminActionCode,
  target: AuditTarget,
  detail = "",
): AuditEntryInput {
  return {
    actorId: actor.id,
    actorUsername: actor.username,
    action,
    targetType: target.type,
    targetId: target.id === null ? null : String(target.id),
    targetLabel: target.label,
    detail,
  };
}

/** Writes an entry on its own, for a change that did not go through a transaction of ours. */
export async function recordAudit(
  actor: Pick<AdminActor, "id" | "username">,
  action: AdminActionCode,
  target: AuditTarget,
  detail = "",
): Promise<void> {
  await writeAuditEntry(auditEntry(actor, action, target, detail));
}

/** A message excerpt for labels: one line, short. */
export function excerpt(text: string, max = 80): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${cutText(line, max - 1)}…` : line;
}
