// The one list of what exists under /admin: every page and every action, each with the lowest
// role allowed. Guards, the navigation and the role-matrix tests all read this file, and the
// tests fail when a page or server action under app/admin is not listed here.
import type { Role } from "../db/generated/prisma/enums";

export type AdminRole = Extract<Role, "MODERATOR" | "ADMIN">;

export interface AdminPageDef {
  /** The route pattern, as the folders under app/ spell it ("[id]" for a dynamic segment). */
  path: string;
  title: string;
  minRole: AdminRole;
  /** Shown in the admin navigation (detail and form pages are reached from their list). */
  nav: boolean;
}

export const ADMIN_PAGES = {
  dashboard: { path: "/admin", title: "Dashboard", minRole: "MODERATOR", nav: true },
  rooms: { path: "/admin/rooms", title: "Rooms", minRole: "MODERATOR", nav: true },
  roomNew: { path: "/admin/rooms/new", title: "New room", minRole: "MODERATOR", nav: false },
  roomEdit: { path: "/admin/rooms/[id]", title: "Edit room", minRole: "MODERATOR", nav: false },
  topics: { path: "/admin/topics", title: "Topics", minRole: "MODERATOR", nav: true },
  members: { path: "/admin/members", title: "Members", minRole: "MODERATOR", nav: true },
  member: { path: "/admin/members/[username]", title: "Member", minRole: "MODERATOR", nav: false },
  messages: { path: "/admin/messages", title: "Messages", minRole: "MODERATOR", nav: true },
  reports: { path: "/admin/reports", title: "Reports", minRole: "MODERATOR", nav: true },
  support: { path: "/admin/support", title: "Support requests", minRole: "MODERATOR", nav: true },
  audit: { path: "/admin/audit", title: "Audit log", minRole: "MODERATOR", nav: true },
} as const satisfies Record<string, AdminPageDef>;

export type AdminPageKey = keyof typeof ADMIN_PAGES;

export interface AdminActionDef {
  /** What the audit log calls it ("Deleted room"). */
  label: string;
  minRole: AdminRole;
  /** Read-only helpers (slug preview, lookups) change nothing and leave no audit entry. */
  audited: boolean;
}

// The code is what the audit log stores; renaming one orphans old entries' labels, so add new
// codes rather than renaming.
export const ADMIN_ACTIONS = {
  "room.slug_preview": { label: "Previewed a room address", minRole: "MODERATOR", audited: false },
  "room.create": { label: "Created room", minRole: "MODERATOR", audited: true },
  "room.update": { label: "Edited room", minRole: "MODERATOR", audited: true },
  "room.delete": { label: "Deleted room", minRole: "MODERATOR", audited: true },
  "room.reassign_host": { label: "Reassigned room host", minRole: "MODERATOR", audited: true },
  "room.lock": { label: "Locked room", minRole: "MODERATOR", audited: true },
  "room.unlock": { label: "Unlocked room", minRole: "MODERATOR", audited: true },
  "room.restrictions": { label: "Looked up a member's restrictions", minRole: "MODERATOR", audited: false },
  "room.mute": { label: "Muted member in room", minRole: "MODERATOR", audited: true },
  "room.unmute": { label: "Unmuted member in room", minRole: "MODERATOR", audited: true },
  "room.ban": { label: "Banned member from room", minRole: "MODERATOR", audited: true },
  "room.unban": { label: "Lifted room ban", minRole: "MODERATOR", audited: true },
  "topic.create": { label: "Created topic", minRole: "MODERATOR", audited: true },
  "topic.rename": { label: "Renamed topic", minRole: "MODERATOR", audited: true },
  "topic.delete": { label: "Deleted topic", minRole: "MODERATOR", audited: true },
  // Moves every room of a topic and cannot be undone, hence admins only.
  "topic.merge": { label: "Merged topics", minRole: "ADMIN", audited: true },
  "member.set_role": { label: "Changed role", minRole: "ADMIN", audited: true },
  "member.deactivate": { label: "Deactivated member", minRole: "MODERATOR", audited: true },
  "member.reactivate": { label: "Reactivated member", minRole: "MODERATOR", audited: true },
  "member.delete": { label: "Deleted member", minRole: "ADMIN", audited: true },
  "member.verify_email": { label: "Marked email verified", minRole: "MODERATOR", audited: true },
  "member.resend_verification": { label: "Resent verification mail", minRole: "MODERATOR", audited: true },
  "message.delete": { label: "Deleted message", minRole: "MODERATOR", audited: true },
  "message.delete_all": { label: "Deleted all messages of a member", minRole: "MODERATOR", audited: true },
  // The report queue's answers: each resolves every open report of the message with its outcome.
  "report.delete_message": { label: "Deleted reported message", minRole: "MODERATOR", audited: true },
  "report.mute_author": { label: "Muted author of reported message", minRole: "MODERATOR", audited: true },
  "report.ban_author": { label: "Banned author of reported message", minRole: "MODERATOR", audited: true },
  "report.dismiss": { label: "Dismissed reports", minRole: "MODERATOR", audited: true },
  "support.resend_verification": { label: "Resent verification mail (support)", minRole: "MODERATOR", audited: true },
  "support.mark_verified": { label: "Marked email verified (support)", minRole: "MODERATOR", audited: true },
  "support.close": { label: "Closed support request", minRole: "MODERATOR", audited: true },
} as const satisfies Record<string, AdminActionDef>;

export type AdminActionCode = keyof typeof ADMIN_ACTIONS;

export const ADMIN_ACTION_CODES = Object.keys(ADMIN_ACTIONS) as AdminActionCode[];

export function isAdminActionCode(value: string): value is AdminActionCode {
  return Object.hasOwn(ADMIN_ACTIONS, value);
}

/** The label of a stored audit code, also for codes no longer in the registry. */
export function actionLabel(code: string): string {
  return isAdminActionCode(code) ? ADMIN_ACTIONS[code].label : code;
}
