// lib/validation/text.ts: the one check every string from outside passes (NUL bytes and lone
// surrogates refused with one message), the helpers that echo or shorten text without producing
// them, and a scan that fails on a bare z.string() anywhere text comes in.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cutText, isStorableText, queryParam, storableText, text, UNSTORABLE_TEXT } from "@/lib/validation/text";

describe("text()", () => {
  it.each([["\u0000"], ["a\u0000b"], ["\ud800"], ["x\udbff"], ["\udc00x"], ["a\udfffb"], ["😀".slice(0, 1)]])(
    "refuses %j with its own message, before the schema's other checks",
    (value) => {
      const result = text().trim().min(10, "too short").safeParse(value);
      expect(result.error?.issues.map((issue) => issue.message)).toEqual([UNSTORABLE_TEXT]);
    },
  );

  it("accepts any well-formed text, emoji and other astral characters included", () => {
    for (const value of ["", "plain", "😀 smile", "𝒳", "日本語", "tab\tand\nnewline"])
      expect(text().safeParse(value).success).toBe(true);
  });

  it("keeps zod's own message for a non-string", () => {
    expect(text({ message: "Enter a name." }).safeParse(42).error?.issues[0]?.message).toBe("Enter a name.");
  });

  it("makes a query parameter with unstorable text a failure (each page says how it answers)", () => {
    expect(queryParam.safeParse(["\u0000", "a"]).success).toBe(false);
    expect(queryParam.safeParse(["a", "\u0000"]).data).toBe("a");
  });
});

describe("storableText and cutText", () => {
  it("replaces what cannot be stored and keeps the rest", () => {
    expect(storableText("a\u0000b\ud800c😀")).toBe("a\uFFFDb\uFFFDc😀");
    expect(isStorableText(storableText("\udc00\ud800"))).toBe(true);
  });

  it("never cuts a character in half", () => {
    expect(cutText("ab😀", 3)).toBe("ab");
    expect(cutText("ab😀", 4)).toBe("ab😀");
    expect(cutText("abc", 2)).toBe("ab");
  });
});

const ROOT = path.resolve(import.meta.dirname, "../..");

// Strings that never come from a request: configuration, our own cookie and realtime payloads, and
// the browser's reading of our own API.
const NOT_INPUT = [
  "lib/validation/text.ts",
  "lib/env.ts",
  "lib/flash.ts",
  "lib/chat/message-payload.ts",
  "lib/chat/client/chat-api.ts",
  "lib/chat/client/reports.ts",
  "lib/study/board-client.ts",
  "lib/presence/members.ts",
  "lib/presence/typing.ts",
  "lib/realtime/channels.ts",
  "lib/realtime/presence.ts",
  "lib/realtime/event-schemas.ts",
];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

describe("every string schema at a boundary is built from text()", () => {
  it("finds no bare z.string() in app/ or lib/ outside the files that read no request", () => {
    const files = [...walk(path.join(ROOT, "app")), ...walk(path.join(ROOT, "lib"))]
      .filter((file) => /\.(ts|tsx)$/.test(file))
      .map((file) => path.relative(ROOT, file));
    expect(files.length).toBeGreaterThan(100);
    const bare = files.filter(
      (file) => !NOT_INPUT.includes(file) && /\bz\s*\.string\(/.test(readFileSync(path.join(ROOT, file), "utf8")),
    );
    expect(bare, "use text() from lib/validation/text.ts").toEqual([]);
  });
});
