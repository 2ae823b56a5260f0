// Routes and UI stay in small files with one job each: a file in app/ or components/ that grows past
// the limit is a sign it holds two jobs, and this fails until it is split (README, "Architecture").
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const MAX_LINES = 250;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(ROOT, dir), { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
}

describe("file size", () => {
  it.each(["app", "components"])(`keeps every source file in %s/ at ${MAX_LINES} lines or fewer`, async (dir) => {
    const files = await sourceFiles(dir);
    expect(files.length).toBeGreaterThan(10);
    const long: string[] = [];
    for (const file of files) {
      const lines = (await readFile(path.join(ROOT, file), "utf8")).split("\n").length - 1;
      if (lines > MAX_LINES) long.push(`${file}: ${lines} lines`);
    }
    expect(long).toEqual([]);
  });
});
