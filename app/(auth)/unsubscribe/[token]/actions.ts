"use server";
// The unsubscribe page's button: the same operation as the one-click POST (lib/notifications/unsubscribe.ts). Only
// this POST changes anything; opening the page just describes the link, since mail scanners open links.
import { headers } from "next/headers";
import { memberAction } from "@/lib/actions/member-action";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { AppError } from "@/lib/errors";
import type { FormState } from "@/lib/form-state";
import { unsubscribeByLink } from "@/lib/notifications/unsubscribe";
import { unsubscribeFormSchema } from "@/lib/validation/away-emails";

export interface UnsubscribeState extends FormState {
  /** The link is not genuine: the page then says so instead of offering the button again. */
  invalid?: boolean;
  maskedEmail?: string;
}

export async function unsubscribeAction(_previous: UnsubscribeState, formData: FormData): Promise<UnsubscribeState> {
  const onInvalid = (): UnsubscribeState => ({ status: "error", invalid: true });
  const options = { caller: "anyone", schema: unsubscribeFormSchema, onInvalid } as const;
  return memberAction(formData, options, async ({ token }): Promise<UnsubscribeState> => {
    try {
      const { maskedEmail } = await unsubscribeByLink({ token, ip: clientIpFrom(await headers()) });
      return { status: "success", maskedEmail };
    } catch (error) {
      if (error instanceof AppError && error.code === "invalid:unsubscribe_link") return onInvalid();
      throw error;
    }
  });
}
