// Admin actions on members: role (admins only; the last admin keeps it), deactivate and
// reactivate (sessions end at once; content stays), delete (admins only; messages stay as
// "Anonymous User"; never the last admin), mark email verified, resend verification. Moderators act on members only,
// never on other moderators or admins, and nobody deactivates or deletes themselves here.
import "server-only";
import { sendVerificationMail } from "../../auth/email-verification";
import { deleteUserAccount } from "../../db/account-deletion";
import { markMemberEmailVerified, setMemberDeactivated, setMemberRole, findMemberTarget } from "../../db/member-status";
import type { SessionUser } from "../../db/users";
import { AppError, notFound } from "../../errors";
import { endUserConnections } from "../../realtime/connections";
import { idSchema, setRoleSchema } from "../../validation/admin";
import { assertMayActOn } from "../access";
import { recordAudit } from "../audit";
import { defineOperation } from "../operation";
import { removeFromFocus } from "../../focus/members";

type Target = NonNullable<Awaited<ReturnType<typeof findMemberTarget>>>;

async function target(id: string): Promise<Target> {
  const user = await findMemberTarget({ id });
  if (!user) throw notFound("user", "This member no longer exists.");
  return user;
}

/** The member, if the actor may act on them (moderators on members only: assertMayActOn). */
async function targetFor(actor: SessionUser, id: string, what: string): Promise<Target> {
  const user = await target(id);
  assertMayActOn(actor, user, what);
  return user;
}

function assertNotSelf(actor: SessionUser, user: Target, message: string) {
  if (actor.id === user.id) throw new AppError("forbidden:self", message, 403);
}

const ROLE_NAMES = { MEMBER: "member", MODERATOR: "moderator", ADMIN: "admin" } as const;

export const memberOperations = {
  "member.set_role": defineOperation(setRoleSchema, async ({ actor, input, audit }) => {
    const result = await setMemberRole({
      id: input.id,
      role: input.role,
      actorId: actor.id,
      audit: ({ username, from }) =>
        audit({ type: "user", id: input.id, label: `@${username}` }, `${ROLE_NAMES[from]} → ${ROLE_NAMES[input.role]}`),
    });
    return {
      message: result.changed
        ? `@${result.username} is now ${ROLE_NAMES[input.role] === "admin" ? "an" : "a"} ${ROLE_NAMES[input.role]}.`
        : `@${result.username} already was one.`,
    };
  }),

  "member.deactivate": defineOperation(idSchema, async ({ actor, input, audit }) => {
    const user = await target(input.id);
    assertNotSelf(actor, user, "You cannot deactivate your own account here.");
    assertMayActOn(actor, user, "deactivate");
    const result = await setMemberDeactivated({
      id: user.id,
      deactivated: true,
      audit: ({ username }) => audit({ type: "user", id: user.id, label: `@${username}` }, "signed out everywhere"),
    });
    // Their session is already void; this ends subscriptions their open pages (or a modified client) still hold.
    await endUserConnections(user.id, { reason: "deactivation" });
    await removeFromFocus({ userId: user.id });
    return {
      message: result.changed
        ? `@${result.username} is deactivated and signed out everywhere. Their rooms and messages stay.`
        : `@${result.username} already was deactivated.`,
    };
  }),

  "member.reactivate": defineOperation(idSchema, async ({ actor, input, audit }) => {
    const user = await targetFor(actor, input.id, "reactivate");
    const result = await setMemberDeactivated({
      id: user.id,
      deactivated: false,
      audit: ({ username }) => audit({ type: "user", id: user.id, label: `@${username}` }),
    });
    return {
      message: result.changed ? `@${result.username} can sign in again.` : `@${result.username} was not deactivated.`,
    };
  }),

  "member.delete": defineOperation(idSchema, async ({ actor, input, audit }) => {
    const user = await target(input.id);
    assertNotSelf(actor, user, "To delete your own account, use Settings → Delete account.");
    assertMayActOn(actor, user, "delete");
    const deleted = await deleteUserAccount({
      userId: user.id,
      audit: ({ messagesKept, roomsKept }) =>
        audit(
          { type: "user", id: user.id, label: `@${user.username}` },
          `${messagesKept} messages kept as Anonymous User; ${roomsKept} rooms kept without a host`,
        ),
    });
    if (!deleted) throw notFound("user", "This member no longer exists.");
    await endUserConnections(user.id, { reason: "deletion" });
    return {
      message: `@${user.username} is deleted. Their messages stay, shown as “Anonymous User”.`,
      href: "/admin/members",
    };
  }),

  "member.verify_email": defineOperation(idSchema, async ({ actor, input, audit }) => {
    const user = await targetFor(actor, input.id, "verify the email of");
    const result = await markMemberEmailVerified({
      id: user.id,
      audit: ({ username, email }) => audit({ type: "user", id: input.id, label: `@${username}` }, email),
    });
    return {
      message: result.changed ? `${result.email} is marked verified.` : `${result.email} already was verified.`,
    };
  }),

  "member.resend_verification": defineOperation(idSchema, async ({ actor, input }) => {
    const user = await targetFor(actor, input.id, "send a verification mail to");
    if (user.emailVerifiedAt)
      throw new AppError("conflict:already_verified", `${user.email} is already verified.`, 409);
    // No rate limit for moderators: they send on a member's behalf, one click at a time.
    await sendVerificationMail(user, user.email);
    await recordAudit(
      actor,
      "member.resend_verification",
      { type: "user", id: user.id, label: `@${user.username}` },
      user.email,
    );
    return { message: `A new verification link is on its way to ${user.email}.` };
  }),
};
