// The shape of lib/reactions/emoji-catalog.json (written by scripts/emoji-catalog.ts). Browser-safe, no imports.

/** One emoji: the characters, its English name, search words (space-separated), and its group's index. */
export type CatalogEmoji = [emoji: string, label: string, tags: string, group: number];

export interface EmojiCatalog {
  /** Group names in the picker's order ("smileys & emotion", "people & body", …). */
  groups: string[];
  /** In Unicode's order, which the picker keeps. */
  emoji: CatalogEmoji[];
}
