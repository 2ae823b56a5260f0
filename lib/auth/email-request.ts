// The "email me a link" forms of someone signed out (a password reset, a new confirmation link).
// The answer never depends on the address, and neither does the time it takes: the lookup and
// the mail happen after the response.
import "server-only";
import { headers } from "next/headers";
import { after } from "next/server";
import { z } from "zod";
import { memberAction } from "../actions/member-action";
import { keptValues, type FormState } from "../form-state";
import { log } from "../log";
import { emailSchema } from "../validation/account";
import { clientIpFrom } from "./client-ip";

const emailFormSchema = z.object({ email: emailSchema });

export interface EmailRequest {
  /** The work, after the response; its failures are logged as `failure`. */
  send: (email: string, ip: string) => Promise<void>;
  failure: string;
  /** The form's answer, the same whoever the address belongs to. */
  answer: (email: string, values: Record<string, string>) => FormState;
}

export async function emailRequestAction(
  formData: FormData,
  { send, failure, answer }: EmailRequest,
): Promise<FormState> {
  const onInvalid = (fields: Record<string, string>, { values }: { values: Record<string, string> }): FormState => ({
    status: "error",
    fields,
    values,
  });
  return memberAction(formData, { caller: "anyone", schema: emailFormSchema, onInvalid }, async ({ email }) => {
    const ip = clientIpFrom(await headers());
    after(async () => {
      try {
        await send(email, ip);
      } catch (error) {
        log.error({ err: error }, failure);
      }
    });
    return answer(email, keptValues(formData));
  });
}
