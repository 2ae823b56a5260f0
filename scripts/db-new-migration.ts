// `npm run db:new-migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
// with the SQL that takes the committed prisma/schema.prisma (git HEAD) to the working copy.
// The WASM schema engine needs a database connection even for this, so without DATABASE_URL a
// throwaway embedded PostgreSQL is started for the duration.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { withDatabase } from "../lib/db/connection";
import { runPrisma } from "./stack/database";
import { loadDotEnv } from "./stack/load-env";
import { freePort, StackError } from "./stack/ports";
import { startEmbeddedPostgres } from "./stack/postgres";
import { runMain } from "./stack/run-main";

runMain(async () => {
  loadDotEnv(true);
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    throw new StackError("Usage: npm run db:new-migration -- <name> (lower-case letters, digits and _)");
  }
  const work = mkdtempSync(path.join(tmpdir(), "roomful-migration-"));
  chmodSync(work, 0o755); // the embedded server runs as the postgres user
  const previous = path.join(work, "previous.prisma");
  writeFileSync(previous, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { encoding: "utf8" }));

  let server: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
  let url = process.env.DATABASE_URL;
  if (!url) {
    server = await startEmbeddedPostgres({
      dataDir: path.join(work, "pg"),
      port: await freePort(),
      portVariable: "-",
      fast: true,
    });
    url = withDatabase(server.adminUrl, "postgres");
  }
  try {
    const diff = await runPrisma(
      [
        "migrate",
        "diff",
        "--from-schema-datamodel",
        previous,
        "--to-schema-datamodel",
        "prisma/schema.prisma",
        "--script",
      ],
      url,
    );
    if (!diff.ok) throw new StackError(`prisma migrate diff failed:\n${diff.text}`);
    const sql = diff.text.slice(diff.text.indexOf("-- "));
    if (!sql.startsWith("-- ") || sql.includes("This is an empty migration")) {
      throw new StackError("prisma/schema.prisma has no changes against HEAD: nothing to migrate.");
    }
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`Wrote ${dir}/migration.sql; review it, then npm run db:generate.`);
  } finally {
    await server?.stop();
    rmSync(work, { recursive: true, force: true });
  }
});
