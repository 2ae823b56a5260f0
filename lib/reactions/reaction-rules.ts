// The numbers and the quick set of reactions, shared by the server and the browser (no imports: the room page's
// bundle carries this file, the catalogue loads only with the picker).

/** Most kinds of reaction one message holds (Discord's number); adding a kind it already holds stays possible. */
export const REACTION_KINDS_LIMIT = 20;

/** Names a reaction carries for its tooltip ("Ada, Grace and 3 others"): the earliest to react. */
export const REACTOR_NAMES = 10;

/** Offered first, one click each; every one is in lib/reactions/emoji-catalog.json. */
export const QUICK_REACTIONS = ["👍️", "❤️", "😂", "🎉", "😮", "🙏"] as const;

/** Variation selector 16 ("draw as emoji"): matched with or without it, stored as the catalogue writes it. */
const VS16 = /\uFE0F/g;

export const emojiKey = (emoji: string): string => emoji.replace(VS16, "");
