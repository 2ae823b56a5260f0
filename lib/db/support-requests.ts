// Support requests: recorded when a member needs a person's help (e.g. too many verification mails).
import "server-only";
import { db } from "./client";
import type { SupportRequestKind } from "./generated/prisma/client";

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
