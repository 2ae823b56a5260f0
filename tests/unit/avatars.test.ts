// Avatar processing: the real format is read from the bytes (not the name or declared type),
// oversized and foreign files are refused with a clear message, and what is stored is always a
// 256×256 WebP square cut from the centre, without the upload's metadata.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { processAvatar, sniffAvatarFormat } from "@/lib/avatars";
import { AppError } from "@/lib/errors";
import { AVATAR_MAX_BYTES, AVATAR_SIZE } from "@/lib/validation/profile";

function solid(width: number, height: number, colour = { r: 200, g: 40, b: 90 }) {
  return sharp({ create: { width, height, channels: 3, background: colour } });
}

/** Left half red, right half blue: shows which part of a wide picture survives the crop. */
async function splitImage(width: number, height: number): Promise<Buffer> {
  const half = await solid(width / 2, height, { r: 0, g: 0, b: 255 })
    .png()
    .toBuffer();
  return solid(width, height, { r: 255, g: 0, b: 0 })
    .composite([{ input: half, left: width / 2, top: 0 }])
    .png()
    .toBuffer();
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("sniffAvatarFormat", () => {
  it("reads PNG, JPEG and WebP from the bytes", async () => {
    expect(await sniffAvatarFormat(await solid(20, 20).png().toBuffer())).toBe("png");
    expect(await sniffAvatarFormat(await solid(20, 20).jpeg().toBuffer())).toBe("jpeg");
    expect(await sniffAvatarFormat(await solid(20, 20).webp().toBuffer())).toBe("webp");
  });

  it("refuses other images by what they are, whatever they claim to be", async () => {
    const gif = await rejection(sniffAvatarFormat(await solid(20, 20).gif().toBuffer()));
    expect(gif).toMatchObject({ status: 415, code: "unsupported:avatar" });
    expect(gif.message).toMatch(/GIF.*PNG, JPEG or WebP/);

    const svg = new TextEncoder().encode(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
    );
    expect(await rejection(sniffAvatarFormat(svg))).toMatchObject({
      status: 415,
      message: expect.stringContaining("SVG"),
    });
  });

  it("refuses files that are not images at all, and empty files", async () => {
    const text = new TextEncoder().encode("definitely not a picture, even if it is called photo.png");
    expect(await rejection(sniffAvatarFormat(text))).toMatchObject({
      status: 415,
      message: "This file is not an image we can use. Upload a PNG, JPEG or WebP image.",
    });
    // A PNG signature followed by garbage is not a PNG either.
    const fake = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
    expect(await rejection(sniffAvatarFormat(fake))).toMatchObject({ status: 415 });
    expect(await rejection(sniffAvatarFormat(new Uint8Array()))).toMatchObject({ status: 400 });
  });

  it("refuses a small file that decodes to a huge picture (decompression bomb)", async () => {
    // 8000×8000 of one colour: a 190 KB PNG that would take 192 MB to decode.
    const bomb = await solid(8000, 8000).png({ compressionLevel: 9 }).toBuffer();
    expect(bomb.byteLength).toBeLessThan(AVATAR_MAX_BYTES);
    expect(await rejection(sniffAvatarFormat(bomb))).toMatchObject({
      status: 422,
      message: expect.stringContaining("megapixels"),
    });
  });

  it("refuses anything over 2 MB before decoding it", async () => {
    const error = await rejection(sniffAvatarFormat(new Uint8Array(AVATAR_MAX_BYTES + 1)));
    expect(error).toMatchObject({ status: 413, code: "too_large:avatar" });
    expect(error.message).toMatch(/at most 2 MB; this one is 2\.0 MB/);
  });
});

describe("processAvatar", () => {
  it("turns a wide PNG into a 256×256 WebP cut from the centre", async () => {
    const result = await processAvatar(await splitImage(1024, 512));
    expect(result.mimeType).toBe("image/webp");
    expect(result.sourceFormat).toBe("png");
    const meta = await sharp(result.data).metadata();
    expect(meta).toMatchObject({ format: "webp", width: AVATAR_SIZE, height: AVATAR_SIZE });

    // Cover + centre: the middle 512×512 of the 1024×512 picture, so red on the left, blue on the right.
    const { data, info } = await sharp(result.data).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => {
      const i = (y * info.width + x) * info.channels;
      return { r: data[i] ?? 0, g: data[i + 1] ?? 0, b: data[i + 2] ?? 0 };
    };
    expect(pixel(20, 128).r).toBeGreaterThan(200);
    expect(pixel(20, 128).b).toBeLessThan(60);
    expect(pixel(236, 128).b).toBeGreaterThan(200);
    expect(pixel(236, 128).r).toBeLessThan(60);
  });

  it("enlarges small pictures and accepts JPEG and WebP too", async () => {
    for (const input of [await solid(40, 90).jpeg().toBuffer(), await solid(300, 300).webp().toBuffer()]) {
      const meta = await sharp((await processAvatar(input)).data).metadata();
      expect(meta).toMatchObject({ format: "webp", width: 256, height: 256 });
    }
  });

  it("drops the upload's metadata (camera, location) and applies its rotation", async () => {
    // 400×200 stored sideways with EXIF orientation 6 (rotate 90°), plus a comment-like field.
    const jpeg = await solid(400, 200)
      .jpeg()
      .withExif({ IFD0: { Orientation: "6", Artist: "Someone Private" } })
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const out = await sharp((await processAvatar(jpeg)).data).metadata();
    expect(out.exif).toBeUndefined();
    expect(out.orientation).toBeUndefined();
    expect(out).toMatchObject({ width: 256, height: 256 });
  });

  it("accepts a real image just under the limit", async () => {
    // Random pixels do not compress: about 1.9 MB of PNG.
    const noise = Buffer.alloc(790 * 790 * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
    const png = await sharp(noise, { raw: { width: 790, height: 790, channels: 3 } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(png.byteLength).toBeGreaterThan(1.5 * 1024 * 1024);
    expect(png.byteLength).toBeLessThanOrEqual(AVATAR_MAX_BYTES);
    const meta = await sharp((await processAvatar(png)).data).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 256, height: 256 });
  });
});
