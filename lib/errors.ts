// Errors the application means to show: each carries a typed code (`not_found:room`,
// `forbidden:message`, `rate_limited:sign_in` …), an HTTP status and a message safe for users.
// Route handlers turn them into JSON in one place (errorResponse); anything else is a 500 whose
// details stay in the server log.
import { NextResponse } from "next/server";
import type { ZodError } from "zod";
import { log } from "./log";

export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly fields?: FieldErrors,
    /** Seconds a client should wait before retrying (429s). */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

export const notFound = (what: string, message = "Not found.") => new AppError(`not_found:${what}`, message, 404);
export const forbidden = (what: string, message = "You are not allowed to do that.") =>
  new AppError(`forbidden:${what}`, message, 403);
export const unauthorized = (message = "Please sign in.") => new AppError("unauthorized", message, 401);
export const invalid = (fields: FieldErrors, message = "Please correct the highlighted fields.") =>
  new AppError("invalid", message, 400, fields);
export const rateLimited = (what: string, retryAfterSeconds: number, message: string) =>
  new AppError(`rate_limited:${what}`, message, 429, undefined, retryAfterSeconds);

/** The first message per field of a zod error, keyed by the field's path. */
export function fieldErrorsOf(error: ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    fields[key] ??= issue.message;
  }
  return fields;
}

/** An answer as data: for route handlers (NextResponse.json) and for routes served outside Next (lib/server). */
export interface JsonReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** The JSON error answer of every route: an AppError as it is, anything else a logged 500. */
export function errorReply(error: unknown): JsonReply {
  if (error instanceof AppError) {
    return {
      status: error.status,
      body: { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } },
      headers: error.retryAfter ? { "Retry-After": String(error.retryAfter) } : undefined,
    };
  }
  log.error({ err: error }, "request failed");
  return { status: 500, body: { error: { code: "internal", message: "Something went wrong on our side." } } };
}

/** The JSON error response of every route handler. */
export function errorResponse(error: unknown): NextResponse {
  const { body, status, headers } = errorReply(error);
  return NextResponse.json(body, { status, headers });
}
