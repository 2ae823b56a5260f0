// What DATABASE_URL's sslmode means for node-postgres: the `ssl` option of a pg Pool or Client,
// following libpq's semantics (https://www.postgresql.org/docs/current/libpq-ssl.html).
import { readFileSync } from "node:fs";
import type { ConnectionOptions } from "node:tls";
import type { PgConnection } from "./connection";

/**
 * pg's `ssl` option for `c`, by sslmode (files are read now; a missing one throws, naming it):
 * - none: undefined, so pg decides (PGSSLMODE, else no TLS); disable: false, whatever PGSSLMODE says;
 * - allow, prefer, require: TLS without verifying (pg cannot fall back to plain text as libpq would); as in libpq,
 *   require with an sslrootcert verifies the chain;
 * - verify-ca: the chain must lead to sslrootcert (or the system CAs); verify-full: also the host name.
 */
export function pgSslOptions(
  c: PgConnection,
  readFile: (path: string) => Buffer | string = readFileSync,
): ConnectionOptions | false | undefined {
  if (c.sslmode === undefined) return undefined;
  if (c.sslmode === "disable") return false;

  const read = (param: "sslrootcert" | "sslcert" | "sslkey", path: string) => {
    try {
      return readFile(path);
    } catch (error) {
      const reason = error instanceof Error && "code" in error ? String(error.code) : String(error);
      throw new Error(`DATABASE_URL's ${param} file ${path} cannot be read (${reason})`);
    }
  };
  const options: ConnectionOptions = {};
  // "system" (libpq 16) means the system's CAs: Node's own store, which is also what applies
  // when no sslrootcert is given (libpq would look for ~/.postgresql/root.crt instead).
  if (c.sslrootcert && c.sslrootcert !== "system") options.ca = read("sslrootcert", c.sslrootcert);
  if (c.sslcert) options.cert = read("sslcert", c.sslcert);
  if (c.sslkey) options.key = read("sslkey", c.sslkey);

  const verifyChain =
    c.sslmode === "verify-ca" ||
    c.sslmode === "verify-full" ||
    (c.sslmode === "require" && c.sslrootcert !== undefined);
  if (!verifyChain) return { ...options, rejectUnauthorized: false };
  if (c.sslmode === "verify-full") return { ...options, rejectUnauthorized: true };
  // verify-ca: Node checks the host name in checkServerIdentity; the chain is still checked.
  return { ...options, rejectUnauthorized: true, checkServerIdentity: () => undefined };
}
