// What every member-facing form action does, in one place (as lib/admin/server-actions.ts is for
// the admin area): find the caller, read the submission through its zod schema, run the work, and
// turn a thrown AppError into form state. redirect() inside the work still redirects.
import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { requireUser, type CurrentUser } from "../auth/session";
import { fieldErrorsOf, invalid, type FieldErrors } from "../errors";
import { formStateFromError } from "../form-errors";
import { formFields, keptValues, type FormState } from "../form-state";

/** Who may submit: anyone (sign-up, reset …), a signed-in member, or one with a confirmed email. */
export type ActionCaller = "anyone" | "member" | "verified";

export interface MemberActionOptions<S extends z.ZodType, C extends ActionCaller, R extends FormState> {
  /** Defaults to "member". */
  caller?: C;
  /** Parses the submission's text fields (formFields); a failure is a 400 with its field errors. */
  schema: S;
  /** Send the submitted values (never passwords) back with an error, so the form keeps them. */
  refill?: boolean;
  /** The form's message when the schema refuses the submission (default: "Please correct the highlighted fields."). */
  invalidMessage?: string;
  /** A form whose invalid state differs from "Please correct the highlighted fields." answers here. */
  onInvalid?: (fields: FieldErrors, submitted: { values: Record<string, string>; form: Record<string, string> }) => R;
}

/** The schema of a form that posts nothing but the click (a cancel button). */
export const noFields = z.object({});

export type ActionUser<C extends ActionCaller> = C extends "anyone" ? null : CurrentUser;

/**
 * Runs `work` for a form submission: caller → schema → work → result. Whatever `work` throws
 * becomes the error state (AppError's message and fields; anything else logged and apologised for).
 */
export async function memberAction<
  S extends z.ZodType,
  R extends FormState = FormState,
  C extends ActionCaller = "member",
>(
  formData: FormData,
  { caller, schema, refill = false, invalidMessage, onInvalid }: MemberActionOptions<S, C, R>,
  work: (input: z.output<S>, user: ActionUser<C>) => Promise<R>,
): Promise<R | FormState> {
  const values = refill ? keptValues(formData) : undefined;
  try {
    const who = caller ?? "member";
    const user = (who === "anyone" ? null : await requireUser({ verified: who === "verified" })) as ActionUser<C>;
    const form = formFields(formData);
    const parsed = schema.safeParse(form);
    if (!parsed.success) {
      const fields = fieldErrorsOf(parsed.error);
      if (onInvalid) return onInvalid(fields, { values: keptValues(formData), form });
      throw invalid(fields, invalidMessage);
    }
    return await work(parsed.data, user);
  } catch (error) {
    // redirect() and notFound() work by throwing; they are not failures.
    unstable_rethrow(error);
    return formStateFromError(error, values);
  }
}
