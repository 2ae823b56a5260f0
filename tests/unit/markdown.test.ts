import { describe, expect, it } from "vitest";
import { MENTIONS_MAX, mentionedUsernames, renderMessageHtml } from "@/lib/messages/markdown";

describe("renderMessageHtml", () => {
  it("renders the subset: bold, italic, inline code and code blocks", () => {
    expect(renderMessageHtml("**bold** and *italic* and `x = 1`")).toBe(
      "<p><strong>bold</strong> and <em>italic</em> and <code>x = 1</code></p>",
    );
    expect(renderMessageHtml("```py\nprint('hi')\n```")).toBe(
      "<pre><code class=\"language-py\">print('hi')\n</code></pre>",
    );
    expect(renderMessageHtml("line one\nline two")).toBe("<p>line one<br />\nline two</p>");
  });

  it("links with rel=noopener nofollow ugc, including auto-linked URLs", () => {
    expect(renderMessageHtml("[docs](https://example.com/a?b=1)")).toBe(
      '<p><a href="https://example.com/a?b=1" rel="noopener nofollow ugc" target="_blank">docs</a></p>',
    );
    expect(renderMessageHtml("see https://example.com/x")).toContain(
      '<a href="https://example.com/x" rel="noopener nofollow ugc" target="_blank">https://example.com/x</a>',
    );
  });

  it("links @mentions of the members named, but not inside links, code or emails", () => {
    const alice = ["alice"];
    expect(renderMessageHtml("hi @Alice!", alice)).toBe('<p>hi <a href="/u/alice" class="mention">@Alice</a>!</p>');
    expect(renderMessageHtml("`@alice`", alice)).toBe("<p><code>@alice</code></p>");
    expect(renderMessageHtml("[@alice](https://example.com)", alice)).not.toContain("mention");
    expect(renderMessageHtml("mail bob@example.com", ["example"])).not.toContain("mention");
    expect(mentionedUsernames("@Alice and @bob_2, again @alice")).toEqual(["alice", "bob_2"]);
  });

  it("leaves a mention of someone who does not exist as plain text, and forgets the names after", () => {
    expect(renderMessageHtml("hi @ghost and @alice", ["alice"])).toBe(
      '<p>hi @ghost and <a href="/u/alice" class="mention">@alice</a></p>',
    );
    expect(renderMessageHtml("hi @alice")).toBe("<p>hi @alice</p>");
  });

  it("reads at most MENTIONS_MAX names from one message", () => {
    const names = Array.from({ length: MENTIONS_MAX + 5 }, (_, i) => `user_${i}`);
    expect(mentionedUsernames(names.map((n) => `@${n}`).join(" "))).toEqual(names.slice(0, MENTIONS_MAX));
  });

  it.each([
    ["<script>alert(1)</script>", "&lt;script&gt;"],
    ['<img src=x onerror="alert(1)">', "&lt;img"],
    ["[x](javascript:alert(1))", "[x](javascript:alert(1))"],
    ["[x](data:text/html;base64,PHNjcmlwdD4=)", "[x](data:text/html;base64,PHNjcmlwdD4=)"],
    ['<a href="https://evil.example" onclick="x()">y</a>', "&lt;a href"],
  ])("never lets HTML or script URLs through: %s", (input, shown) => {
    const html = renderMessageHtml(input);
    expect(html).toContain(shown);
    // Escaped text may mention these; no actual tag may carry them.
    expect(html).not.toMatch(/<(script|img)\b|<[a-z][^>]*\son\w+=|href="(javascript|data):/i);
  });

  it("drops headings, lists and images to plain paragraphs", () => {
    expect(renderMessageHtml("# Title")).toBe("<p># Title</p>");
    expect(renderMessageHtml("![x](https://example.com/a.png)")).not.toContain("<img");
  });
});
