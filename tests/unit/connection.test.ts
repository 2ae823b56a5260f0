import { describe, expect, it } from "vitest";
import { formatDatabaseUrl, parseDatabaseUrl, withDatabase } from "@/lib/db/connection";

describe("parseDatabaseUrl", () => {
  it("splits a URL into the settings adapter-pg needs, decoding escapes", () => {
    expect(parseDatabaseUrl("postgresql://app%40corp:p%2Fss@db.example:6543/road%20map?sslmode=require")).toEqual({
      host: "db.example",
      port: 6543,
      user: "app@corp",
      password: "p/ss",
      database: "road map",
      ssl: true,
    });
  });

  it("defaults the port and user, and reads sslmode=disable as no TLS", () => {
    expect(parseDatabaseUrl("postgres://localhost/app?sslmode=disable")).toMatchObject({ port: 5432, user: "postgres", ssl: false });
  });

  it("refuses URLs that name no database or another scheme", () => {
    expect(() => parseDatabaseUrl("postgresql://localhost:5432")).toThrow("names no database");
    expect(() => parseDatabaseUrl("mysql://localhost/app")).toThrow("must start with postgresql://");
    expect(() => parseDatabaseUrl("not a url")).toThrow("not a valid URL");
  });

  it("round-trips through formatDatabaseUrl and swaps the database", () => {
    const url = "postgresql://app:s%23cret@db:5432/main";
    expect(formatDatabaseUrl(parseDatabaseUrl(url))).toBe(url);
    expect(withDatabase(url, "other")).toBe("postgresql://app:s%23cret@db:5432/other");
  });
});
