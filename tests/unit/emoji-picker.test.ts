// The reaction picker's logic without a browser: its search (every word typed starts a word of the name or tags) and
// the arrow keys across its groups, whose last rows are part-filled.
import { describe, expect, it } from "vitest";
import { moveInGrid } from "@/components/chat/reactions/emoji-grid-nav";
import { emojiLabel, emojiSections, GROUP_SECTIONS, searchEmoji } from "@/components/chat/reactions/emoji-search";

const found = (query: string) => searchEmoji(query).map(([emoji]) => emoji);

describe("emoji search", () => {
  it("matches every typed word as the start of a word of the label or tags, in any case", () => {
    expect(found("thumbs up")).toContain("👍️");
    expect(found("THU U")).toContain("👍️");
    expect(found("+1")).toContain("👍️");
    expect(found("tada")).toEqual(["🎉"]);
    expect(found("humbs")).not.toContain("👍️");
    expect(found("flag: france")).toContain("🇫🇷");
    expect(found("pinata")).toContain("🪅");
    expect(found("xyzzy")).toEqual([]);
  });

  it("puts what is named so before what is only tagged with the word", () => {
    expect(found("rocket")[0]).toBe("🚀");
    expect(found("rocket")).toContain("🧑‍🚀");
    expect(found("red heart")[0]).toBe("❤️");
  });

  it("shows every group while the search is empty, one section of matches otherwise", () => {
    expect(emojiSections("  ")).toBe(GROUP_SECTIONS);
    expect(GROUP_SECTIONS.reduce((sum, section) => sum + section.emoji.length, 0)).toBeGreaterThan(1800);
    expect(emojiSections("heart")[0]?.emoji.length).toBeGreaterThan(5);
    expect(emojiSections("xyzzy")).toEqual([]);
  });

  it("names emoji with or without the variation selector", () => {
    expect(emojiLabel("👍")).toBe("thumbs up");
    expect(emojiLabel("👍️")).toBe("thumbs up");
  });
});

describe("grid keys", () => {
  // Two groups of 10 and 3 options, 4 to a row: rows 0–3, 4–7, 8–9 | 10–12.
  const sizes = [10, 0, 3];
  const move = (index: number, key: string) => moveInGrid(sizes, index, key, 4);

  it("moves by one sideways, across groups, and stops at the ends", () => {
    expect(move(9, "ArrowRight")).toBe(10);
    expect(move(10, "ArrowLeft")).toBe(9);
    expect(move(0, "ArrowLeft")).toBeNull();
    expect(move(12, "ArrowRight")).toBeNull();
    expect(move(5, "Home")).toBe(0);
    expect(move(5, "End")).toBe(12);
  });

  it("moves by a row within a group, to the end of a part-filled last row, and into the next group", () => {
    expect(move(1, "ArrowDown")).toBe(5);
    expect(move(7, "ArrowDown")).toBe(9);
    expect(move(9, "ArrowDown")).toBe(11);
    expect(move(8, "ArrowDown")).toBe(10);
    expect(move(12, "ArrowDown")).toBeNull();
  });

  it("moves up a row, into the previous group's last row, and from the first row back to the search", () => {
    expect(move(6, "ArrowUp")).toBe(2);
    expect(move(11, "ArrowUp")).toBe(9);
    expect(move(12, "ArrowUp")).toBe(9);
    expect(move(10, "ArrowUp")).toBe(8);
    expect(move(3, "ArrowUp")).toBe("search");
    expect(moveInGrid([], 0, "ArrowDown", 4)).toBeNull();
  });
});
