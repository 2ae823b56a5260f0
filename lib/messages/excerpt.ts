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
