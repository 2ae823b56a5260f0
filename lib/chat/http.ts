// Request helpers for the chat route handlers: JSON bodies (only as application/json, which a
// cross-site form cannot send) and the sender's socket id (X-Socket-Id header or body).
import { AppError } from "../errors";
import { readBodyCapped } from "../http/body";
import { BODY_TOO_LARGE_MESSAGE } from "../http/body-limits";

export const MAX_BODY_BYTES = 64 * 1024;

export const bodyTooLarge = () => new AppError("invalid:too_large", BODY_TOO_LARGE_MESSAGE, 413);

/** The body as text, at most MAX_BODY_BYTES of it (413 while it arrives). */
export async function readText(request: Request): Promise<string> {
  return Buffer.from(await readBodyCapped(request, MAX_BODY_BYTES, bodyTooLarge)).toString("utf8");
}

/** The parsed JSON body; `undefined` for an empty body when `optional`. 400/413/415 otherwise. */
export async function readJsonBody(request: Request, options: { optional?: boolean } = {}): Promise<unknown> {
  return parseJsonBody(await readText(request), request.headers.get("content-type"), options);
}

/** A request body already read (and capped: readText, or the direct route's reader), parsed as readJsonBody does. */
export function parseJsonBody(
  text: string,
  contentType: string | null | undefined,
  { optional = false }: { optional?: boolean } = {},
): unknown {
  if (text.trim() === "" && optional) return undefined;
  const type = contentType?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    throw new AppError("invalid:content_type", "Send the request body as JSON (Content-Type: application/json).", 415);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("invalid:json", "The request body is not valid JSON.", 400);
  }
}

/** The socket to leave out of the fan-out: the X-Socket-Id header, else `socketId` in the body. */
export function socketIdFrom(request: Request, body: unknown): unknown {
  return socketIdOf(request.headers.get("x-socket-id"), body);
}

/** socketIdFrom for a header already read. */
export function socketIdOf(header: string | null | undefined, body: unknown): unknown {
  if (header) return header;
  return typeof body === "object" && body !== null && "socketId" in body
    ? (body as { socketId: unknown }).socketId
    : undefined;
}

/** Form-encoded (as pusher-js posts) or JSON, as a plain object of strings. */
export async function readFormOrJson(request: Request): Promise<unknown> {
  const text = await readText(request);
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type === "application/json") {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new AppError("invalid:json", "The request body is not valid JSON.", 400);
    }
  }
  return Object.fromEntries(new URLSearchParams(text));
}
