"use server";
// The account actions that shared components call (the header's user menu, the "please confirm"
// banner): here in lib so components never import from app/.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { setFlash } from "../flash";
import { log } from "../log";
import { endDeviceSession } from "./device-sessions";
import { resendVerification } from "./email-verification";
import type { ResendState } from "./resend-message";
import { getCurrentUser } from "./session";
import { clearSessionCookie } from "./session-cookie";

/** Ends this device's session only; Settings lists the others, with a way to end them too. */
export async function signOutAction(): Promise<void> {
  // No requireUser() throw here: a stale or already revoked session still deserves a clean exit.
  const user = await getCurrentUser();
  if (user) await endDeviceSession({ userId: user.id, sessionId: user.sessionId });
  await clearSessionCookie();
  await setFlash("Signed out", { tone: "success" });
  redirect("/");
}

/** "Resend email" for the signed-in member (banner, verify page). */
export async function resendVerificationAction(_previous: ResendState, _formData?: FormData): Promise<ResendState> {
  const at = Date.now();
  try {
    const user = await getCurrentUser();
    if (!user) return { status: "done", outcome: "signed_out", at };
    const outcome = await resendVerification(user.id);
    // The "please confirm" banner lives in the root layout.
    if (outcome === "already_verified") revalidatePath("/", "layout");
    return { status: "done", outcome, at };
  } catch (error) {
    log.error({ err: error }, "verification mail resend failed");
    return { status: "error", at };
  }
}
