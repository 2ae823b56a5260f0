// The reaction catalogue: the committed file is what scripts/emoji-catalog.ts writes today, the quick set is in it,
// and the server's check takes an emoji with or without its variation selector and nothing else.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogEmoji } from "@/lib/reactions/allowed-emoji";
import { QUICK_REACTIONS } from "@/lib/reactions/reaction-rules";
import { buildEmojiCatalog } from "../../scripts/emoji-catalog-build";

describe("the emoji catalogue", () => {
  it("is the script's output (run `npx tsx scripts/emoji-catalog.ts` after changing it)", () => {
    const file = readFileSync(path.resolve(import.meta.dirname, "../../lib/reactions/emoji-catalog.json"), "utf8");
    expect(JSON.parse(file)).toEqual(buildEmojiCatalog());
  });

  it("holds every quick reaction as written, and no skin-tone swatch or letter", () => {
    for (const emoji of QUICK_REACTIONS) expect(catalogEmoji(emoji)).toBe(emoji);
    expect(catalogEmoji("🏽")).toBeNull();
    expect(catalogEmoji("🇦")).toBeNull();
  });

  it("matches with or without the variation selector and refuses text, several emoji and lookalikes", () => {
    expect(catalogEmoji("👍")).toBe("👍️");
    expect(catalogEmoji("❤")).toBe("❤️");
    expect(catalogEmoji("🇫🇷")).toBe("🇫🇷");
    for (const bad of ["", "a", ":+1:", "👍👍", "👍 ", "<b>", "🫩", "❤️".repeat(20)])
      expect(catalogEmoji(bad)).toBeNull();
  });
});
