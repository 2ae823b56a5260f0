// The malformed input tests/integration/input-fuzz.test.ts throws at every route handler, server
// action and page query string: text PostgreSQL cannot store, huge values, wrong types, broken
// JSON and query strings. Kept apart so other tests can reuse it.

/** Strings that must be refused (or ignored) wherever text comes in, never stored or a 500. */
export const BAD_TEXT = [
  "a\u0000b",
  "\ud800", // a lone high surrogate
  "x\udc00", // a lone low surrogate
] as const;

/** Too long for any field: tried in every field at once. */
export const HUGE_TEXT = "x".repeat(100_000);

/** Values of the wrong type or range for a field that wants a string or a small number. */
export const WRONG_VALUES: unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  1e309, // Infinity once parsed
  2_147_483_648, // past a PostgreSQL integer
  Number.MAX_SAFE_INTEGER + 2,
  ["a", "b"],
  [],
  {},
  { toString: "x" },
  "",
  " ",
  "-1",
  "99999999999999999999",
  "NaN",
];

/** Whole request bodies that are not what any handler expects. */
export const BAD_BODIES: { type: string | null; body: string }[] = [
  { type: "application/json", body: "" },
  { type: "application/json", body: "{" },
  { type: "application/json", body: "null" },
  { type: "application/json", body: "[]" },
  { type: "application/json", body: "1e999" },
  { type: "application/json", body: '"\\u0000"' },
  { type: "application/json", body: `{"a":${"[".repeat(5000)}${"]".repeat(5000)}}` },
  { type: "application/json", body: `{"body":"${"x".repeat(200_000)}"}` },
  { type: "application/json", body: "\uFEFF{}" },
  { type: "text/plain", body: "hello" },
  { type: "application/x-www-form-urlencoded", body: "a=%00&b=%ED%A0%80&c=%&d" },
  { type: "multipart/form-data; boundary=x", body: "--x\r\nbroken" },
  { type: null, body: "\u0000\u0001\u0002" },
];

/** Raw query-string values (already percent-encoded as a client would send them). */
export const BAD_QUERY_VALUES = [
  "%00",
  "a%00b",
  "%ED%A0%80", // a surrogate encoded as UTF-8 (CESU): not valid UTF-8
  "%F0%9F", // a cut multi-byte character
  "%",
  "%zz",
  "x".repeat(10_000),
  "-1",
  "1e309",
  "99999999999999999999",
  "1.5",
  "%5B%5D",
  "null",
];

/** A JSON body with `value` under `key` (JSON.stringify keeps a lone surrogate as its \u escape). */
export function jsonWith(base: Record<string, unknown>, key: string, value: unknown): string {
  return JSON.stringify({ ...base, [key]: value });
}

/** A value as a form would post it: strings as they are, anything else as its JSON (or "undefined"). */
function asFormValue(value: unknown): string {
  return typeof value === "string" ? value : (JSON.stringify(value) ?? "undefined");
}

/** A FormData of string fields. */
export function formDataOf(fields: Record<string, unknown>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, asFormValue(value));
  return data;
}

/** Short, printable description of a value for failure messages. */
export function describeValue(value: unknown): string {
  const text = typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}…(${text.length})` : text;
}
