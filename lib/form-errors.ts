// Errors thrown by the core as form state, for server actions only: the logging stays on the
// server, so client forms that import lib/form-state.ts carry no logger.
import "server-only";
import { AppError } from "./errors";
import type { FormState } from "./form-state";
import { log } from "./log";

/** Turns an error thrown by the core into form state; unexpected errors are logged, not shown. */
export function formStateFromError(error: unknown, values?: Record<string, string>): FormState {
  if (error instanceof AppError) {
    return { status: "error", message: error.message, fields: error.fields, values };
  }
  log.error({ err: error }, "form action failed");
  return { status: "error", message: "Something went wrong on our side. Please try again.", values };
}
