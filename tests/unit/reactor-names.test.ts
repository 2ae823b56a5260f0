// A reaction's tooltip and chip label: names joined in English, the viewer as "You" and first, "and N others" for
// those past the server's list, and the viewer still named when the list (the earliest ten) stops before them.
import { describe, expect, it } from "vitest";
import {
  reactedWith,
  reactionChipLabel,
  reactorNames,
  toggleAnnouncement,
} from "@/components/chat/reactions/reactor-names";
import type { ReactionGroup } from "@/lib/chat/message-payload";

const person = (name: string) => ({ name, username: name.toLowerCase().replace(/\W/g, "") });
const ada = person("Ada Lovelace");
const grace = person("Grace Hopper");
const alan = person("Alan Turing");
const me = person("Me Myself");

const group = (reactors: ReactionGroup["reactors"], count = reactors.length, mine?: boolean): ReactionGroup => ({
  emoji: "👍️",
  count,
  reactors,
  mine,
});

describe("reactorNames", () => {
  it("names one, two and three people", () => {
    expect(reactorNames(group([ada]), me.username)).toBe("Ada Lovelace");
    expect(reactorNames(group([ada, grace]), me.username)).toBe("Ada Lovelace and Grace Hopper");
    expect(reactorNames(group([ada, grace, alan]))).toBe("Ada Lovelace, Grace Hopper and Alan Turing");
  });

  it("counts the people past the list as others", () => {
    expect(reactorNames(group([ada, grace], 3))).toBe("Ada Lovelace, Grace Hopper and 1 other");
    const ten = Array.from({ length: 10 }, (_, i) => person(`Person ${i}`));
    expect(reactorNames(group(ten, 25))).toBe(
      "Person 0, Person 1, Person 2, Person 3, Person 4, Person 5, Person 6, Person 7, Person 8, Person 9 and 15 others",
    );
  });

  it("calls the viewer You, first, wherever they are in the list", () => {
    expect(reactorNames(group([me], 1, true), me.username)).toBe("You");
    expect(reactorNames(group([me, ada], 2, true), me.username)).toBe("You and Ada Lovelace");
    expect(reactorNames(group([ada, grace, me], 5, true), me.username)).toBe(
      "You, Ada Lovelace, Grace Hopper and 2 others",
    );
  });

  it("knows the viewer from the list alone when `mine` is absent (a live event)", () => {
    expect(reactorNames(group([ada, me]), me.username)).toBe("You and Ada Lovelace");
  });

  it("names the viewer when `mine` says so but the list of ten stops before them", () => {
    const ten = Array.from({ length: 10 }, (_, i) => person(`Person ${i}`));
    expect(reactorNames(group(ten, 11, true), me.username)).toBe(
      "You, Person 0, Person 1, Person 2, Person 3, Person 4, Person 5, Person 6, Person 7, Person 8 and Person 9",
    );
    expect(reactorNames(group(ten.slice(0, 2), 14, true), me.username)).toBe("You, Person 0, Person 1 and 11 others");
  });

  it("still says something without a list", () => {
    expect(reactorNames(group([], 3))).toBe("3 people");
    expect(reactorNames(group([], 1))).toBe("1 person");
  });
});

describe("reaction sentences", () => {
  it("makes the tooltip", () => {
    expect(reactedWith(group([ada])), "one name").toBe("Ada Lovelace reacted with 👍️");
    expect(reactedWith(group([me, ada], 5, true), me.username)).toBe("You, Ada Lovelace and 3 others reacted with 👍️");
  });

  it("makes a chip's full accessible name, with what pressing it does", () => {
    expect(reactionChipLabel(group([me, ada, grace], 3, true), me.username, true)).toBe(
      "👍️ 3 reactions. You, Ada Lovelace and Grace Hopper reacted. Press to remove yours.",
    );
    expect(reactionChipLabel(group([ada], 1, false), me.username, true)).toBe(
      "👍️ 1 reaction. Ada Lovelace reacted. Press to add yours.",
    );
    expect(reactionChipLabel(group([ada]), null, false)).toBe("👍️ 1 reaction. Ada Lovelace reacted.");
  });

  it("announces the viewer's own toggle", () => {
    expect(toggleAnnouncement("🎉", true)).toBe("You reacted with 🎉");
    expect(toggleAnnouncement("🎉", false)).toBe("You removed your 🎉 reaction");
  });
});
