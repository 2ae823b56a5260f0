// lib/env.ts: development runs with nothing set; production names each missing or malformed variable.
import { describe, expect, it } from "vitest";
import { DEV_DEFAULTS, EnvError, parseEnv } from "@/lib/env";

const production = {
  NODE_ENV: "production",
  DATABASE_URL: "postgresql://app:secret@db.internal:5432/roomful",
  APP_URL: "https://roomful.example",
  PUSHER_APP_ID: "1",
  PUSHER_KEY: "key",
  PUSHER_SECRET: "secret",
  SMTP_URL: "smtps://mailer:pw@smtp.example:465",
  NEXTAUTH_SECRET: "x".repeat(32),
} as const;

function errorOf(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source as NodeJS.ProcessEnv);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as Error).message;
  }
  throw new Error("expected parseEnv to throw");
}

describe("parseEnv", () => {
  it("needs nothing in development and points at the local stack", () => {
    const env = parseEnv({ NODE_ENV: "development" } as NodeJS.ProcessEnv);
    expect(env.DATABASE_URL).toBe(DEV_DEFAULTS.DATABASE_URL);
    expect(env.PUSHER_HOST).toBe("127.0.0.1");
    expect(env.PUSHER_PORT).toBe(6001);
    expect(env.PUSHER_USE_TLS).toBe(false);
    expect(env.SMTP_URL).toBe("smtp://127.0.0.1:1025");
  });

  it("treats an empty value as unset", () => {
    expect(parseEnv({ NODE_ENV: "development", DATABASE_URL: "" } as NodeJS.ProcessEnv).DATABASE_URL).toBe(
      DEV_DEFAULTS.DATABASE_URL,
    );
  });

  it("accepts a complete production configuration without local defaults", () => {
    const env = parseEnv(production as unknown as NodeJS.ProcessEnv);
    expect(env.PUSHER_HOST).toBeUndefined();
    expect(env.PUSHER_CLUSTER).toBe("mt1");
  });

  it("names every variable missing in production", () => {
    const message = errorOf({ NODE_ENV: "production", APP_URL: "https://roomful.example" });
    for (const name of [
      "DATABASE_URL",
      "PUSHER_APP_ID",
      "PUSHER_KEY",
      "PUSHER_SECRET",
      "SMTP_URL",
      "NEXTAUTH_SECRET",
    ]) {
      expect(message).toContain(`${name}: is required in production`);
    }
    expect(message).not.toContain("APP_URL");
  });

  it("bounds the database's waits by default, and takes other bounds in milliseconds", () => {
    const env = parseEnv({ NODE_ENV: "development" } as NodeJS.ProcessEnv);
    expect(env.DATABASE_CONNECT_TIMEOUT_MS).toBe(5_000);
    expect(env.DATABASE_STATEMENT_TIMEOUT_MS).toBe(10_000);
    expect(env.DATABASE_IDLE_TRANSACTION_TIMEOUT_MS).toBe(30_000);
    const set = { NODE_ENV: "development", DATABASE_STATEMENT_TIMEOUT_MS: "2500" } as NodeJS.ProcessEnv;
    expect(parseEnv(set).DATABASE_STATEMENT_TIMEOUT_MS).toBe(2_500);
    expect(errorOf({ NODE_ENV: "development", DATABASE_STATEMENT_TIMEOUT_MS: "0" })).toContain(
      "DATABASE_STATEMENT_TIMEOUT_MS: expected at least 500 (milliseconds)",
    );
    expect(errorOf({ NODE_ENV: "development", DATABASE_CONNECT_TIMEOUT_MS: "soon" })).toMatch(
      /DATABASE_CONNECT_TIMEOUT_MS: /,
    );
  });

  it("names a malformed value and what is expected", () => {
    expect(errorOf({ ...production, DATABASE_URL: "mysql://nope" })).toContain(
      "DATABASE_URL: expected postgresql://user:password@host:5432/database",
    );
    expect(errorOf({ NODE_ENV: "development", PUSHER_PORT: "seventy" })).toMatch(/PUSHER_PORT: /);
    expect(errorOf({ NODE_ENV: "development", PUSHER_USE_TLS: "yes" })).toContain(
      "PUSHER_USE_TLS: expected true or false",
    );
    expect(errorOf({ ...production, NEXTAUTH_SECRET: "short" })).toContain(
      "NEXTAUTH_SECRET: expected at least 32 random characters",
    );
  });
});
