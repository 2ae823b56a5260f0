"use server";
// Settings → Where you're signed in: end one device's session, or every one. Each is a public endpoint: memberAction
// finds the caller and validates the form first; a member can only end their own sessions.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { endDeviceSession, endOtherDeviceSessions } from "@/lib/auth/device-sessions";
import { clearSessionCookie } from "@/lib/auth/session-cookie";
import { memberAction, noFields } from "@/lib/actions/member-action";
import { bumpSessionVersion } from "@/lib/db/users";
import { setFlash } from "@/lib/flash";
import { type FormState } from "@/lib/form-state";
import { text } from "@/lib/validation/text";

const deviceSchema = z.object({ sessionId: text().trim().min(1).max(64) });

async function leave(title: string): Promise<never> {
  await clearSessionCookie();
  await setFlash(title, { tone: "success" });
  redirect("/");
}

export async function signOutDeviceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const onInvalid = (): FormState => ({ status: "error", message: "Choose a session to sign out." });
  return memberAction(formData, { schema: deviceSchema, onInvalid }, async ({ sessionId }, user) => {
    const ended = await endDeviceSession({ userId: user.id, sessionId });
    if (sessionId === user.sessionId) return leave("Signed out");
    revalidatePath("/settings");
    // Someone else's id answers like one that already ended: nothing to learn from guessing.
    if (!ended) return { status: "error", message: "That session had already ended." };
    return { status: "success", message: "Signed out on that device." };
  });
}

export async function signOutOtherDevicesAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: noFields }, async (_input, user) => {
    const ended = await endOtherDeviceSessions({ userId: user.id, sessionId: user.sessionId });
    revalidatePath("/settings");
    return {
      status: "success",
      message: ended === 0 ? "You were not signed in anywhere else." : "Signed out on every other device.",
    };
  });
}

export async function signOutEverywhereAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: noFields }, async (_input, user) => {
    await bumpSessionVersion({ userId: user.id });
    return leave("Signed out on every device");
  });
}
