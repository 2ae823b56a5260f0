// Usernames for members arriving through OAuth: derived from the provider's login or the email's
// local part, normalised to [a-z0-9_] and 3–30 characters, made unique with a numeric suffix.
import { describe, expect, it } from "vitest";
import {
  baseUsername,
  candidatePrefix,
  isValidUsername,
  normaliseUsername,
  pickFreeUsername,
  withSuffix,
} from "@/lib/auth/oauth-username";

describe("normaliseUsername", () => {
  it("lower-cases and keeps letters, digits and underscores", () => {
    expect(normaliseUsername("Octo_Cat42")).toBe("octo_cat42");
  });

  it("turns runs of other characters into one underscore and trims them at the ends", () => {
    expect(normaliseUsername("jane.doe-smith")).toBe("jane_doe_smith");
    expect(normaliseUsername("--jane  doe!!")).toBe("jane_doe");
    expect(normaliseUsername("a__b")).toBe("a_b");
  });

  it("drops accents instead of the letters that carry them", () => {
    expect(normaliseUsername("José Müller")).toBe("jose_muller");
    expect(normaliseUsername("Łódź")).toBe("odz"); // Ł has no decomposition: it goes, ó and ź keep their letter
  });

  it("cuts to 30 characters without leaving an underscore at the end", () => {
    expect(normaliseUsername("a".repeat(40))).toBe("a".repeat(30));
    expect(normaliseUsername(`${"a".repeat(29)}.b`)).toBe("a".repeat(29));
  });

  it("leaves nothing of a name without any usable character", () => {
    expect(normaliseUsername("李小龍")).toBe("");
    expect(normaliseUsername("...")).toBe("");
  });
});

describe("baseUsername", () => {
  it("prefers the provider's login", () => {
    expect(baseUsername({ login: "OctoCat", email: "someone@example.com", name: "Mona Lisa" })).toBe("octocat");
  });

  it("falls back to the email's local part, then the name", () => {
    expect(baseUsername({ login: null, email: "Jane.Doe+news@example.com" })).toBe("jane_doe_news");
    expect(baseUsername({ login: "李", email: "王@example.com", name: "Mona Lisa" })).toBe("mona_lisa");
  });

  it("skips a source too short on its own when a later one is long enough", () => {
    expect(baseUsername({ login: "jo", email: "joanna@example.com" })).toBe("joanna");
  });

  it("pads a name that is too short everywhere, and has a default for nothing usable", () => {
    expect(baseUsername({ login: "jo", email: "jo@example.com" })).toBe("jo_user");
    expect(baseUsername({ login: "李", email: "王@example.com" })).toBe("member");
    expect(baseUsername({})).toBe("member");
  });

  it("always yields a valid username", () => {
    const samples = [
      { login: "x" },
      { email: "@example.com" },
      { name: "  " },
      { login: "A".repeat(60) },
      { email: `${"é".repeat(50)}@example.com` },
      { login: "_-_" },
    ];
    for (const sample of samples) expect(isValidUsername(baseUsername(sample)), JSON.stringify(sample)).toBe(true);
  });
});

describe("uniqueness", () => {
  it("keeps the base when it is free", () => {
    expect(pickFreeUsername("alice", ["alice_b", "alicia"])).toBe("alice");
  });

  it("adds the first free number from 2 when the base is taken", () => {
    expect(pickFreeUsername("alice", ["alice"])).toBe("alice2");
    expect(pickFreeUsername("alice", ["alice", "alice2", "alice3", "alice5"])).toBe("alice4");
  });

  it("compares case-insensitively", () => {
    expect(pickFreeUsername("alice", ["ALICE"])).toBe("alice2");
  });

  it("cuts the base so that base and suffix stay within 30 characters", () => {
    const base = "b".repeat(30);
    expect(withSuffix(base, 2)).toBe(`${"b".repeat(29)}2`);
    expect(withSuffix(base, 123)).toBe(`${"b".repeat(27)}123`);
    const taken = [base, ...Array.from({ length: 9 }, (_, i) => withSuffix(base, i + 2))];
    const picked = pickFreeUsername(base, taken);
    expect(picked).toBe(`${"b".repeat(28)}11`);
    expect(isValidUsername(picked)).toBe(true);
  });

  it("asks the database for a prefix every candidate starts with", () => {
    const base = "c".repeat(30);
    for (const n of [2, 99, 123456]) expect(withSuffix(base, n).startsWith(candidatePrefix(base))).toBe(true);
    expect(withSuffix("alice", 7).startsWith(candidatePrefix("alice"))).toBe(true);
  });
});
