// Errors thrown by the core, in the words a server action answers with: form state for forms,
// a plain failure for client calls. Server only: the logging stays here, so client forms that
// import lib/form-state.ts carry no logger.
import "server-only";
import { knownError, type FieldErrors } from "./errors";
import type { FormState } from "./form-state";
import { log } from "./log";

export interface ErrorResult {
  code: string;
  message: string;
  fields?: FieldErrors;
}

/** An AppError's own code and message (a database outage's too); anything else is logged and apologised for. */
export function errorResult(thrown: unknown, context: Record<string, unknown> = {}): ErrorResult {
  const error = knownError(thrown);
  if (error) return { code: error.code, message: error.message, fields: error.fields };
  log.error({ err: thrown, ...context }, "server action failed");
  return { code: "internal", message: "Something went wrong on our side. Please try again." };
}

/** Turns an error thrown by the core into form state, with the submitted values to refill the form. */
export function formStateFromError(error: unknown, values?: Record<string, string>): FormState {
  const { message, fields } = errorResult(error);
  return { status: "error", message, fields, values };
}
