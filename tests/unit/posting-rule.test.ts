// The posting rule (lib/moderation/posting-rule.ts) that the server's check, the room page, the
// moderators' live notice and the browser's composer share: lock beats ban beats mute.
import { describe, expect, it } from "vitest";
import { postingBlock } from "@/lib/chat/client/posting-restriction";
import { decidingRestriction, postingRule, restrictionOf } from "@/lib/moderation/posting-rule";

const ban = { kind: "banned", until: null, reason: "spam" } as const;
const mute = { kind: "muted", until: "2030-01-01T12:00:00.000Z", reason: "cool off" } as const;

describe("postingRule", () => {
  it("lets the member post when nothing holds", () => {
    expect(postingRule({ locked: false, restrictions: [] })).toBeNull();
  });

  it("puts the lock before any restriction of the member", () => {
    expect(postingRule({ locked: true, restrictions: [mute, ban] })).toEqual({ kind: "locked" });
    expect(postingRule({ locked: true, restrictions: [] })).toEqual({ kind: "locked" });
  });

  it("puts a ban before a mute, whatever their order", () => {
    expect(postingRule({ locked: false, restrictions: [mute, ban] })).toEqual(ban);
    expect(postingRule({ locked: false, restrictions: [ban, mute] })).toEqual(ban);
    expect(postingRule({ locked: false, restrictions: [mute] })).toEqual(mute);
  });

  it("ignores a mute without an end (only bans last until lifted)", () => {
    expect(decidingRestriction([{ kind: "muted", until: null, reason: "" }])).toBeNull();
  });
});

describe("restrictionOf", () => {
  it("names stored kinds in the rule's words and keeps until and reason", () => {
    const until = new Date("2030-01-01T12:00:00Z");
    expect(restrictionOf({ kind: "BAN", until: null, reason: "r" })).toEqual({
      kind: "banned",
      until: null,
      reason: "r",
    });
    expect(restrictionOf({ kind: "MUTE", until, reason: "" })).toEqual({ kind: "muted", until, reason: "" });
  });
});

describe("postingBlock (the composer's notice)", () => {
  const now = Date.parse("2030-01-01T10:00:00Z");
  const at = { refusal: null, now, timeZone: "UTC" };

  it("follows the rule: the lock, then the member's ban or mute, then an API refusal", () => {
    expect(postingBlock({ locked: true, restriction: ban, ...at })?.kind).toBe("locked");
    expect(postingBlock({ locked: false, restriction: ban, ...at })).toEqual({
      kind: "banned",
      text: "You are banned from this room: spam",
      until: null,
    });
    expect(postingBlock({ locked: false, restriction: mute, ...at })).toEqual({
      kind: "muted",
      text: "You are muted in this room until 12:00 UTC: cool off",
      until: mute.until,
    });
    expect(postingBlock({ locked: false, restriction: null, ...at, refusal: "No." })).toEqual({
      kind: "refused",
      text: "No.",
    });
    expect(postingBlock({ locked: false, restriction: null, ...at })).toBeNull();
  });

  it("drops a restriction that has run out", () => {
    expect(
      postingBlock({ locked: false, restriction: mute, ...at, now: Date.parse("2030-01-01T12:00:00Z") }),
    ).toBeNull();
  });
});
