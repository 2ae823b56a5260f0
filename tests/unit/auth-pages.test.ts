// The sign-in page's pure parts: where it may send people afterwards, and what error codes say.
import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/app/(auth)/_lib/callback-url";
import { signInErrorMessage } from "@/app/(auth)/login/_components/sign-in-messages";

describe("safeCallbackUrl", () => {
  it.each([
    ["/rooms/python-basics", "/rooms/python-basics"],
    ["/?q=rust", "/?q=rust"],
    ["/settings#profile", "/settings#profile"],
    ["/a/../settings", "/settings"],
  ])("keeps the site path %s", (raw, expected) => {
    expect(safeCallbackUrl(raw)).toBe(expected);
  });

  it.each([
    undefined,
    "",
    "https://evil.example/",
    "//evil.example/x",
    "/\\evil.example",
    "/\tevil",
    "javascript:alert(1)",
    "evil.example",
    "http:/evil.example",
    `/${"a".repeat(2100)}`,
  ])("turns %j into /", (raw) => {
    expect(safeCallbackUrl(raw)).toBe("/");
  });

  it("never returns to a sign-in or sign-up page", () => {
    expect(safeCallbackUrl("/login?callbackUrl=/x")).toBe("/");
    expect(safeCallbackUrl("/register")).toBe("/");
  });

  it("takes the first of repeated parameters", () => {
    expect(safeCallbackUrl(["/one", "/two"])).toBe("/one");
  });
});

describe("signInErrorMessage", () => {
  it("says the same for every credentials failure", () => {
    expect(signInErrorMessage("invalid")).toBe("Wrong email/username or password.");
    expect(signInErrorMessage("CredentialsSignin")).toBe("Wrong email/username or password.");
  });

  it.each([
    ["rate_limited:1", "Too many attempts. Try again in 1 minute."],
    ["rate_limited:60", "Too many attempts. Try again in 1 minute."],
    ["rate_limited:61", "Too many attempts. Try again in 2 minutes."],
    ["rate_limited:900", "Too many attempts. Try again in 15 minutes."],
  ])("rounds %s up to whole minutes", (code, text) => {
    expect(signInErrorMessage(code)).toBe(text);
  });

  it("names the provider an existing account should be linked from", () => {
    expect(signInErrorMessage("oauth-email-exists", "google")).toBe(
      "An account with this email already exists. Sign in with your password, then link Google from Settings.",
    );
    expect(signInErrorMessage("oauth-email-exists", "<script>")).toContain("link that account from Settings");
  });

  it("says the database is out of reach, not that the password is wrong", () => {
    expect(signInErrorMessage("unavailable:database")).toBe("We can't reach our database. Try again in a minute.");
  });

  it("has a message for anything else and nothing for no code", () => {
    expect(signInErrorMessage("deactivated")).toBe("This account has been deactivated.");
    expect(signInErrorMessage("SomethingNew")).toBe("We couldn't sign you in. Please try again.");
    expect(signInErrorMessage(null)).toBeNull();
  });
});
