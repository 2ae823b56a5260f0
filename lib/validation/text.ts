// Text from outside, checked once for all: every string any boundary accepts (forms, JSON bodies,
// query strings, route params) is built from `text()`, which refuses what PostgreSQL cannot store
// (a NUL byte) or UTF-8 cannot encode (a lone UTF-16 surrogate) with a 400 and a message, before
// it reaches a query; cutText shortens text without leaving half a character behind.
// tests/unit/text-validation.test.ts fails on a bare z.string() at a boundary.
import { z } from "zod";

export const UNSTORABLE_TEXT =
  "This contains characters we can't store (a NUL byte or a broken character). Remove them.";

// A NUL, a high surrogate not followed by a low one, or a low one not preceded by a high one.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}

/** For echoing refused input back (a search box, a "no topic …" line): the bad characters as U+FFFD. */
export function storableText(value: string): string {
  return value.replace(new RegExp(UNSTORABLE.source, "g"), "\uFFFD");
}

/** The first `max` UTF-16 units of `value`, never ending on half of a character (Prisma refuses a lone surrogate). */
export function cutText(value: string, max: number): string {
  const cut = value.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** z.string() that refuses unstorable characters first (aborting, so its own message is the one shown). */
export function text(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine(isStorableText, { message: UNSTORABLE_TEXT, abort: true });
}

/**
 * One value of a query-string parameter (arrays take the first), or undefined; unstorable text
 * fails, and each page decides what a failure shows (an error message or the default view).
 */
export const queryParam = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), text().optional());

/** A query parameter that falls back to undefined when unstorable (lists that ignore malformed values). */
export const lenientQueryParam = z.preprocess((v) => {
  const first: unknown = Array.isArray(v) ? v[0] : v;
  return typeof first === "string" && !isStorableText(first) ? undefined : first;
}, text().optional());

/** A query string as the schemas expect it: repeated keys become arrays (queryParam takes the first). */
export function searchParamsRecord(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length === 1 ? (values[0] ?? "") : values;
  }
  return out;
}
