// Admin actions on support requests: resend the verification mail or mark the address verified
// (either one handles the request, with a note saying which), or close it with a note.
import "server-only";
import { sendVerificationMail } from "../../auth/email-verification";
import { markMemberEmailVerified } from "../../db/member-status";
import { closeSupportRequest, findSupportRequest, type SupportRequestRow } from "../../db/support-requests";
import { AppError, notFound } from "../../errors";
import { idSchema, supportCloseSchema } from "../../validation/admin";
import { assertMayActOn } from "../access";
import { auditEntry } from "../audit";
import { defineOperation } from "../operation";
import type { SessionUser } from "../../db/users";

async function requestWithUser(
  id: string,
): Promise<SupportRequestRow & { user: NonNullable<SupportRequestRow["user"]> }> {
  const request = await findSupportRequest({ id });
  if (!request) throw notFound("support_request", "This support request no longer exists.");
  const { user } = request;
  if (!user)
    throw new AppError(
      "conflict:no_account",
      `No account uses ${request.email} (any more). Close the request with a note instead.`,
      409,
    );
  return { ...request, user };
}

/** Handles the request after the work is done; a request handled meanwhile is left as it is. */
async function handle(actor: SessionUser, id: string, note: string) {
  await closeSupportRequest({
    id,
    note,
    handledById: actor.id,
    audit: (r) => auditEntry(actor, "support.close", { type: "support_request", id, label: r.email }, note),
  });
}

export const supportOperations = {
  "support.resend_verification": defineOperation(idSchema, async ({ actor, input, audit }) => {
    const request = await requestWithUser(input.id);
    assertMayActOn(actor, request.user, "send a verification mail to");
    if (request.user.emailVerified)
      throw new AppError(
        "conflict:already_verified",
        `${request.user.email} is already verified. Close the request.`,
        409,
      );
    await sendVerificationMail(request.user, request.user.email);
    await closeSupportRequest({
      id: request.id,
      note: "Verification mail sent again.",
      handledById: actor.id,
      audit: () =>
        audit(
          { type: "support_request", id: request.id, label: request.user.email },
          `mail sent to @${request.user.username}`,
        ),
    });
    return { message: `A new verification link is on its way to ${request.user.email}; the request is handled.` };
  }),

  "support.mark_verified": defineOperation(idSchema, async ({ actor, input, audit }) => {
    const request = await requestWithUser(input.id);
    assertMayActOn(actor, request.user, "verify the email of");
    await markMemberEmailVerified({
      id: request.user.id,
      audit: ({ username, email }) =>
        audit({ type: "support_request", id: request.id, label: email }, `@${username} marked verified`),
    });
    await handle(actor, request.id, "Email marked verified.");
    return { message: `${request.user.email} is marked verified; the request is handled.` };
  }),

  "support.close": defineOperation(supportCloseSchema, async ({ actor, input, audit }) => {
    const result = await closeSupportRequest({
      id: input.id,
      note: input.note,
      handledById: actor.id,
      audit: (r) => audit({ type: "support_request", id: input.id, label: r.email }, input.note),
    });
    return { message: result.changed ? "Request closed." : "This request was already handled." };
  }),
};
