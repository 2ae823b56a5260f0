// `npm run db:migrate`: applies pending migrations to DATABASE_URL (production deploys, or a
// database of your own). `npm run dev` and `npm start` do this by themselves.
import { applyMigrations, assertDatabaseReachable } from "./stack/database";
import { StackError } from "./stack/ports";
import { loadDotEnv } from "./stack/load-env";
import { runMain } from "./stack/run-main";

runMain(async () => {
  loadDotEnv();
  const url = process.env.DATABASE_URL;
  if (!url) throw new StackError("DATABASE_URL is not set: it names the database to migrate.");
  await assertDatabaseReachable(url);
  await applyMigrations(url);
  console.log("Database migrations are up to date.");
});
