// Messages as one-glance lines for the activity feeds (lib/messages/excerpt.ts).
import { describe, expect, it } from "vitest";
import { excerptOf, plainTextOf } from "@/lib/messages/excerpt";

describe("excerptOf", () => {
  it("shows chat markdown as plain text", () => {
    expect(plainTextOf("Use `[x * 2 for x in items]` and **read** the _docs_ at [Python](https://python.org)")).toBe(
      "Use [x * 2 for x in items] and read the docs at Python",
    );
    expect(plainTextOf("ping @hana_host about snake_case_names, 2 * 3 * 4")).toBe(
      "ping @hana_host about snake_case_names, 2 * 3 * 4",
    );
    expect(excerptOf("```python\nprint('hi')\n```")).toBe("print('hi')");
  });

  it("cuts long messages to an excerpt on whole characters", () => {
    expect(excerptOf("a  b\n\nc")).toBe("a b c");
    const long = excerptOf("😀".repeat(300), 10);
    expect(Array.from(long)).toHaveLength(10);
    expect(long.endsWith("…")).toBe(true);
  });
});
