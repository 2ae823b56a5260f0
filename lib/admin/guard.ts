// The guard of every /admin page and layout: the signed-in moderator or admin, or Next's 404
// page for everyone else (signed out or not), or the 403 page for a moderator on an admin-only page.
import "server-only";
import { forbidden, notFound } from "next/navigation";
import { getCurrentUser, type SessionUser } from "../auth/session";
import { adminAccess } from "./access";
import { ADMIN_PAGES, type AdminPageKey, type AdminRole } from "./registry";

async function guard(minRole: AdminRole): Promise<SessionUser> {
  const user = await getCurrentUser();
  const access = adminAccess(user, minRole);
  if (access === "hidden" || !user) notFound();
  if (access === "forbidden") forbidden();
  return user;
}

/** For app/admin/layout.tsx: anyone who may see at least one admin page. */
export const requireAdminArea = () => guard("MODERATOR");

/** For each page under app/admin, with its own key in lib/admin/registry.ts. */
export const requireAdminPage = (key: AdminPageKey) => guard(ADMIN_PAGES[key].minRole);
