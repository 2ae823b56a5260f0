// The `@name` being typed at the caret, for the composer's mention suggestions. Tiny and browser-safe: it runs on
// every keystroke in the room page's first-load bundle. The rule before `@` matches how messages render mentions
// (lib/messages/markdown.ts): not after a word character, `@`, `/` or `.` (so never inside an email like a@b.c).

/** The longest username (lib/validation/account.ts USERNAME_PATTERN). */
export const MENTION_QUERY_MAX = 30;

const NAME_CHAR = /[A-Za-z0-9_]/;
const NOT_BEFORE_AT = /[\w@/.]/;

export interface MentionToken {
  /** Index of the `@`. */
  start: number;
  /** Index after the token's last name character (it may run on past the caret). */
  end: number;
  /** The name characters between `@` and the caret, lower-cased: what to suggest for. */
  query: string;
}

/** The mention token the caret is in or right after, or null. */
export function mentionTokenAt(text: string, caret: number): MentionToken | null {
  if (caret < 1 || caret > text.length) return null;
  let at = caret;
  while (at > 0 && NAME_CHAR.test(text.charAt(at - 1))) at--;
  if (at < 1 || text.charAt(at - 1) !== "@") return null;
  const start = at - 1;
  if (start > 0 && NOT_BEFORE_AT.test(text.charAt(start - 1))) return null;
  let end = caret;
  while (end < text.length && NAME_CHAR.test(text.charAt(end))) end++;
  if (end - at > MENTION_QUERY_MAX) return null;
  return { start, end, query: text.slice(at, caret).toLowerCase() };
}

/** The text with the token replaced by `@username ` (one space, reusing one that follows), and the caret after it. */
export function insertMention(text: string, token: MentionToken, username: string): { text: string; caret: number } {
  const inserted = `@${username} `;
  const rest = text.slice(token.end);
  const after = rest.startsWith(" ") ? rest.slice(1) : rest;
  return { text: text.slice(0, token.start) + inserted + after, caret: token.start + inserted.length };
}
