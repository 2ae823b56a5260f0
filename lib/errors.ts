// Errors the application means to show: each carries a typed code (`not_found:room`,
// `forbidden:message`, `rate_limited:sign_in` …), an HTTP status and a message safe for users.
// Route handlers turn them into JSON in one place (errorResponse); anything else is a 500 whose
// details stay in the server log.
import { NextResponse } from "next/server";
import type { ZodError, ZodType } from "zod";
import { isDatabaseUnavailable } from "./db/unavailable";
import { log } from "./log";
import { DATABASE_UNAVAILABLE_CODE, DATABASE_UNAVAILABLE_MESSAGE } from "./outage";

export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly fields?: FieldErrors,
    /** Seconds a client should wait before retrying (429s, 503s). */
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

/** Seconds a client is asked to wait when the database is out of reach. */
export const DATABASE_RETRY_AFTER_SECONDS = 30;
export const databaseUnavailable = () =>
  new AppError(DATABASE_UNAVAILABLE_CODE, DATABASE_UNAVAILABLE_MESSAGE, 503, undefined, DATABASE_RETRY_AFTER_SECONDS);

/**
 * The AppError a thrown value stands for, or null for a bug: an outage (down, unreachable, timed out) is the
 * database's 503, whichever layer threw it (lib/db/unavailable.ts): no caller answers "internal" or "wrong password".
 */
export function knownError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error)) {
    // Logged, but as an outage rather than a bug: the detail says which host and why.
    log.warn({ err: error }, "database unavailable");
    return databaseUnavailable();
  }
  return null;
}

/** The first message per field of a zod error, keyed by the field's path. */
export function fieldErrorsOf(error: ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    fields[key] ??= issue.message;
  }
  return fields;
}

/** A 400 naming the first problem (with its field unless it is the body or the whole input). */
export function invalidInput(error: ZodError): AppError {
  const fields = fieldErrorsOf(error);
  const [key, message] = Object.entries(fields)[0] ?? ["form", "The request is not valid."];
  return invalid(fields, key === "body" || key === "form" ? message : `${key}: ${message}`);
}

/** `input` as `schema` reads it, or the 400 of invalidInput. */
export function parseInput<T>(schema: ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}

/** An answer as data: for route handlers (NextResponse.json) and for routes served outside Next (lib/server). */
export interface JsonReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** The JSON error answer of every route: an AppError as it is, a database outage a 503, anything else a logged 500. */
export function errorReply(thrown: unknown): JsonReply {
  const error = knownError(thrown);
  if (error) {
    return {
      status: error.status,
      body: { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } },
      headers: error.retryAfter ? { "Retry-After": String(error.retryAfter) } : undefined,
    };
  }
  log.error({ err: thrown }, "request failed");
  return { status: 500, body: { error: { code: "internal", message: "Something went wrong on our side." } } };
}

/** The JSON error response of every route handler. */
export function errorResponse(error: unknown): NextResponse {
  const { body, status, headers } = errorReply(error);
  return NextResponse.json(body, { status, headers });
}
