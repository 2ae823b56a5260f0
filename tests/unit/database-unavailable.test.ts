// lib/db/unavailable.ts: which errors mean "the database is out of reach or too slow" (a 503 and an honest message)
// and which are bugs (a 500). Real errors from pg, pg-pool and Prisma where a dead port or a silent server makes them;
// the server-side codes (timeouts, shutdown) as pg's DatabaseError carries them. And the answers they turn into.
import net from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/db/generated/prisma/client";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { AppError, errorReply } from "@/lib/errors";
import { errorResult } from "@/lib/form-errors";

/** A port nobody listens on (bound, then closed). */
async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function thrown(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
}

/** pg's DatabaseError as the server sends it for `code`. */
function serverError(code: string, message: string): Error {
  return Object.assign(new pg.DatabaseError(message, message.length, "error"), { code, severity: "FATAL" });
}

let refused: number;
// Accepts connections and never answers: a hung server.
const silent = net.createServer(() => undefined);
let silentPort: number;

beforeAll(async () => {
  refused = await deadPort();
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  silentPort = (silent.address() as net.AddressInfo).port;
});
afterAll(async () => {
  silent.close();
});

const settings = (port: number) => ({
  host: "127.0.0.1",
  port,
  user: "u",
  database: "d",
  connectionTimeoutMillis: 300,
});

describe("isDatabaseUnavailable, on real errors", () => {
  it("knows pg's refused connection and its connection timeout", async () => {
    const client = new pg.Client(settings(refused));
    expect(isDatabaseUnavailable(await thrown(() => client.connect()))).toBe(true);
    const hung = new pg.Client(settings(silentPort));
    expect(isDatabaseUnavailable(await thrown(() => hung.connect()))).toBe(true);
  });

  it("knows pg-pool's connection timeout", async () => {
    const pool = new pg.Pool(settings(silentPort));
    expect(isDatabaseUnavailable(await thrown(() => pool.query("SELECT 1")))).toBe(true);
    await pool.end();
  });

  it("knows Prisma's wrapped versions, from a model query, raw SQL and a transaction", async () => {
    const pool = new pg.Pool(settings(refused));
    const db = new PrismaClient({ adapter: new PrismaPg(pool) });
    const errors = [
      await thrown(() => db.user.findFirst()),
      await thrown(() => db.$queryRaw`SELECT 1`),
      await thrown(() => db.$transaction(async (tx) => tx.user.count())),
    ];
    expect(errors.map((error) => (error as { code?: string }).code)).toEqual(["P1001", "P2010", "P1001"]);
    expect(errors.map(isDatabaseUnavailable)).toEqual([true, true, true]);
    await db.$disconnect();
  });
});

describe("isDatabaseUnavailable, on the codes servers and drivers send", () => {
  it.each([
    ["statement timeout", serverError("57014", "canceling statement due to statement timeout")],
    ["admin shutdown", serverError("57P01", "terminating connection due to administrator command")],
    ["crash shutdown", serverError("57P02", "terminating connection due to crash of another server process")],
    ["starting up", serverError("57P03", "the database system is starting up")],
    ["idle in transaction", serverError("25P03", "terminating connection due to idle-in-transaction timeout")],
    ["too many connections", serverError("53300", "sorry, too many clients already")],
    ["connection failure", serverError("08006", "connection failure")],
    ["lost connection", new Error("Connection terminated unexpectedly")],
    ["pg's read timeout", new Error("Query read timeout")],
    ["pool wait", new Error("timeout exceeded when trying to connect")],
    ["reset", Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET", errno: -104, syscall: "read" })],
    ["dual-stack refusal", new AggregateError([Object.assign(new Error("x"), { code: "ECONNREFUSED" })], "connect")],
    ["P1002", Object.assign(new Error("The database server was reached but timed out."), { code: "P1002" })],
    ["P1008", Object.assign(new Error("Operation has timed out"), { code: "P1008" })],
    ["P1017", Object.assign(new Error("Server has closed the connection."), { code: "P1017" })],
    ["initialisation", Object.assign(new Error("cannot start"), { name: "PrismaClientInitializationError" })],
    ["adapter-wrapped timeout", { name: "DriverAdapterError", cause: { kind: "SocketTimeout" } }],
    [
      "raw query with a statement timeout",
      Object.assign(new Error("Raw query failed."), {
        code: "P2010",
        meta: { driverAdapterError: { cause: { kind: "postgres", originalCode: "57014" } } },
      }),
    ],
    ["a cause chain", new Error("send failed", { cause: serverError("57P01", "terminating connection") })],
  ])("%s: unavailable", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["unique violation (P2002)", Object.assign(new Error("Unique constraint failed"), { code: "P2002" })],
    ["unique violation (23505)", serverError("23505", "duplicate key value violates unique constraint")],
    ["bad input (22P02)", serverError("22P02", "invalid input syntax for type uuid")],
    ["wrong password for the database (28P01)", serverError("28P01", "password authentication failed")],
    ["a bug", new TypeError("Cannot read properties of undefined")],
    ["an AppError", new AppError("not_found:room", "Not found.", 404)],
    ["not an error", "Connection terminated"],
    ["nothing", null],
  ])("%s: not an outage", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("stops on a cause cycle", () => {
    const a: { cause?: unknown } = {};
    a.cause = { cause: a };
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});

describe("the answers an outage turns into", () => {
  const outage = new Error("Connection terminated unexpectedly");

  it("is a 503 with Retry-After and our message from every route", () => {
    expect(errorReply(outage)).toEqual({
      status: 503,
      body: {
        error: { code: "unavailable:database", message: "We can't reach our database. Try again in a minute." },
      },
      headers: { "Retry-After": "30" },
    });
    expect(errorReply(new TypeError("bug")).status).toBe(500);
  });

  it("is the same words in a form", () => {
    expect(errorResult(outage)).toEqual({
      code: "unavailable:database",
      message: "We can't reach our database. Try again in a minute.",
      fields: undefined,
    });
  });
});
