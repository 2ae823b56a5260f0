// The emoji catalogue as data (scripts/emoji-catalog.ts writes it): emojibase's English data without the components
// (skin tones, hair) and regional-indicator letters, and without emoji newer than most phones and desktops draw.
import data from "emojibase-data/en/data.json" with { type: "json" };
import messages from "emojibase-data/en/messages.json" with { type: "json" };
import type { EmojiCatalog } from "../lib/reactions/catalog-shape";

/** Emoji from Unicode versions after this one show as boxes on many devices still in use. */
const NEWEST_VERSION = 15;
const COMPONENT_GROUP = 2;

export function buildEmojiCatalog(): EmojiCatalog {
  const kept = data
    .filter((entry) => entry.group !== undefined && entry.group !== COMPONENT_GROUP && entry.version <= NEWEST_VERSION)
    .sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  const groups = messages.groups.filter((group) => group.order !== COMPONENT_GROUP);
  const groupIndex = new Map(groups.map((group, index) => [group.order, index]));
  return {
    groups: groups.map((group) => group.message),
    emoji: kept.map((entry) => [entry.emoji, entry.label, (entry.tags ?? []).join(" "), groupIndex.get(entry.group!)!]),
  };
}
