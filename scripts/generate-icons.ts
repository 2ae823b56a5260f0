// `npx tsx scripts/generate-icons.ts`: writes the app's icons from the mark in lib/site/brand.ts.
// The outputs are committed (app/icon.svg, app/apple-icon.png, app/favicon.ico, public/icons/*);
// run this again only when the mark or its colours change.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { markSvg } from "../lib/site/brand";

const root = path.resolve(import.meta.dirname, "..");

async function png(svg: string, size: number): Promise<Buffer> {
  // Rendered at the target size (not scaled from another PNG), so every size is sharp.
  return sharp(Buffer.from(svg), { density: (72 * size) / 32 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/** An .ico holding PNG images (allowed since Windows Vista; every current browser reads it). */
function ico(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  const entries: Buffer[] = [];
  let offset = 6 + 16 * images.length;
  for (const { size, data } of images) {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    entries.push(entry);
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)]);
}

function write(relative: string, data: string | Buffer): void {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, data);
  console.log(`wrote ${relative} (${data.length.toLocaleString("en-US")} bytes)`);
}

const rounded = markSvg();
// Platforms that crop icons themselves (Android's masks, iOS's rounded corners) get a full square;
// maskable icons keep the bubble inside the safe zone.
const square = markSvg({ shape: "square", glyphScale: 0.86 });
const maskable = markSvg({ shape: "square", glyphScale: 0.72 });

write("app/icon.svg", `${rounded}\n`);
write("app/apple-icon.png", await png(square, 180));
write(
  "app/favicon.ico",
  ico([
    { size: 16, data: await png(rounded, 16) },
    { size: 32, data: await png(rounded, 32) },
    { size: 48, data: await png(rounded, 48) },
  ]),
);
write("public/icons/icon-192.png", await png(rounded, 192));
write("public/icons/icon-512.png", await png(rounded, 512));
write("public/icons/icon-maskable-512.png", await png(maskable, 512));
