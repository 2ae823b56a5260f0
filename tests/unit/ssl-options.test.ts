// DATABASE_URL's sslmode → node-postgres' `ssl` option, with libpq's meaning for each mode.
import { describe, expect, it } from "vitest";
import { parseDatabaseUrl } from "@/lib/db/connection";
import { pgSslOptions } from "@/lib/db/ssl-options";

const files: Record<string, string> = { "/ca.pem": "CA", "/client.pem": "CERT", "/client.key": "KEY" };
const readFile = (path: string) => {
  const content = files[path];
  if (content === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: "ENOENT" });
  return content;
};
const optionsFor = (query: string) =>
  pgSslOptions(parseDatabaseUrl(`postgresql://u@db.example:5432/app${query}`), readFile);

describe("pgSslOptions", () => {
  it("leaves TLS to pg when the URL has no sslmode, and turns it off for disable", () => {
    expect(optionsFor("")).toBeUndefined();
    expect(optionsFor("?sslmode=disable")).toBe(false);
  });

  it("encrypts without checking the certificate for allow, prefer and require", () => {
    for (const mode of ["allow", "prefer", "require"]) {
      expect(optionsFor(`?sslmode=${mode}`)).toEqual({ rejectUnauthorized: false });
    }
  });

  it("verifies the chain for require with a root certificate, as libpq does", () => {
    const options = optionsFor("?sslmode=require&sslrootcert=/ca.pem");
    expect(options).toMatchObject({ rejectUnauthorized: true, ca: "CA" });
    expect(options && options.checkServerIdentity?.("db.example", {} as never)).toBeUndefined();
  });

  it("verify-ca checks the chain against sslrootcert but not the host name", () => {
    const options = optionsFor("?sslmode=verify-ca&sslrootcert=/ca.pem");
    expect(options).toMatchObject({ rejectUnauthorized: true, ca: "CA" });
    expect(typeof (options && options.checkServerIdentity)).toBe("function");
    expect(options && options.checkServerIdentity?.("another.host", {} as never)).toBeUndefined();
  });

  it("verify-full checks the chain and the host name (Node's default identity check)", () => {
    const options = optionsFor("?sslmode=verify-full&sslrootcert=/ca.pem");
    expect(options).toEqual({ rejectUnauthorized: true, ca: "CA" });
  });

  it("uses the system CAs without sslrootcert or with sslrootcert=system", () => {
    expect(optionsFor("?sslmode=verify-full")).toEqual({ rejectUnauthorized: true });
    expect(optionsFor("?sslmode=verify-full&sslrootcert=system")).toEqual({ rejectUnauthorized: true });
  });

  it("adds a client certificate and key", () => {
    expect(optionsFor("?sslmode=verify-full&sslcert=/client.pem&sslkey=/client.key")).toEqual({
      rejectUnauthorized: true,
      cert: "CERT",
      key: "KEY",
    });
  });

  it("names the parameter and path of a file it cannot read", () => {
    expect(() => optionsFor("?sslmode=verify-ca&sslrootcert=/missing.pem")).toThrow(
      "DATABASE_URL's sslrootcert file /missing.pem cannot be read (ENOENT)",
    );
  });
});
