// Which emoji a reaction may use: the catalogue's (lib/reactions/emoji-catalog.json). Server-side, to keep the
// catalogue out of the room page's first load; the picker loads it on demand.
import "server-only";
import catalog from "./emoji-catalog.json";
import type { EmojiCatalog } from "./catalog-shape";
import { emojiKey } from "./reaction-rules";

const byKey = new Map((catalog as EmojiCatalog).emoji.map(([emoji]) => [emojiKey(emoji), emoji]));

/** The catalogue's spelling of `input` (with or without variation selectors), or null when it is not in it. */
export function catalogEmoji(input: string): string | null {
  return input.length > 32 ? null : (byKey.get(emojiKey(input)) ?? null);
}
