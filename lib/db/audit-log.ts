// The audit log: one row per moderator or admin action, written inside the transaction of the
// change it records (pass `tx`), read newest first. There is no update or delete here on purpose.
import "server-only";
import { db } from "./client";
import type { Prisma } from "./generated/prisma/client";
import { likeLiteral, readIdWindow, type IdWindowEdges, type WindowInput } from "./paging";
import { cutText } from "../validation/text";

type Tx = Prisma.TransactionClient;

export const AUDIT_DETAIL_MAX = 500;
export const AUDIT_LABEL_MAX = 200;

export interface AuditEntryInput {
  actorId: string;
  actorUsername: string;
  action: string;
  targetType: string;
  targetId: string | null;
  targetLabel: string;
  detail: string;
}

/** A stored entry; its actor is null once their account was deleted (the username stays). */
export interface AuditEntry extends Omit<AuditEntryInput, "actorId"> {
  id: number;
  actorId: string | null;
  createdAt: Date;
}

const clip = (text: string, max: number) => (text.length > max ? `${cutText(text, max - 1)}…` : text);

export async function writeAuditEntry(entry: AuditEntryInput, tx?: Tx): Promise<void> {
  await (tx ?? db).auditLog.create({
    data: {
      ...entry,
      targetLabel: clip(entry.targetLabel, AUDIT_LABEL_MAX),
      detail: clip(entry.detail, AUDIT_DETAIL_MAX),
    },
  });
}

export interface ListAuditInput extends WindowInput {
  /** Substring of the actor's username, the target's label, the detail or the action code. */
  q?: string;
  action?: string;
}

export interface AuditPage extends IdWindowEdges {
  entries: AuditEntry[];
}

function whereOf({ q, action }: Pick<ListAuditInput, "q" | "action">): Prisma.AuditLogWhereInput {
  const text = q?.trim();
  return {
    ...(action ? { action } : {}),
    ...(text
      ? {
          OR: [
            { actorUsername: { contains: likeLiteral(text.replace(/^@/, "")), mode: "insensitive" } },
            { targetLabel: { contains: likeLiteral(text), mode: "insensitive" } },
            { detail: { contains: likeLiteral(text), mode: "insensitive" } },
            { action: { contains: likeLiteral(text), mode: "insensitive" } },
          ],
        }
      : {}),
  };
}

/** A page of entries, newest first, paged by id in either direction. */
export async function listAuditEntries({ q, action, ...window }: ListAuditInput = {}): Promise<AuditPage> {
  const where = whereOf({ q, action });
  const { rows, ...edges } = await readIdWindow(window, 50, ({ id, order, take }) =>
    db.auditLog.findMany({ where: { ...where, id }, orderBy: { id: order }, take }),
  );
  return { entries: rows, ...edges };
}

export async function latestAuditEntries({ take = 8 }: { take?: number } = {}): Promise<AuditEntry[]> {
  return db.auditLog.findMany({ orderBy: { id: "desc" }, take });
}

/** The entries about one target (a member's page shows what was done to them). */
export async function listAuditEntriesFor(targetType: string, targetId: string, take = 20): Promise<AuditEntry[]> {
  return db.auditLog.findMany({ where: { targetType, targetId }, orderBy: { id: "desc" }, take });
}
