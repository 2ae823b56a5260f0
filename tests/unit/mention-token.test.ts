// The composer's `@name` at the caret (lib/chat/mention-token.ts): where a token starts, where it does not (inside
// words and emails, after `/` or `.`), how far it runs, and replacing it with the chosen username.
import { describe, expect, it } from "vitest";
import { insertMention, mentionTokenAt } from "@/lib/chat/mention-token";

/** The token at the `|` of `marked`, which is taken out of the text. */
function tokenAt(marked: string) {
  const caret = marked.indexOf("|");
  return mentionTokenAt(marked.replace("|", ""), caret);
}

describe("mentionTokenAt", () => {
  it("finds `@` at the start of the text, with nothing or a prefix typed", () => {
    expect(tokenAt("@|")).toEqual({ start: 0, end: 1, query: "" });
    expect(tokenAt("@Al|")).toEqual({ start: 0, end: 3, query: "al" });
  });

  it("finds it after a space, a new line or punctuation", () => {
    expect(tokenAt("hi @bo|")).toEqual({ start: 3, end: 6, query: "bo" });
    expect(tokenAt("first line\n@bo|")).toEqual({ start: 11, end: 14, query: "bo" });
    expect(tokenAt("line one\nline @x|\nline three")).toEqual({ start: 14, end: 16, query: "x" });
    expect(tokenAt("(@bo|")).toMatchObject({ start: 1, query: "bo" });
    expect(tokenAt("thanks,@bo|")).toMatchObject({ start: 7, query: "bo" });
  });

  it("runs on past the caret to the end of the name, suggesting for what precedes the caret", () => {
    expect(tokenAt("hi @al|ice and")).toEqual({ start: 3, end: 9, query: "al" });
  });

  it("is not inside a word, an email, a path or after another @", () => {
    expect(tokenAt("mail a@b|")).toBeNull();
    expect(tokenAt("a@b.c|")).toBeNull();
    expect(tokenAt("name.last@exa|")).toBeNull();
    expect(tokenAt("x.com/@us|")).toBeNull();
    expect(tokenAt("@@bo|")).toBeNull();
    expect(tokenAt("word@|")).toBeNull();
  });

  it("ends at a space or any character a username has not", () => {
    expect(tokenAt("@bob |")).toBeNull();
    expect(tokenAt("@bob-|")).toBeNull();
    expect(tokenAt("@bob\n|")).toBeNull();
    expect(tokenAt("plain text|")).toBeNull();
    expect(tokenAt("|@bob")).toBeNull();
  });

  it("gives up past the longest username, and on a caret outside the text", () => {
    expect(tokenAt(`@${"a".repeat(30)}|`)).toMatchObject({ query: "a".repeat(30) });
    expect(tokenAt(`@${"a".repeat(31)}|`)).toBeNull();
    expect(mentionTokenAt("@a", 5)).toBeNull();
    expect(mentionTokenAt("@a", 0)).toBeNull();
  });
});

describe("insertMention", () => {
  it("replaces the token with `@username ` and puts the caret after the space", () => {
    const text = "hi @al";
    const token = mentionTokenAt(text, text.length);
    expect(token).not.toBeNull();
    expect(insertMention(text, token!, "alice")).toEqual({ text: "hi @alice ", caret: 10 });
  });

  it("replaces the whole name around the caret and keeps what follows, without doubling a space", () => {
    const text = "hi @al|ice and more";
    const token = tokenAt(text);
    expect(insertMention(text.replace("|", ""), token!, "alfred")).toEqual({ text: "hi @alfred and more", caret: 11 });
    const multi = "one\n@b|\ntwo";
    expect(insertMention(multi.replace("|", ""), tokenAt(multi)!, "bob")).toEqual({
      text: "one\n@bob \ntwo",
      caret: 9,
    });
  });
});
