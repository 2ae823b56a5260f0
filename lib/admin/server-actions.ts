// What every admin server action does, in one place: find the caller, run the registry action
// through performAdminAction (guard → zod → work → audit), refresh the admin pages, and answer as
// form state (forms) or a plain result (client components). The actions themselves are one line
// each, and tests/integration/admin-registry.test.ts checks that they all come here.
import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentUser } from "../auth/session";
import type { FieldErrors } from "../errors";
import { setFlash } from "../flash";
import { errorResult, formStateFromError } from "../form-errors";
import { formFields, keptValues, type FormState } from "../form-state";
import { performAdminAction } from "./perform";
import type { AdminOperationResult } from "./operations";
import type { AdminActionCode } from "./registry";

/**
 * For <form action>: success state, or a flash toast and redirect when the action names a page (e.g. after a delete);
 * on failure the error state keeps the submitted values so the form is refilled.
 */
export async function adminFormAction(code: AdminActionCode, formData: FormData): Promise<FormState> {
  const values = keptValues(formData);
  let result: { message: string; href?: string };
  try {
    result = await performAdminAction(code, await getCurrentUser(), formFields(formData));
  } catch (error) {
    return formStateFromError(error, values);
  }
  revalidatePath("/admin", "layout");
  if (result.href) {
    await setFlash(result.message);
    redirect(result.href);
  }
  return { status: "success", message: result.message };
}

/** A registry action as a form's server action: `export const lockRoomAction = adminForm("room.lock");`. */
export function adminForm(code: AdminActionCode) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => adminFormAction(code, formData);
}

export type AdminCallResult<D> =
  { ok: true; message: string; data: D } | { ok: false; code: string; message: string; fields?: FieldErrors };

/** For client components that call an action directly (dialogs, live previews). */
export async function adminCallAction<K extends AdminActionCode>(
  code: K,
  input: unknown,
  { revalidate = true }: { revalidate?: boolean } = {},
): Promise<AdminCallResult<AdminOperationResult<K>["data"]>> {
  try {
    const result = await performAdminAction(code, await getCurrentUser(), input);
    if (revalidate) revalidatePath("/admin", "layout");
    return { ok: true, message: result.message, data: result.data };
  } catch (error) {
    return { ok: false, ...errorResult(error, { action: code }) };
  }
}
