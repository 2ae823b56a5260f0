// Link previews and sitemaps, the parts without a database: how sitemap URLs split into files,
// which characters preview images keep (checked against the font next/og ships), the metadata shapes.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { notFoundMetadata, previewDescription, previewMetadata, PREVIEW_DESCRIPTION_MAX } from "@/lib/site/metadata";
import { cutAtWord, PREVIEW_FONT_RANGES, previewText } from "@/lib/site/preview-text";
import { sitemapFileCount, sitemapFileRanges } from "@/lib/site/sitemap-plan";

/** The code points a TrueType font maps (its cmap table: formats 4 and 12). */
function cmapCodePoints(font: Buffer): Set<number> {
  const tables = new Map<string, number>();
  for (let i = 0; i < font.readUInt16BE(4); i++)
    tables.set(font.toString("latin1", 12 + 16 * i, 16 + 16 * i), font.readUInt32BE(20 + 16 * i));
  const cmap = tables.get("cmap");
  if (cmap === undefined) throw new Error("no cmap table");
  const points = new Set<number>();
  for (let i = 0; i < font.readUInt16BE(cmap + 2); i++) {
    const table = cmap + font.readUInt32BE(cmap + 8 + 8 * i);
    const format = font.readUInt16BE(table);
    if (format === 4) {
      const segments = font.readUInt16BE(table + 6) / 2;
      const ends = table + 14;
      const starts = ends + 2 * segments + 2;
      const deltas = starts + 2 * segments;
      const offsets = deltas + 2 * segments;
      for (let s = 0; s < segments; s++) {
        const start = font.readUInt16BE(starts + 2 * s);
        const end = font.readUInt16BE(ends + 2 * s);
        const delta = font.readInt16BE(deltas + 2 * s);
        const rangeOffset = font.readUInt16BE(offsets + 2 * s);
        for (let c = start; c <= end && c !== 0xffff; c++) {
          let glyph: number;
          if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
          else {
            glyph = font.readUInt16BE(offsets + 2 * s + rangeOffset + 2 * (c - start));
            if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
          }
          if (glyph !== 0) points.add(c);
        }
      }
    } else if (format === 12) {
      for (let g = 0; g < font.readUInt32BE(table + 12); g++) {
        const group = table + 16 + 12 * g;
        for (let c = font.readUInt32BE(group); c <= font.readUInt32BE(group + 4); c++) points.add(c);
      }
    }
  }
  return points;
}

describe("preview image text", () => {
  it("lists exactly the characters of the font next/og ships", () => {
    const require = createRequire(import.meta.url);
    const og = path.dirname(require.resolve("next/dist/compiled/@vercel/og/package.json"));
    const font = readFileSync(path.join(og, "Geist-Regular.ttf"));
    const listed = new Set(
      PREVIEW_FONT_RANGES.flatMap(([first, last]) => Array.from({ length: last - first + 1 }, (_, i) => first + i)),
    );
    expect([...listed].sort((a, b) => a - b)).toEqual([...cmapCodePoints(font)].sort((a, b) => a - b));
  });

  it("keeps what the font draws and drops emoji and scripts it lacks (which next/og would download)", () => {
    expect(previewText("Café ☕ talk 日本語")).toBe("Café talk");
    expect(previewText("Математика — для всех")).toBe("Математика — для всех");
    // A decomposed é (e + combining acute) is composed first.
    expect(previewText("Cafe\u0301")).toBe("Café");
    expect(previewText("👩‍💻🔥")).toBe("");
    expect(previewText("  many\n\tlines  ")).toBe("many lines");
  });

  it("cuts at a word with an ellipsis", () => {
    expect(cutAtWord("short", 10)).toBe("short");
    expect(cutAtWord("the quick brown fox jumps", 16)).toBe("the quick brown…");
    expect(Array.from(previewText("x".repeat(200), 80))).toHaveLength(80);
  });
});

describe("sitemap files", () => {
  it("fill at most max URLs each, pages then topics then rooms, with nothing left out or repeated", () => {
    const counts = { pages: 2, topics: 5, rooms: 20 };
    const max = 10;
    expect(sitemapFileCount(counts, max)).toBe(3);
    const files = [0, 1, 2].map((i) => sitemapFileRanges(counts, i, max));
    expect(files[0]).toEqual({
      pages: { skip: 0, take: 2 },
      topics: { skip: 0, take: 5 },
      rooms: { skip: 0, take: 3 },
    });
    expect(files[1]).toEqual({
      pages: { skip: 2, take: 0 },
      topics: { skip: 5, take: 0 },
      rooms: { skip: 3, take: 10 },
    });
    expect(files[2]).toEqual({
      pages: { skip: 2, take: 0 },
      topics: { skip: 5, take: 0 },
      rooms: { skip: 13, take: 7 },
    });
    // Past the last file: nothing.
    const after = sitemapFileRanges(counts, 3, max);
    expect(after.pages.take + after.topics.take + after.rooms.take).toBe(0);
  });

  it("splits topics across files too, and keeps one file for an empty site", () => {
    const counts = { pages: 2, topics: 15, rooms: 1 };
    expect(sitemapFileRanges(counts, 0, 10).topics).toEqual({ skip: 0, take: 8 });
    expect(sitemapFileRanges(counts, 1, 10).topics).toEqual({ skip: 8, take: 7 });
    expect(sitemapFileRanges(counts, 1, 10).rooms).toEqual({ skip: 0, take: 1 });
    expect(sitemapFileCount({ pages: 2, topics: 0, rooms: 0 })).toBe(1);
    expect(sitemapFileCount({ pages: 2, topics: 1_000, rooms: 100_000 })).toBe(3);
  });
});

describe("preview metadata", () => {
  it("gives OpenGraph and Twitter cards with the page's URL and a bounded description", () => {
    const metadata = previewMetadata({
      title: "Rust for beginners",
      description: "word ".repeat(100),
      path: "/rooms/rust-beginners",
    });
    expect(metadata.openGraph).toMatchObject({
      type: "website",
      siteName: "Roomful",
      title: "Rust for beginners",
      url: "/rooms/rust-beginners",
    });
    expect(metadata.twitter).toMatchObject({ card: "summary_large_image", title: "Rust for beginners" });
    expect(metadata.alternates?.canonical).toBe("/rooms/rust-beginners");
    expect(String(metadata.description).length).toBeLessThanOrEqual(PREVIEW_DESCRIPTION_MAX);
    expect(previewDescription("  two\n\nlines ")).toBe("two lines");
  });

  it("describes a profile as og:type profile with its username", () => {
    const metadata = previewMetadata({
      title: "Dana (@dana)",
      description: "Bio",
      path: "/u/dana",
      profile: { username: "dana" },
    });
    expect(metadata.openGraph).toMatchObject({ type: "profile", username: "dana", url: "/u/dana" });
  });

  it("names nothing of a missing page and keeps it out of indexes", () => {
    const metadata = notFoundMetadata("Room not found");
    expect(metadata.title).toBe("Room not found");
    expect(metadata.robots).toEqual({ index: false });
    expect(metadata.openGraph).not.toHaveProperty("url");
  });
});
