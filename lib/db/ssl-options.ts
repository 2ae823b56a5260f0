// What DATABASE_URL's sslmode means for node-postgres: the `ssl` option of a pg Pool or Client,
// following libpq's semantics (https://www.postgresql.org/docs/current/libpq-ssl.html).
import { readFileSync } from "node:fs";
import type { ConnectionOptions } from "node:tls";
import type { PgConnection } from "./connection";

/**
 * pg's `ssl` option for `c`:
 * - no sslmode: undefined, so pg decides as it always has (PGSSLMODE, else no TLS);
 * - disable: false (no TLS, whatever PGSSLMODE says);
 * - allow, prefer, require: TLS without checking the certificate. That is libpq's meaning of
 *   require; allow and prefer would fall back to plain text in libpq, which pg cannot do, so here
 *   they insist on TLS. As in libpq, require with an sslrootcert verifies the chain (verify-ca);
 * - verify-ca: the chain must lead to sslrootcert (or the system CAs); the host name is not checked;
 * - verify-full: the chain as verify-ca, and the certificate must name the host we connect to.
 * sslcert/sslkey add a client certificate. Files are read now: a missing one throws, naming it.
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
