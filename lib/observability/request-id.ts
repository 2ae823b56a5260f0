// Request ids: the `X-Request-Id` a client or proxy sent (when it is a sane token) or a fresh one.
// No Node-only imports: proxy.ts uses this module too.
export const REQUEST_ID_HEADER = "x-request-id";

/** Longer ids are replaced, not cut: a cut id would no longer match the caller's own logs. */
export const MAX_REQUEST_ID_LENGTH = 128;

// Letters, digits and the punctuation of common id formats (UUIDs, ULIDs, AWS trace ids): no
// spaces, quotes or control characters, so an id can never forge or split a log line.
const SAFE_ID = /^[A-Za-z0-9._:;=+/-]+$/;

/** `raw` when it is usable as a request id, else undefined. */
export function sanitizeRequestId(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  const id = raw.trim();
  if (id.length === 0 || id.length > MAX_REQUEST_ID_LENGTH || !SAFE_ID.test(id)) return undefined;
  return id;
}

/** The id for a request that arrived with `incoming` in its X-Request-Id header (or none). */
export function requestIdFor(incoming: string | null | undefined): string {
  return sanitizeRequestId(incoming) ?? crypto.randomUUID();
}
