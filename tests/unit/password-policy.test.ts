// The password policy (NIST SP 800-63B / ASVS 2.1): 8 to 128 characters, long passphrases
// welcome, no composition rules, never a common password nor the member's own username or email.
import { describe, expect, it } from "vitest";
import { COMMON_PASSWORD_COUNT, passwordProblem } from "@/lib/auth/password-policy";
import { newPasswordSchema, PASSWORD_MAX, PASSWORD_MIN } from "@/lib/validation/account";

const TOO_COMMON = "This password is too common. Choose something harder to guess.";
const OWN_NAME = "Your password must not be your username or email.";

describe("password length", () => {
  it("accepts 8 to 128 characters and refuses 7 and 129", () => {
    expect([PASSWORD_MIN, PASSWORD_MAX]).toEqual([8, 128]);
    expect(passwordProblem("zq7mvlp")).toBe("Passwords have at least 8 characters.");
    expect(passwordProblem("zq7mvlpk")).toBeNull();
    expect(passwordProblem("zq7mvlpk".repeat(16))).toBeNull();
    expect(passwordProblem(`${"zq7mvlpk".repeat(16)}x`)).toBe("Passwords have at most 128 characters.");
  });

  it("allows a long passphrase (64+ characters, spaces included)", () => {
    const passphrase = "the quiet otter keeps its favourite stone in a pocket under the left arm";
    expect(passphrase.length).toBeGreaterThan(64);
    expect(passwordProblem(passphrase)).toBeNull();
    expect(newPasswordSchema.safeParse(passphrase).success).toBe(true);
  });

  it("has the same bounds in the form schema as in the server check", () => {
    for (const length of [7, 8, 128, 129]) {
      const password = "k".repeat(length - 1) + "7";
      const schemaOk = newPasswordSchema.safeParse(password).success;
      const policyOk = !passwordProblem(password)?.startsWith("Passwords have");
      expect({ length, schemaOk }).toEqual({ length, schemaOk: policyOk });
    }
  });
});

describe("common passwords", () => {
  it("checks against a list of at least 10,000 entries", () => {
    expect(COMMON_PASSWORD_COUNT()).toBeGreaterThanOrEqual(10_000);
  });

  it("refuses a common password whatever its case", () => {
    for (const password of [
      "password123",
      "PASSWORD123",
      "PaSsWoRd123",
      "iloveyou",
      "ILoveYou",
      "TrustNo1",
      "qwertyuiop",
    ]) {
      expect({ password, problem: passwordProblem(password) }).toEqual({ password, problem: TOO_COMMON });
    }
  });
});

describe("the member's own identifiers", () => {
  const context = { email: "Samantha.Smith@Example.com", username: "river_otter42" };

  it("refuses the username, the email or its local part, in any case", () => {
    for (const password of [
      "river_otter42",
      "RIVER_OTTER42",
      "samantha.smith",
      "Samantha.Smith",
      "samantha.smith@example.com",
    ]) {
      expect({ password, problem: passwordProblem(password, context) }).toEqual({ password, problem: OWN_NAME });
    }
  });

  it("does not hold someone else's identifiers against a password", () => {
    expect(passwordProblem("river_otter42")).toBeNull();
    expect(passwordProblem("river_otter42", { username: "someone_else" })).toBeNull();
  });
});

describe("no composition rules", () => {
  it("accepts passwords of one character class, with spaces or beyond ASCII", () => {
    for (const password of [
      "alllowercaseletters",
      "ALLUPPERCASELETTERS",
      "8472916305",
      "correct horse battery",
      "grüße aus köln",
      "🙂 sunny garden 🙂",
    ]) {
      expect({ password, problem: passwordProblem(password) }).toEqual({ password, problem: null });
    }
  });
});
