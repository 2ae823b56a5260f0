// What every server action under app/admin does, in one place: find the caller, run the registry
// action through performAdminAction (guard → zod → work → audit), refresh the admin pages, and
// answer as form state (forms) or a plain result (client components). The actions themselves are
// one line each, and tests/integration/admin-registry.test.ts checks that they all come here.
import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { setFlash } from "@/components/ui/flash";
import { getCurrentUser } from "../auth/session";
import { AppError, type FieldErrors } from "../errors";
import { formStateFromError } from "../form-errors";
import { keptValues, type FormState } from "../form-state";
import { log } from "../log";
import { performAdminAction } from "./perform";
import type { AdminOperationResult } from "./operations";
import type { AdminActionCode } from "./registry";

/** A form's text fields as an object (files are never part of an admin form). */
function formInput(formData: FormData): Record<string, string> {
  const input: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$")) input[key] = value;
  }
  return input;
}

/**
 * For <form action>: success → a success state with the message, or (when the action names a
 * page to go to, e.g. after a delete) a flash toast and a redirect there; failure → the error
 * state with the submitted values, so the form keeps them.
 */
export async function adminFormAction(code: AdminActionCode, formData: FormData): Promise<FormState> {
  const values = keptValues(formData);
  let result: { message: string; href?: string };
  try {
    result = await performAdminAction(code, await getCurrentUser(), formInput(formData));
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
    if (error instanceof AppError) return { ok: false, code: error.code, message: error.message, fields: error.fields };
    log.error({ err: error, action: code }, "admin action failed");
    return { ok: false, code: "internal", message: "Something went wrong on our side. Please try again." };
  }
}
