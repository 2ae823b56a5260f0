// The picker's catalogue, as sections, and its search. Imports the ~120 KB catalogue, so only the lazily loaded picker
// may import this file (never the reaction bar, which is in the room page's first load).
import catalogJson from "@/lib/reactions/emoji-catalog.json";
import type { CatalogEmoji, EmojiCatalog } from "@/lib/reactions/catalog-shape";
import { emojiKey } from "@/lib/reactions/reaction-rules";

// JSON imports type their arrays loosely; scripts/emoji-catalog.ts writes this shape (its test checks the file).
const catalog = catalogJson as unknown as EmojiCatalog;

export interface EmojiSection {
  title: string;
  emoji: readonly CatalogEmoji[];
}

/** The whole catalogue by group, in the catalogue's order. */
export const GROUP_SECTIONS: readonly EmojiSection[] = catalog.groups.map((title, group) => ({
  title,
  emoji: catalog.emoji.filter((entry) => entry[3] === group),
}));

const labels = new Map(catalog.emoji.map(([emoji, label]) => [emojiKey(emoji), label]));

/** An emoji's English name ("thumbs up"), with or without its variation selector; the emoji itself if unknown. */
export const emojiLabel = (emoji: string): string => labels.get(emojiKey(emoji)) ?? emoji;

/** Lower-case words without accents or apostrophes: "Piñata", "o’clock" and "flag: France" as typed on any keyboard. */
export const searchWords = (text: string): string[] =>
  text
    .normalize("NFD")
    .replace(/\p{M}|[’']/gu, "")
    .toLowerCase()
    .split(/[\s:,;()“”".!?–-]+/u)
    .filter(Boolean);

let index: Array<{ label: string[]; all: string[] }> | undefined;

// How well an emoji's words answer the query: its name is the query (0), its name holds every word (1), its search
// words do (2), or not at all (null). "rocket" puts 🚀 before the astronauts tagged with it.
function rank(entry: { label: string[]; all: string[] }, wanted: string[]): number | null {
  const matches = (words: string[]) => wanted.every((part) => words.some((word) => word.startsWith(part)));
  if (!matches(entry.all)) return null;
  if (entry.label.join(" ") === wanted.join(" ")) return 0;
  return matches(entry.label) ? 1 : 2;
}

/** Every word typed must start a word of the emoji's name or search words ("thu up" finds 👍️); best named first. */
export function searchEmoji(query: string): CatalogEmoji[] {
  const wanted = searchWords(query);
  if (wanted.length === 0) return [];
  index ??= catalog.emoji.map(([, label, tags]) => ({
    label: searchWords(label),
    all: searchWords(`${label} ${tags}`),
  }));
  const found: Array<{ entry: CatalogEmoji; rank: number; order: number }> = [];
  catalog.emoji.forEach((entry, order) => {
    const score = rank(index![order]!, wanted);
    if (score !== null) found.push({ entry, rank: score, order });
  });
  return found.sort((a, b) => a.rank - b.rank || a.order - b.order).map((hit) => hit.entry);
}

/** What the grid shows: every group while the search is empty, else one section of matches (none: no section). */
export function emojiSections(query: string): readonly EmojiSection[] {
  if (searchWords(query).length === 0) return GROUP_SECTIONS;
  const found = searchEmoji(query);
  return found.length > 0 ? [{ title: "Search results", emoji: found }] : [];
}
