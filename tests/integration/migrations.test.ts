// The committed migrations must apply to an empty database and produce exactly the schema that
// prisma/schema.prisma describes: a model change without its migration fails here.
import { inject, describe, expect, it } from "vitest";
import { applyMigrations, runPrisma, withClient } from "@/scripts/stack/database";
import { createDatabase, uniqueDatabaseName } from "../support/databases";
import { snapshotSchema } from "../support/schema-snapshot";

const stack = inject("stack");

// Partial unique indexes, which Prisma's schema language cannot describe: written by hand in their migrations (the
// schema's comments name them), so they are checked here by name and left out of the comparison with the schema.
const SQL_ONLY_INDEXES = {
  FocusSession_one_running_per_room: '"FocusSession" USING btree ("roomId") WHERE ("endedAt" IS NULL)',
  FocusStint_one_open: '"FocusStint" USING btree ("sessionId", "userId") WHERE ("endedAt" IS NULL)',
  PresenceSpan_one_open: '"PresenceSpan" USING btree ("roomId", "userId") WHERE ("endedAt" IS NULL)',
};
const sqlOnly = (line: string) => Object.keys(SQL_ONLY_INDEXES).some((name) => line.includes(`INDEX "${name}"`));

describe("database migrations", () => {
  it("apply to an empty database and match prisma/schema.prisma exactly", async () => {
    const migrated = await createDatabase(stack.serverUrl, uniqueDatabaseName(stack.databasePrefix));
    await applyMigrations(migrated);

    const status = await runPrisma(["migrate", "status"], migrated);
    expect(status.text).toContain("Database schema is up to date");

    // What the schema file says the database should be, built straight from the datamodel.
    const expected = await createDatabase(stack.serverUrl, uniqueDatabaseName(stack.databasePrefix));
    const diff = await runPrisma(
      ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
      expected,
    );
    expect(diff.ok, diff.text).toBe(true);
    const sql = diff.text.slice(diff.text.indexOf("-- "));
    await withClient(expected, (client) => client.query(sql));

    const [actual, wanted] = await Promise.all([snapshotSchema(migrated), snapshotSchema(expected)]);
    expect(actual.columns.length).toBeGreaterThan(40);
    expect(actual.indexes.filter(sqlOnly)).toEqual(
      Object.entries(SQL_ONLY_INDEXES).map(([name, on]) => `CREATE UNIQUE INDEX "${name}" ON public.${on}`),
    );
    expect({ ...actual, indexes: actual.indexes.filter((line) => !sqlOnly(line)) }).toEqual(wanted);
  });

  it("create the sequence that numbers reaction changes (SQL only, like the partial indexes)", async () => {
    const rows = await withClient(process.env.DATABASE_URL ?? "", (client) =>
      client.query<{ name: string }>(`SELECT sequence_name AS name FROM information_schema.sequences`),
    );
    expect(rows.rows.map((row) => row.name)).toContain("ReactionChange_seq");
  });

  it("enable pg_trgm and create the trigram indexes search relies on", async () => {
    const snapshot = await snapshotSchema(process.env.DATABASE_URL ?? "");
    expect(snapshot.extensions).toContain("pg_trgm");
    const trigram = snapshot.indexes.filter((line) => line.includes("gin_trgm_ops"));
    expect(trigram.map((line) => /INDEX "(\w+)"/.exec(line)?.[1])).toEqual(
      expect.arrayContaining([
        "Room_name_trgm_idx",
        "Room_description_trgm_idx",
        "Topic_name_trgm_idx",
        "User_username_trgm_idx",
        "User_name_trgm_idx",
      ]),
    );
  });
});
