// A message as a one-glance line for lists (the activity feeds): chat's markdown markers dropped,
// whitespace folded, cut at a whole character with an ellipsis.

/** Longest excerpt of a message sent to a list; the rest is in the room. */
export const ACTIVITY_EXCERPT_CHARS = 280;

/**
 * A message as plain text for a one-glance list: the markers of chat's markdown subset (code
 * fences, `code`, **bold**, _italic_, [links](url)) are dropped, their text kept.
 */
export function plainTextOf(body: string): string {
  return body
    .replace(/^\s*```[^\n]*$/gm, "")
    .replace(/`([^`\n]+)`/g, "$1")
    .replace(/\[([^\]\n]+)\]\([^)\s]+\)/g, "$1")
    .replace(/(\*\*|__)(?=\S)([^\n]*?\S)\1/g, "$2")
    .replace(/(^|[^\w*])([*_])(?=\S)([^\n*_]*?\S)\2(?![\w*])/g, "$1$3");
}

export function excerptOf(body: string, max = ACTIVITY_EXCERPT_CHARS): string {
  const text = plainTextOf(body).replace(/\s+/g, " ").trim();
  const chars = Array.from(text); // whole code points: never half an emoji
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Whole words starting with any of `terms` (a search's stems: "run" marks "running" and "runs"), longest term first;
 * null without terms. Shared by the excerpt below and the highlighting of components/highlight.tsx.
 */
export function wordStartPattern(terms: readonly string[]): RegExp | null {
  const alternatives = [...new Set(terms.map((t) => t.trim()).filter(Boolean))]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp);
  if (alternatives.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})[\\p{L}\\p{N}]*`, "giu");
}

/**
 * A search result's excerpt: the message as one plain line, cut to `max` characters around its first matching word
 * (a little context before it, on a word boundary), with "…" where text was cut.
 */
export function excerptAround(body: string, terms: readonly string[], max = 200, lead = 60): string {
  const text = plainTextOf(body).replace(/\s+/g, " ").trim();
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const at = wordStartPattern(terms)?.exec(text)?.index ?? 0;
  // Offsets in code points, so a cut never halves an emoji.
  const atChar = Array.from(text.slice(0, at)).length;
  let start = Math.max(0, Math.min(atChar - lead, chars.length - max));
  if (start > 0) {
    const space = chars.indexOf(" ", start);
    if (space !== -1 && space < atChar) start = space + 1;
  }
  const end = Math.min(chars.length, start + max);
  return `${start > 0 ? "…" : ""}${chars.slice(start, end).join("").trim()}${end < chars.length ? "…" : ""}`;
}
