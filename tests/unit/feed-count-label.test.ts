// The feed's "N rooms" line, including a search's capped count ("1,000+ rooms").
import { describe, expect, it } from "vitest";
import { countLabel } from "@/app/(main)/_components/feed-url";

describe("countLabel", () => {
  it("counts rooms, singular for one, with the search and the topic", () => {
    expect(countLabel({ total: 0, capped: false }, { q: "" })).toBe("0 rooms");
    expect(countLabel({ total: 1, capped: false }, { q: "epsilon" }, "Calculus")).toBe(
      "1 room matching “epsilon” in Calculus",
    );
    expect(countLabel({ total: 1234, capped: false }, { q: "" }, "Rust")).toBe("1,234 rooms in Rust");
  });

  it("says a capped search count is a lower bound", () => {
    expect(countLabel({ total: 1000, capped: true }, { q: "the" })).toBe("1,000+ rooms matching “the”");
  });
});
