"use server";
// Sign-out, shared by every page (the header's user menu).
import { redirect } from "next/navigation";
import { setFlash } from "@/components/ui/flash";
import { getCurrentUser } from "@/lib/auth/session";
import { clearSessionCookie } from "@/lib/auth/session-cookie";
import { bumpSessionVersion } from "@/lib/db/users";

/**
 * Ends every session of the member (all devices), not only this browser's: the session version
 * goes up, so every cookie issued before is refused from now on.
 */
export async function signOutAction(): Promise<void> {
  // No requireUser() throw here: a stale or already revoked session still deserves a clean exit.
  const user = await getCurrentUser();
  if (user) await bumpSessionVersion({ userId: user.id });
  await clearSessionCookie();
  await setFlash("Signed out", { tone: "success" });
  redirect("/");
}
