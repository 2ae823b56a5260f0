// The people panel's lists (lib/presence/members.ts): presence members sorted and deduplicated,
// and the participants who are not online, capped.
import { describe, expect, it } from "vitest";
import {
  offlineParticipants,
  parseMember,
  sortMembers,
  withMember,
  withoutMember,
  type Person,
} from "@/lib/presence/members";

const person = (id: string, name: string, username = id): Person => ({ id, name, username, avatarUrl: null });

describe("parseMember", () => {
  it("takes presence info as channel auth writes it", () => {
    expect(parseMember("u1", { name: "Alice", username: "alice", avatarUrl: "/api/avatars/u1?v=1" })).toEqual({
      id: "u1",
      name: "Alice",
      username: "alice",
      avatarUrl: "/api/avatars/u1?v=1",
    });
    expect(parseMember("u1", { name: "Alice", username: "alice", avatarUrl: null })?.avatarUrl).toBeNull();
  });

  it.each([
    ["no id", undefined, { name: "A", username: "a", avatarUrl: null }],
    ["a numeric id", 7, { name: "A", username: "a", avatarUrl: null }],
    ["no info", "u1", undefined],
    ["an empty name", "u1", { name: "", username: "a", avatarUrl: null }],
    ["no username", "u1", { name: "A", avatarUrl: null }],
    ["a numeric avatar", "u1", { name: "A", username: "a", avatarUrl: 3 }],
  ])("refuses %s", (_what, id, info) => {
    expect(parseMember(id, info)).toBeNull();
  });
});

describe("sortMembers", () => {
  it("sorts by name regardless of case and accents, then by username", () => {
    const sorted = sortMembers([
      person("1", "bob"),
      person("2", "Émile"),
      person("3", "alice"),
      person("4", "Bob", "bob_2"),
      person("5", "Bob", "bob_1"),
    ]);
    expect(sorted.map((p) => `${p.name}/${p.username}`)).toEqual([
      "alice/3",
      "bob/1",
      "Bob/bob_1",
      "Bob/bob_2",
      "Émile/2",
    ]);
  });

  it("sorts numbers in names as numbers", () => {
    expect(sortMembers([person("1", "user 10"), person("2", "user 9")]).map((p) => p.name)).toEqual([
      "user 9",
      "user 10",
    ]);
  });

  it("lists a person once, with their latest info (several tabs are one member)", () => {
    const sorted = sortMembers([person("1", "Alice"), person("2", "Bob"), person("1", "Alice Liddell")]);
    expect(sorted.map((p) => p.name)).toEqual(["Alice Liddell", "Bob"]);
  });

  it("adds and removes without touching the list it was given", () => {
    const list = sortMembers([person("1", "Bob")]);
    const added = withMember(list, person("2", "Alice"));
    expect(added.map((p) => p.name)).toEqual(["Alice", "Bob"]);
    expect(withMember(added, person("2", "Alice")).length).toBe(2);
    expect(withoutMember(added, "1").map((p) => p.name)).toEqual(["Alice"]);
    expect(withoutMember(added, "nobody")).toEqual(added);
    expect(list.length).toBe(1);
  });
});

describe("offlineParticipants", () => {
  const participants = [person("a", "A"), person("b", "B"), person("c", "C"), person("d", "D"), person("e", "E")];

  it("leaves out who is online and the viewer, keeping the order (newest first)", () => {
    const { shown, more } = offlineParticipants({
      participants,
      total: 5,
      onlineIds: new Set(["b", "x"]),
      viewerId: "d",
      cap: 50,
    });
    expect(shown.map((p) => p.id)).toEqual(["a", "c", "e"]);
    expect(more).toBe(0);
  });

  it("caps the list and counts the rest, loaded or not", () => {
    const { shown, more } = offlineParticipants({
      participants,
      total: 120,
      onlineIds: new Set(["a"]),
      viewerId: null,
      cap: 2,
    });
    expect(shown.map((p) => p.id)).toEqual(["b", "c"]);
    // 120 in the room, 1 online, 2 shown.
    expect(more).toBe(117);
  });

  it("shows nobody when everyone is online, and never a negative remainder", () => {
    expect(
      offlineParticipants({
        participants,
        total: 5,
        onlineIds: new Set(participants.map((p) => p.id)),
        viewerId: null,
        cap: 50,
      }),
    ).toEqual({ shown: [], more: 0 });
    expect(offlineParticipants({ participants, total: 0, onlineIds: new Set(), viewerId: null, cap: 50 }).more).toBe(0);
  });

  it("counts a duplicated row once", () => {
    const { shown, more } = offlineParticipants({
      participants: [person("a", "A"), person("a", "A")],
      total: 1,
      onlineIds: new Set(),
      viewerId: null,
      cap: 50,
    });
    expect(shown.length).toBe(1);
    expect(more).toBe(0);
  });
});
