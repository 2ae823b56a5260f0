// Search-term highlighting for the room feed and the topics page (every case-insensitive occurrence of the query)
// and message search (whole words starting with one of the searched stems), in <mark>. Text stays text (React escapes
// it), so no query or content can inject markup, and regex characters in the query are matched literally.
import { Fragment } from "react";
import { wordStartPattern } from "@/lib/messages/excerpt";

export interface HighlightProps {
  text: string;
  /** What the reader searched for; empty or missing shows the text as it is. */
  query?: string;
  /** Instead of `query`: stems from a full-text search, marking each whole word that starts with one. */
  terms?: readonly string[];
}

export interface TextPart {
  text: string;
  match: boolean;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The pieces of `text`, with `match` set on each occurrence of `query` (any case). */
export function splitMatches(text: string, query: string | undefined): TextPart[] {
  const needle = query?.trim() ?? "";
  if (!needle || !text) return text ? [{ text, match: false }] : [];
  // "iu": case-insensitive over all of Unicode ("É" finds "é"), matching how PostgreSQL's
  // ILIKE compares; a capturing split keeps the matched pieces at the odd indexes.
  const pieces = text.split(new RegExp(`(${escapeRegExp(needle)})`, "iu"));
  return pieces.map((piece, i) => ({ text: piece, match: i % 2 === 1 })).filter((part) => part.text !== "");
}

/** The pieces of `text`, with `match` set on each whole word starting with one of `terms` (any case). */
export function splitWordMatches(text: string, terms: readonly string[]): TextPart[] {
  const pattern = wordStartPattern(terms);
  if (!pattern || !text) return text ? [{ text, match: false }] : [];
  const parts: TextPart[] = [];
  let last = 0;
  for (const found of text.matchAll(pattern)) {
    if (found.index > last) parts.push({ text: text.slice(last, found.index), match: false });
    parts.push({ text: found[0], match: true });
    last = found.index + found[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}

/**
 * When the first match sits past `lead` characters, start a little before it (on a word boundary, after "…"),
 * so a clamped preview still shows why the room matched.
 */
export function snippetAround(text: string, query: string | undefined, lead = 90): string {
  const needle = query?.trim() ?? "";
  if (!needle) return text;
  const at = text.search(new RegExp(escapeRegExp(needle), "iu"));
  if (at <= lead) return text;
  const from = text.lastIndexOf(" ", at - 30);
  const start = from > 0 ? from + 1 : at - 30;
  return `…${text.slice(start)}`;
}

export function Highlight({ text, query, terms }: HighlightProps) {
  const parts = terms ? splitWordMatches(text, terms) : splitMatches(text, query);
  return (
    <>
      {parts.map((part, i) =>
        part.match ? (
          <mark
            key={i}
            data-testid="highlight"
            className="rounded-[3px] bg-amber-200/80 box-decoration-clone text-inherit dark:bg-amber-300/25 dark:text-amber-50"
          >
            {part.text}
          </mark>
        ) : (
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}
