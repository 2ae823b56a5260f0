// sslmode in DATABASE_URL against a real TLS handshake: a stand-in PostgreSQL server that
// accepts SSLRequest, completes TLS with a self-signed certificate for "localhost" and then
// refuses the login with a message of its own. Reaching that message means the client accepted
// the certificate; a TLS error means it refused it. The certificate comes from openssl.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import tls from "node:tls";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDatabaseUrl } from "@/lib/db/connection";
import { pgSslOptions } from "@/lib/db/ssl-options";

const SSL_REQUEST_CODE = 80877103;
const ACCEPTED = "stand-in server: TLS accepted";

let dir: string;
let certFile: string;
/** A certificate that did not sign the server's: trusting only it must fail. */
let otherCertFile: string;
let server: net.Server;
let port: number;

function haveOpenssl(): boolean {
  try {
    execFileSync("openssl", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** An ErrorResponse message: severity, code and text, as a server sends when it refuses a login. */
function errorResponse(message: string): Buffer {
  const fields = Buffer.concat([Buffer.from(`SFATAL\0C28000\0M${message}\0`), Buffer.from([0])]);
  const header = Buffer.alloc(5);
  header.write("E", 0);
  header.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([header, fields]);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "roomful-tls-"));
  certFile = path.join(dir, "server.crt");
  const keyFile = path.join(dir, "server.key");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "1",
      "-keyout",
      keyFile,
      "-out",
      certFile,
      "-subj",
      "/CN=localhost",
      "-addext",
      "subjectAltName=DNS:localhost",
    ],
    { stdio: "ignore" },
  );
  otherCertFile = path.join(dir, "other.crt");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "1",
      "-keyout",
      path.join(dir, "other.key"),
      "-out",
      otherCertFile,
      "-subj",
      "/CN=localhost",
      "-addext",
      "subjectAltName=DNS:localhost",
    ],
    { stdio: "ignore" },
  );
  const key = readFileSync(keyFile);
  const cert = readFileSync(certFile);

  server = net.createServer((socket) => {
    socket.once("data", (first) => {
      if (first.length < 8 || first.readInt32BE(4) !== SSL_REQUEST_CODE) return socket.destroy();
      socket.write("S");
      const secure = new tls.TLSSocket(socket, { isServer: true, key, cert });
      secure.on("error", () => secure.destroy());
      // The startup message arrives only after the client accepted the certificate.
      secure.once("data", () => secure.end(errorResponse(ACCEPTED)));
    });
    socket.on("error", () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, resolve));
  port = (server.address() as net.AddressInfo).port;
}, 30_000);

afterAll(() => {
  server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** What connecting with `url`'s TLS settings ends in: the stand-in's refusal, or a TLS error. */
async function connect(host: string, query: string): Promise<string> {
  const url = `postgresql://app@${host}:${port}/roomful${query.replace("OTHER", encodeURIComponent(otherCertFile)).replace("CERT", encodeURIComponent(certFile))}`;
  const c = parseDatabaseUrl(url);
  const client = new pg.Client({
    host: c.host,
    port: c.port,
    user: c.user,
    database: c.database,
    ssl: pgSslOptions(c),
    connectionTimeoutMillis: 5_000,
  });
  client.on("error", () => undefined);
  try {
    await client.connect();
    return "connected";
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

describe.skipIf(!haveOpenssl())("sslmode against a TLS server with a self-signed certificate for localhost", () => {
  it("require encrypts without checking the certificate (libpq's meaning)", async () => {
    expect(await connect("127.0.0.1", "?sslmode=require")).toBe(ACCEPTED);
  });

  it("verify-ca refuses a certificate no trusted CA signed", async () => {
    expect(await connect("localhost", "?sslmode=verify-ca")).toMatch(/self[- ]signed certificate/);
  });

  it("verify-ca accepts it with sslrootcert, whatever host name was used, and not with another CA", async () => {
    expect(await connect("127.0.0.1", "?sslmode=verify-ca&sslrootcert=CERT")).toBe(ACCEPTED);
    expect(await connect("localhost", "?sslmode=verify-ca&sslrootcert=OTHER")).not.toBe(ACCEPTED);
  });

  it("verify-full also needs the certificate to name the host", async () => {
    expect(await connect("127.0.0.1", "?sslmode=verify-full&sslrootcert=CERT")).toMatch(
      /does not match certificate's altnames/,
    );
    expect(await connect("localhost", "?sslmode=verify-full&sslrootcert=CERT")).toBe(ACCEPTED);
  });

  it("require with sslrootcert checks the chain, as libpq does", async () => {
    expect(await connect("127.0.0.1", "?sslmode=require&sslrootcert=CERT")).toBe(ACCEPTED);
    expect(await connect("127.0.0.1", "?sslmode=require&sslrootcert=OTHER")).toMatch(
      /self[- ]signed certificate|unable to verify|signature/,
    );
  });
});
