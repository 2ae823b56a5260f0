"use server";
// Member actions of the admin area: each one registry action, run by lib/admin/server-actions.ts.
import { adminForm } from "@/lib/admin/server-actions";

export const setRoleAction = adminForm("member.set_role");
export const deactivateMemberAction = adminForm("member.deactivate");
export const reactivateMemberAction = adminForm("member.reactivate");
export const deleteMemberAction = adminForm("member.delete");
export const verifyEmailAction = adminForm("member.verify_email");
export const resendVerificationAction = adminForm("member.resend_verification");
