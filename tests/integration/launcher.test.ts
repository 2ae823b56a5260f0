// The local-stack launcher's failure modes: a taken port, a data directory from another
// PostgreSQL major version, an unreachable DATABASE_URL. Each must say what is wrong in plain
// words and leave nothing running.
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { assertDatabaseReachable } from "@/scripts/stack/database";
import { startLocalStack } from "@/scripts/stack/local-stack";
import { freePort, StackError } from "@/scripts/stack/ports";
import { prepareDataDir } from "@/scripts/stack/postgres";

const servers: net.Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

async function occupy(): Promise<number> {
  const port = await freePort();
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(port, resolve));
  servers.push(server);
  return port;
}

function run(script: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", script], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.once("exit", (code) => resolve({ code, output }));
  });
}

async function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once("error", () => resolve(false));
    s.listen(port, "127.0.0.1", () => s.close(() => resolve(true)));
  });
}

describe("npm run dev", () => {
  it("names the taken app port and the variable that moves it, and exits", async () => {
    const port = await occupy();
    const { code, output } = await run("scripts/dev.ts", { PORT: String(port) });
    expect(code).toBe(1);
    expect(output).toContain(`Port ${port} (the app) is already in use`);
    expect(output).toContain("set PORT to another port");
    expect(output).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("says in one line that DATABASE_URL is unreachable", async () => {
    const deadPort = await freePort();
    const { code, output } = await run("scripts/db-migrate.ts", { DATABASE_URL: `postgresql://postgres@127.0.0.1:${deadPort}/roomful` });
    expect(code).toBe(1);
    expect(output).toContain(`Cannot reach the database at 127.0.0.1:${deadPort}/roomful (DATABASE_URL)`);
    expect(output).not.toMatch(/\n\s+at /);
  });
});

describe("startLocalStack", () => {
  it("refuses a taken soketi port before starting anything", async () => {
    const soketiPort = await occupy();
    const smtp = await freePort();
    const mailWeb = await freePort();
    const postgres = await freePort();
    const dataDir = mkdtempSync(path.join(tmpdir(), "roomful-stack-"));
    chmodSync(dataDir, 0o755);
    const attempt = startLocalStack({
      env: {},
      dataDir,
      ports: { postgres, soketi: soketiPort, soketiCluster: await freePort(), smtp, mailWeb },
      databaseName: "roomful",
    });
    await expect(attempt).rejects.toThrow(`Port ${soketiPort} (soketi) is already in use. Stop whatever uses it, or set SOKETI_PORT to another port.`);
    // Nothing else was started.
    expect(await Promise.all([isFree(postgres), isFree(smtp), isFree(mailWeb)])).toEqual([true, true, true]);
  });
});

describe("embedded PostgreSQL data directory", () => {
  it("refuses a cluster from another major version and leaves it untouched", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "roomful-pg-"));
    writeFileSync(path.join(dir, "PG_VERSION"), "15\n");
    writeFileSync(path.join(dir, "precious-data"), "keep me");
    await expect(prepareDataDir(dir)).rejects.toThrow(/created by PostgreSQL 15, but the embedded server is PostgreSQL 18\. Nothing was changed/);
    expect(readdirSync(dir).sort()).toEqual(["PG_VERSION", "precious-data"]);
    expect(readFileSync(path.join(dir, "precious-data"), "utf8")).toBe("keep me");
  });
});

describe("embedded PostgreSQL as root", () => {
  it.runIf(process.getuid?.() === 0)("explains when the postgres user cannot reach the data directory", async () => {
    const closed = mkdtempSync(path.join(tmpdir(), "roomful-closed-"));
    chmodSync(closed, 0o700);
    await expect(prepareDataDir(path.join(closed, "project", ".data", "postgres"))).rejects.toThrow(
      `Embedded PostgreSQL runs as the "postgres" user, which cannot enter ${closed}.`,
    );
  });
});

describe("assertDatabaseReachable", () => {
  it("throws a StackError naming the variable", async () => {
    const port = await freePort();
    const error = await assertDatabaseReachable(`postgresql://x@127.0.0.1:${port}/db`, "TEST_DATABASE_URL").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StackError);
    expect((error as Error).message).toMatch(new RegExp(`^Cannot reach the database at 127.0.0.1:${port}/db \\(TEST_DATABASE_URL\\): .*ECONNREFUSED`));
  });
});
