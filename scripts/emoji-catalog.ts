// `npx tsx scripts/emoji-catalog.ts`: writes lib/reactions/emoji-catalog.json, the emoji people may react with, from
// emojibase-data. Committed; run again only to change the Unicode version it stops at (tests/unit/emoji-catalog checks
// the file matches this script's output).
import { writeFileSync } from "node:fs";
import path from "node:path";
import { buildEmojiCatalog } from "./emoji-catalog-build";

const file = path.resolve(import.meta.dirname, "../lib/reactions/emoji-catalog.json");
writeFileSync(file, `${JSON.stringify(buildEmojiCatalog())}\n`);
console.log(`wrote ${path.relative(process.cwd(), file)}`);
