// The composer's merged mention suggestions (lib/chat/client/mention-match.ts): people online first, then the
// server's order; prefix matches on username or name; never the viewer, nobody twice, at most 8.
import { describe, expect, it } from "vitest";
import { matchesMention, mergeMentionCandidates } from "@/lib/chat/client/mention-match";
import type { Person } from "@/lib/presence/members";

const person = (username: string, name = `${username} Example`): Person => ({
  id: `id-${username}`,
  username,
  name,
  avatarUrl: null,
});

describe("matchesMention", () => {
  it("matches the start of the username or of the name, in any case of the name", () => {
    expect(matchesMention(person("alice"), "ali")).toBe(true);
    expect(matchesMention(person("zed", "Alma Zed"), "alm")).toBe(true);
    expect(matchesMention(person("zed", "Alma Zed"), "zed")).toBe(true);
    expect(matchesMention(person("bob", "Bob Alder"), "ald")).toBe(false);
    expect(matchesMention(person("xalice"), "ali")).toBe(false);
  });
});

describe("mergeMentionCandidates", () => {
  it("lists matching people online first, then the server's answer, once each and never the viewer", () => {
    const online = [person("amy"), person("me"), person("bob")];
    const answer = [person("ann"), person("amy"), person("abe")];
    const merged = mergeMentionCandidates({ online, answer, query: "a", viewerId: "id-me" });
    expect(merged.map((p) => p.username)).toEqual(["amy", "ann", "abe"]);
    const all = mergeMentionCandidates({ online, answer, query: "", viewerId: "id-me" });
    expect(all.map((p) => p.username)).toEqual(["amy", "bob", "ann", "abe"]);
  });

  it("narrows a shorter prefix's answer to the query and stops at 8", () => {
    const answer = Array.from({ length: 12 }, (_, i) => person(`al${i}`));
    expect(mergeMentionCandidates({ online: [], answer, query: "al1", viewerId: null }).map((p) => p.username)).toEqual(
      ["al1", "al10", "al11"],
    );
    expect(mergeMentionCandidates({ online: [], answer, query: "al", viewerId: null })).toHaveLength(8);
  });
});
