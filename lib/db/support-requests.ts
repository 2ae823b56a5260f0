// Support requests: recorded when a member needs a person's help (e.g. too many verification
// mails), listed for moderators, and handled (closed with a note, by whom, when) with its audit
// entry in the same transaction.
import "server-only";
import { db } from "./client";
import { writeAuditEntry, type AuditEntryInput } from "./audit-log";
import type { Prisma, Role, SupportRequestKind, SupportRequestStatus } from "./generated/prisma/client";
import { loadPage, TABLE_PAGE_SIZE, type Paged } from "./paging";
import { notFound } from "../errors";

/** Records a request unless an open one of the same kind exists for that email. */
export async function openSupportRequest(input: {
  userId: string | null;
  email: string;
  kind: SupportRequestKind;
  detail: string;
}) {
  const existing = await db.supportRequest.findFirst({
    where: { email: input.email, kind: input.kind, status: "OPEN" },
    select: { id: true },
  });
  if (existing) return existing;
  return db.supportRequest.create({ data: input, select: { id: true } });
}

export interface SupportRequestRow {
  id: string;
  email: string;
  kind: SupportRequestKind;
  detail: string;
  status: SupportRequestStatus;
  note: string | null;
  createdAt: Date;
  handledAt: Date | null;
  handledBy: { username: string } | null;
  user: { id: string; username: string; name: string; emailVerified: boolean; email: string; role: Role } | null;
}

const rowSelect = {
  id: true,
  email: true,
  kind: true,
  detail: true,
  status: true,
  note: true,
  createdAt: true,
  handledAt: true,
  handledBy: { select: { username: true } },
  user: { select: { id: true, username: true, name: true, emailVerifiedAt: true, email: true, role: true } },
} satisfies Prisma.SupportRequestSelect;

type Row = Prisma.SupportRequestGetPayload<{ select: typeof rowSelect }>;

function toRow({ user, ...rest }: Row): SupportRequestRow {
  return {
    ...rest,
    user: user
      ? {
          id: user.id,
          username: user.username,
          name: user.name,
          email: user.email,
          role: user.role,
          emailVerified: user.emailVerifiedAt !== null,
        }
      : null,
  };
}

/** Open requests oldest first (first come, first served); handled ones newest first. */
export async function listSupportRequests({
  status = "OPEN",
  page = 1,
  pageSize = TABLE_PAGE_SIZE,
}: { status?: SupportRequestStatus | "ALL"; page?: number; pageSize?: number } = {}): Promise<
  Paged<SupportRequestRow>
> {
  const where: Prisma.SupportRequestWhereInput = status === "ALL" ? {} : { status };
  const orderBy: Prisma.SupportRequestOrderByWithRelationInput[] =
    status === "OPEN" ? [{ createdAt: "asc" }, { id: "asc" }] : [{ createdAt: "desc" }, { id: "desc" }];
  return loadPage({
    page,
    pageSize,
    count: () => db.supportRequest.count({ where }),
    read: async (window) =>
      (await db.supportRequest.findMany({ where, select: rowSelect, orderBy, ...window })).map(toRow),
  });
}

export async function countOpenSupportRequests(): Promise<number> {
  return db.supportRequest.count({ where: { status: "OPEN" } });
}

export async function findSupportRequest({ id }: { id: string }): Promise<SupportRequestRow | null> {
  const row = await db.supportRequest.findUnique({ where: { id }, select: rowSelect });
  return row ? toRow(row) : null;
}

/** Marks the request handled with a note; a handled request keeps its first note (`changed` false). */
export async function closeSupportRequest({
  id,
  note,
  handledById,
  audit,
}: {
  id: string;
  note: string;
  handledById: string;
  audit: (request: { email: string }) => AuditEntryInput;
}) {
  return db.$transaction(async (tx) => {
    const request = await tx.supportRequest.findUnique({
      where: { id },
      select: { id: true, email: true, status: true },
    });
    if (!request) throw notFound("support_request", "This support request no longer exists.");
    const { count } = await tx.supportRequest.updateMany({
      where: { id, status: "OPEN" },
      data: { status: "HANDLED", note, handledById, handledAt: new Date() },
    });
    if (count === 1) await writeAuditEntry(audit(request), tx);
    return { email: request.email, changed: count === 1 };
  });
}
