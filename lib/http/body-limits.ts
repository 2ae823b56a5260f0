// The largest request body the server reads at all: an avatar (2 MB) with its multipart framing. scripts/serve.ts
// refuses a larger announced Content-Length before reading, and Next stops buffering a body past it
// (next.config.ts); each route then caps its own, lower (lib/http/body.ts). No imports: next.config.ts reads it.
export const MAX_REQUEST_BODY_BYTES = 2 * 1024 * 1024 + 64 * 1024;

export const BODY_TOO_LARGE_MESSAGE = "The request body is too large.";
