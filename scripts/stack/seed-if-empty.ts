// Seeds sample data into an empty database by running prisma/seed.ts in a child process (it
// uses the app's server-only data layer, hence the react-server condition).
import { spawn } from "node:child_process";
import path from "node:path";
import { withClient } from "./database";
import { StackError } from "./ports";

async function hasUsers(url: string): Promise<boolean> {
  const result = await withClient(url, (client) => client.query<{ n: string }>('SELECT count(*) AS n FROM "User"'));
  return Number(result.rows[0]?.n ?? 0) > 0;
}

export function runSeed(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.resolve("node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", path.resolve("prisma/seed.ts")],
      {
        env: { ...process.env, DATABASE_URL: url },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (output += c.toString("utf8")));
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new StackError(`Seeding sample data failed:\n${output}`)),
    );
  });
}

/** Returns true when it seeded. */
export async function seedIfEmpty(url: string): Promise<boolean> {
  if (await hasUsers(url)) return false;
  await runSeed(url);
  return true;
}
