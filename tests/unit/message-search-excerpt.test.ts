// Message search's text helpers: the excerpt cut around the first match (whole code points, "…" where cut) and the
// highlighting of whole words that start with a searched stem, which treats the terms as text, never as patterns.
import { describe, expect, it } from "vitest";
import { splitWordMatches } from "@/components/highlight";
import { excerptAround, wordStartPattern } from "@/lib/messages/excerpt";

describe("excerptAround", () => {
  it("keeps a short message whole, as one plain line", () => {
    expect(excerptAround("**Bold** plan\n\nfor `today`", ["plan"])).toBe("Bold plan for today");
  });

  it("cuts a long message around its first match, on a word boundary, with ellipses", () => {
    const before = "word ".repeat(100);
    const after = " tail".repeat(100);
    const excerpt = excerptAround(`${before}the walrus arrives${after}`, ["walrus"], 80, 20);
    expect(excerpt.startsWith("…word")).toBe(true);
    expect(excerpt).toContain("the walrus arrives");
    expect(excerpt.endsWith("…")).toBe(true);
    expect(Array.from(excerpt).length).toBeLessThanOrEqual(82);
  });

  it("starts at the beginning when nothing matches, and never halves an emoji", () => {
    const excerpt = excerptAround("😀".repeat(300), ["none"], 10);
    expect(excerpt).toBe(`${"😀".repeat(10)}…`);
  });
});

describe("splitWordMatches", () => {
  it("marks whole words starting with a stem, in any case", () => {
    expect(splitWordMatches("Running runs; the rerun ran", ["run"])).toEqual([
      { text: "Running", match: true },
      { text: " ", match: false },
      { text: "runs", match: true },
      { text: "; the rerun ran", match: false },
    ]);
  });

  it("treats terms as text: regex characters and markup stay literal", () => {
    expect(wordStartPattern(["a.b", "(x"])?.test("aXb")).toBe(false);
    expect(splitWordMatches("<b>tag</b>", ["tag"])).toEqual([
      { text: "<b>", match: false },
      { text: "tag", match: true },
      { text: "</b>", match: false },
    ]);
    expect(splitWordMatches("plain", [])).toEqual([{ text: "plain", match: false }]);
  });
});
