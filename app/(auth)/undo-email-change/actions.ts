"use server";
// Undoing an email change from the link mailed to the old address. Only this POST changes anything: the page's GET
// just describes the link, since mail scanners open links.
import { headers } from "next/headers";
import { z } from "zod";
import { memberAction } from "@/lib/actions/member-action";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { undoEmailChange, type UndoLinkProblem } from "@/lib/auth/email-change-undo";
import { enforce } from "@/lib/auth/rate-limit";
import { clearSessionCookie } from "@/lib/auth/session-cookie";
import type { FormState } from "@/lib/form-state";
import { tokenSchema } from "@/lib/validation/account";

export interface UndoState extends FormState {
  /** Why the link could not be used: the page then explains instead of offering the button again. */
  problem?: UndoLinkProblem | "taken";
  /** The restored address, masked, once done. */
  maskedEmail?: string;
}

const undoSchema = z.object({ token: tokenSchema });

export async function undoEmailChangeAction(_previous: UndoState, formData: FormData): Promise<UndoState> {
  const onInvalid = (): UndoState => ({ status: "error", problem: "invalid" });
  const options = { caller: "anyone", schema: undoSchema, onInvalid } as const;
  return memberAction(formData, options, async ({ token }): Promise<UndoState> => {
    await enforce("emailChangeUndoIp", clientIpFrom(await headers()), "Too many attempts from your network.");
    const outcome = await undoEmailChange(token);
    if (!outcome.ok) return { status: "error", problem: outcome.reason };
    // This browser's session (if any) ended with the others; drop the dead cookie too.
    await clearSessionCookie();
    return { status: "success", maskedEmail: outcome.maskedEmail };
  });
}
