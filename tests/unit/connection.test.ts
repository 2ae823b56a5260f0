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
      sslmode: "require",
    });
  });

  it("defaults the port and user, and reads sslmode=disable as no TLS", () => {
    expect(parseDatabaseUrl("postgres://localhost/app?sslmode=disable")).toMatchObject({
      port: 5432,
      user: "postgres",
      ssl: false,
    });
    expect(parseDatabaseUrl("postgres://localhost/app")).not.toHaveProperty("sslmode");
  });

  it("reads libpq's certificate parameters", () => {
    const c = parseDatabaseUrl(
      "postgresql://u@db/app?sslmode=verify-full&sslrootcert=/etc/ssl/db-ca.pem&sslcert=/c.pem&sslkey=/k.pem",
    );
    expect(c).toMatchObject({
      ssl: true,
      sslmode: "verify-full",
      sslrootcert: "/etc/ssl/db-ca.pem",
      sslcert: "/c.pem",
      sslkey: "/k.pem",
    });
  });

  it("refuses URLs that name no database or another scheme, and unknown sslmodes", () => {
    expect(() => parseDatabaseUrl("postgresql://localhost:5432")).toThrow("names no database");
    expect(() => parseDatabaseUrl("mysql://localhost/app")).toThrow("must start with postgresql://");
    expect(() => parseDatabaseUrl("not a url")).toThrow("not a valid URL");
    expect(() => parseDatabaseUrl("postgresql://localhost/app?sslmode=verify_full")).toThrow(
      "DATABASE_URL has sslmode=verify_full; expected one of disable, allow, prefer, require, verify-ca, verify-full",
    );
  });

  it("round-trips through formatDatabaseUrl and swaps the database", () => {
    const url = "postgresql://app:s%23cret@db:5432/main";
    expect(formatDatabaseUrl(parseDatabaseUrl(url))).toBe(url);
    expect(withDatabase(url, "other")).toBe("postgresql://app:s%23cret@db:5432/other");
  });

  it("keeps sslmode and the certificate paths through withDatabase", () => {
    const url = "postgresql://app@db:5432/main?sslmode=verify-ca&sslrootcert=%2Fetc%2Fssl%2Fca.pem";
    const other = withDatabase(url, "roomful_test_1");
    expect(other).toBe("postgresql://app@db:5432/roomful_test_1?sslmode=verify-ca&sslrootcert=%2Fetc%2Fssl%2Fca.pem");
    expect(parseDatabaseUrl(other)).toMatchObject({
      database: "roomful_test_1",
      sslmode: "verify-ca",
      sslrootcert: "/etc/ssl/ca.pem",
    });
    expect(withDatabase("postgresql://app@db:5432/main?sslmode=disable", "x")).toBe(
      "postgresql://app@db:5432/x?sslmode=disable",
    );
  });

  it("writes sslmode=require for a bare ssl: true", () => {
    expect(formatDatabaseUrl({ host: "db", port: 5432, user: "u", password: "", database: "d", ssl: true })).toBe(
      "postgresql://u@db:5432/d?sslmode=require",
    );
  });
});
