import { describe, expect, it } from "vitest";
import { baseSlug, firstFreeSlug, SLUG_MAX_LENGTH } from "@/lib/rooms/slug";
import { ROOM_SLUG_MAX, ROOM_SLUG_PATTERN, roomSlugParamSchema } from "@/lib/validation/rooms";

describe("baseSlug", () => {
  it.each([
    ["Python basics", "python-basics"],
    ["  Job   hunting!! 2026 ", "job-hunting-2026"],
    ["Ça va? Café & Crème", "ca-va-cafe-and-creme"],
    ["Математика для всех", "matematika-dlya-vseh"],
    ["Ölçüm ve ğüş", "olcum-ve-gus"],
  ])("%s → %s", (name, slug) => {
    expect(baseSlug(name)).toBe(slug);
  });

  it("falls back when slugify can spell nothing (CJK, emoji)", () => {
    expect(baseSlug("数学 学习")).toBe("room");
    expect(baseSlug("🔥🔥🔥")).toBe("room");
    expect(baseSlug("数学", "topic")).toBe("topic");
  });

  it("keeps long names under the limit without cutting a word", () => {
    const slug = baseSlug(
      "An extremely long room name about the history of mathematics in the ancient world and beyond",
    );
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(slug).toBe("an-extremely-long-room-name-about-the-history-of-mathematics");
  });
});

describe("firstFreeSlug", () => {
  it("uses the base when free, then -2, -3 and the lowest gap", () => {
    expect(firstFreeSlug("python", [])).toBe("python");
    expect(firstFreeSlug("python", ["python"])).toBe("python-2");
    expect(firstFreeSlug("python", ["python", "python-2"])).toBe("python-3");
    expect(firstFreeSlug("python", ["python", "python-3"])).toBe("python-2");
  });
});

describe("ROOM_SLUG_PATTERN", () => {
  it("accepts every slug we make, suffixed ones at the longest base too", () => {
    const long = baseSlug("An extremely long room name about the history of mathematics in the ancient world");
    for (const slug of [baseSlug("Python basics"), baseSlug("数学"), firstFreeSlug(long, [long]), `${long}-9999999`])
      expect(ROOM_SLUG_PATTERN.test(slug)).toBe(true);
    expect(roomSlugParamSchema.safeParse("python-3").success).toBe(true);
  });

  it("refuses what slugify never makes, and anything longer than ROOM_SLUG_MAX", () => {
    for (const slug of [
      "",
      "-python",
      "python-",
      "py--thon",
      "Python",
      "py_thon",
      "py thon",
      "a".repeat(ROOM_SLUG_MAX + 1),
    ])
      expect(ROOM_SLUG_PATTERN.test(slug)).toBe(false);
    expect(ROOM_SLUG_PATTERN.test("a".repeat(ROOM_SLUG_MAX))).toBe(true);
  });
});
