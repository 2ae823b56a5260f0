// lib/env.ts's operations variables: LOG_LEVEL, METRICS_TOKEN, SHUTDOWN_TIMEOUT_MS, and a
// DATABASE_URL whose sslmode is misspelt.
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

const dev = (extra: Record<string, string>) => parseEnv({ NODE_ENV: "development", ...extra } as NodeJS.ProcessEnv);

function errorOf(extra: Record<string, string>): string {
  try {
    dev(extra);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as Error).message;
  }
  throw new Error("expected parseEnv to throw");
}

describe("operations settings", () => {
  it("default to info logs, metrics off and a 25 s shutdown bound", () => {
    const env = dev({});
    expect(env.LOG_LEVEL).toBe("info");
    expect(env.METRICS_TOKEN).toBeUndefined();
    expect(env.SHUTDOWN_TIMEOUT_MS).toBe(25_000);
  });

  it("accept valid values", () => {
    const env = dev({ LOG_LEVEL: "debug", METRICS_TOKEN: "a".repeat(32), SHUTDOWN_TIMEOUT_MS: "10000" });
    expect(env).toMatchObject({ LOG_LEVEL: "debug", METRICS_TOKEN: "a".repeat(32), SHUTDOWN_TIMEOUT_MS: 10_000 });
  });

  it("name the variable of a bad value", () => {
    expect(errorOf({ LOG_LEVEL: "verbose" })).toContain(
      "LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent",
    );
    expect(errorOf({ METRICS_TOKEN: "short" })).toContain("METRICS_TOKEN: expected at least 16 random characters");
    expect(errorOf({ SHUTDOWN_TIMEOUT_MS: "50" })).toContain("SHUTDOWN_TIMEOUT_MS: expected at least 1000");
    expect(errorOf({ SHUTDOWN_TIMEOUT_MS: "soon" })).toContain("SHUTDOWN_TIMEOUT_MS");
  });

  it("refuse a DATABASE_URL with an unknown sslmode instead of connecting without the checks it asked for", () => {
    const message = errorOf({ DATABASE_URL: "postgresql://app@db.internal:5432/roomful?sslmode=verify_full" });
    expect(message).toContain(
      "DATABASE_URL: has sslmode=verify_full; expected one of disable, allow, prefer, require, verify-ca, verify-full",
    );
    expect(
      dev({ DATABASE_URL: "postgresql://app@db.internal:5432/roomful?sslmode=verify-full" }).DATABASE_URL,
    ).toContain("verify-full");
  });
});
