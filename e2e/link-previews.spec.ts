// Link previews and install: OpenGraph and Twitter cards on rooms, profiles and topics (absolute
// URLs on APP_URL, nothing private), the room's generated picture, the web app manifest and its
// icons, robots.txt and the sitemaps. HTTP only, fetched as a link-preview crawler would.
import { expect, test, type APIRequestContext, type APIResponse } from "./support/test";
import { E2E_PORT } from "./support/e2e-config";
import { createMember, createRoom, sessionCookie } from "./support/members";
import { sql } from "./support/services";

/** The global setup starts the app with this APP_URL. */
const APP_URL = `http://127.0.0.1:${E2E_PORT}`;

/** Next puts metadata in <head> before streaming for crawlers it knows; this is one of them. */
const CRAWLER = { "User-Agent": "Mozilla/5.0 (compatible; Twitterbot/1.0)" };

function decode(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** The <head>'s meta tags by property or name (og:title, twitter:card, description, robots …). */
function metaOf(html: string): Map<string, string> {
  const head = html.slice(0, html.indexOf("</head>"));
  expect(head.length, "the page has a <head>").toBeGreaterThan(0);
  const tags = new Map<string, string>();
  for (const [tag] of head.matchAll(/<meta\b[^>]*>/g)) {
    const key = /\b(?:property|name)="([^"]+)"/.exec(tag)?.[1];
    const content = /\bcontent="([^"]*)"/.exec(tag)?.[1];
    if (key && content !== undefined && !tags.has(key)) tags.set(key, decode(content));
  }
  return tags;
}

async function page(
  request: APIRequestContext,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; html: string; meta: Map<string, string> }> {
  const response = await request.get(path, { headers: { ...CRAWLER, ...headers }, maxRedirects: 0 });
  const html = await response.text();
  return { status: response.status(), html, meta: metaOf(html) };
}

/** The path of an absolute URL on APP_URL (which must be where it points). */
function onApp(url: string | undefined): string {
  expect(url, "an absolute URL on APP_URL").toMatch(new RegExp(`^${APP_URL.replace(/[.]/g, "\\.")}/`));
  return url!.slice(APP_URL.length);
}

/** Width and height from a PNG's IHDR chunk (after checking the signature). */
function pngSize(body: Buffer): { width: number; height: number } {
  expect(
    body.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
    "a PNG signature",
  ).toBe(true);
  expect(body.toString("latin1", 12, 16)).toBe("IHDR");
  return { width: body.readUInt32BE(16), height: body.readUInt32BE(20) };
}

async function png(
  request: APIRequestContext,
  path: string,
): Promise<{ response: APIResponse; size: { width: number; height: number } }> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/png");
  return { response, size: pngSize(await response.body()) };
}

test("a room previews its name, description and its own picture, on APP_URL", async ({ request }) => {
  const host = await createMember({ prefix: "ogh" });
  // Emoji and a script the image font lacks: the page keeps them, the picture leaves them out
  // instead of downloading fonts (there is no network here, nor need there be in production).
  const room = await createRoom({ hostId: host.id, name: `Café ☕ 日本語 previews ${Date.now().toString(36)}` });
  const { status, html, meta } = await page(request, `/rooms/${room.slug}`);
  expect(status).toBe(200);

  expect(meta.get("og:title")).toBe(room.name);
  expect(meta.get("og:description")).toBe(`A room for the ${room.name} spec.`);
  expect(meta.get("description")).toBe(`A room for the ${room.name} spec.`);
  expect(meta.get("og:url")).toBe(`${APP_URL}/rooms/${room.slug}`);
  expect(meta.get("og:site_name")).toBe("Roomful");
  expect(meta.get("og:type")).toBe("website");
  expect(meta.get("twitter:card")).toBe("summary_large_image");
  expect(meta.get("twitter:title")).toBe(room.name);
  expect(meta.get("og:image:width")).toBe("1200");
  expect(meta.get("og:image:height")).toBe("630");
  const image = onApp(meta.get("og:image"));
  expect(image).toMatch(new RegExp(`^/rooms/${room.slug}/opengraph-image`));
  expect(meta.get("twitter:image")).toBe(meta.get("og:image"));
  expect(html).toContain(`<link rel="canonical" href="${APP_URL}/rooms/${room.slug}"/>`);
  // Nothing private: not the host's email, anywhere in the page.
  expect(html).not.toContain(host.email);

  const { response, size } = await png(request, image);
  expect(size).toEqual({ width: 1200, height: 630 });
  expect(response.headers()["cache-control"]).toContain("max-age=600");

  // The same picture route for a room that does not exist: a 404 that no cache keeps.
  const missing = await request.get(image.replace(room.slug, "no-such-room-anywhere"));
  expect(missing.status()).toBe(404);
  expect(missing.headers()["cache-control"]).toBe("no-store");
});

test("a missing room has the not-found preview, and no picture", async ({ request }) => {
  const { status, meta } = await page(request, "/rooms/no-such-room-anywhere");
  expect(status).toBe(404);
  // The not-found page's preview (app/not-found.tsx): nothing about what was asked for.
  expect(meta.get("og:title")).toBe("Page not found");
  expect(meta.get("robots")).toContain("noindex");
  expect(meta.has("og:url")).toBe(false);
  expect(meta.has("og:image")).toBe(false);
});

test("a profile previews its name and bio to signed-in members, never the email", async ({ request }) => {
  const member = await createMember({ prefix: "ogp", bio: "Learning Rust one borrow at a time." });
  const viewer = await createMember({ prefix: "ogv" });
  const cookie = await sessionCookie(viewer);
  const { status, html, meta } = await page(request, `/u/${member.username}`, {
    Cookie: `${cookie.name}=${cookie.value}`,
  });
  expect(status).toBe(200);
  expect(meta.get("og:title")).toBe(`${member.name} (@${member.username})`);
  expect(meta.get("og:description")).toBe("Learning Rust one borrow at a time.");
  expect(meta.get("og:type")).toBe("profile");
  expect(meta.get("profile:username")).toBe(member.username);
  expect(meta.get("og:url")).toBe(`${APP_URL}/u/${member.username}`);
  expect(meta.get("twitter:card")).toBe("summary_large_image");
  // Members only: kept out of search indexes, with the site's picture.
  expect(meta.get("robots")).toContain("noindex");
  expect(onApp(meta.get("og:image"))).toMatch(/^\/opengraph-image/);
  expect(html).not.toContain(member.email);

  const missing = await page(request, "/u/nobody_by_this_name", { Cookie: `${cookie.name}=${cookie.value}` });
  expect(missing.status).toBe(404);
  expect(missing.meta.get("og:title")).toBe("Member not found");
});

test("a topic previews its room count; the home page and /topics preview the site, with its picture", async ({
  request,
}) => {
  // A topic of this test's own, so that other specs' rooms do not move its count.
  const suffix = Date.now().toString(36);
  const [topicRow] = await sql<{ id: string }>(
    `INSERT INTO "Topic" (id, name, slug, "roomCount") VALUES ($1, $2, $3, 2) RETURNING id`,
    [`e2etopic${suffix}`, `Previews ${suffix}`, `previews-${suffix}`],
  );
  for (const n of [1, 2]) {
    await sql(`INSERT INTO "Room" (id, name, slug, "topicId", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [
      `e2eroom${suffix}${n}`,
      `Preview topic room ${n}`,
      `preview-topic-room-${suffix}-${n}`,
      topicRow!.id,
    ]);
  }
  const topic = await page(request, `/?topic=previews-${suffix}`);
  expect(topic.status).toBe(200);
  expect(topic.meta.get("og:title")).toBe(`Previews ${suffix} rooms`);
  expect(topic.meta.get("og:description")).toMatch(new RegExp(`^2 rooms about Previews ${suffix} on Roomful`));
  expect(topic.meta.get("og:url")).toBe(`${APP_URL}/?topic=previews-${suffix}`);
  expect(topic.meta.get("twitter:card")).toBe("summary_large_image");

  const home = await page(request, "/");
  expect(home.meta.get("og:title")).toBe("Roomful: topic rooms with live chat");
  // Next writes the root URL without its slash.
  expect(home.meta.get("og:url")).toBe(APP_URL);
  const topics = await page(request, "/topics");
  expect(topics.meta.get("og:title")).toBe("Topics");
  expect(topics.meta.get("og:url")).toBe(`${APP_URL}/topics`);

  const image = onApp(home.meta.get("og:image"));
  expect(onApp(topic.meta.get("og:image"))).toBe(image);
  expect(onApp(topics.meta.get("og:image"))).toBe(image);
  expect(home.meta.get("twitter:image")).toBe(home.meta.get("og:image"));
  expect((await png(request, image)).size).toEqual({ width: 1200, height: 630 });

  expect((await page(request, "/?topic=no-such-topic")).meta.get("og:title")).toBe("Topic not found");
});

test("the web app manifest and its icons are real PNGs of the sizes it states", async ({ request }) => {
  const home = await request.get("/");
  const html = await home.text();
  expect(html).toContain('<link rel="manifest" href="/manifest.webmanifest"');
  expect(html).toMatch(/<link rel="icon" href="\/icon\.svg[^"]*"[^>]* type="image\/svg\+xml"/);
  expect(html).toMatch(/<link rel="apple-touch-icon" href="\/apple-icon\.png[^"]*"/);

  const response = await request.get("/manifest.webmanifest");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/manifest+json");
  const manifest = (await response.json()) as {
    name: string;
    short_name: string;
    display: string;
    start_url: string;
    theme_color: string;
    background_color: string;
    icons: Array<{ src: string; sizes: string; type: string; purpose?: string }>;
  };
  expect(manifest).toMatchObject({
    short_name: "Roomful",
    display: "standalone",
    start_url: "/",
    theme_color: "#ffffff",
    background_color: "#f8fafc",
  });
  expect(manifest.name).toContain("Roomful");
  expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  expect(manifest.icons.some((i) => i.purpose === "maskable")).toBe(true);
  for (const icon of manifest.icons) {
    const [width, height] = icon.sizes.split("x").map(Number);
    expect(icon.type).toBe("image/png");
    expect((await png(request, icon.src)).size, icon.src).toEqual({ width, height });
  }
  expect((await png(request, "/apple-icon.png")).size).toEqual({ width: 180, height: 180 });
  expect((await request.get("/icon.svg")).headers()["content-type"]).toContain("image/svg+xml");
  expect((await request.get("/favicon.ico")).status()).toBe(200);
});

test("robots.txt lets crawlers read public pages, not private ones, and names the sitemap on APP_URL", async ({
  request,
}) => {
  const response = await request.get("/robots.txt");
  expect(response.status()).toBe(200);
  const lines = (await response.text()).split("\n");
  expect(lines).toContain("User-Agent: *");
  expect(lines).toContain("Allow: /");
  for (const path of [
    "/admin",
    "/api/",
    "/settings",
    "/activity",
    "/login",
    "/register",
    "/verify-email",
    "/forgot-password",
    "/reset-password",
  ]) {
    expect(lines).toContain(`Disallow: ${path}`);
  }
  expect(lines).toContain(`Sitemap: ${APP_URL}/sitemap.xml`);
});

test("the sitemap lists the home page, topics and public rooms on APP_URL, and nothing private", async ({
  request,
}) => {
  const host = await createMember({ prefix: "smh" });
  const room = await createRoom({ hostId: host.id, name: "Sitemap spec room" });

  const index = await request.get("/sitemap.xml");
  expect(index.status()).toBe(200);
  expect(index.headers()["content-type"]).toContain("xml");
  const indexXml = await index.text();
  expect(indexXml).toContain("<sitemapindex");
  const files = [...indexXml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => onApp(m[1]));
  expect(files[0]).toBe("/sitemaps/sitemap/0.xml");

  let xml = "";
  for (const file of files) {
    const response = await request.get(file);
    expect(response.status(), file).toBe(200);
    const text = await response.text();
    expect(text).toContain("<urlset");
    xml += text;
  }
  const urls = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => decode(m[1]!));
  // Rooms carry their last activity.
  expect(xml).toMatch(new RegExp(`<loc>${APP_URL}/rooms/rust-beginners</loc>\\s*<lastmod>\\d{4}-\\d{2}-\\d{2}T`));
  expect(urls).toContain(`${APP_URL}/`);
  expect(urls).toContain(`${APP_URL}/topics`);
  expect(urls).toContain(`${APP_URL}/?topic=python`);
  expect(urls).toContain(`${APP_URL}/rooms/rust-beginners`);
  expect(urls).toContain(`${APP_URL}/rooms/${room.slug}`);
  for (const url of urls) {
    onApp(url);
    expect(url).not.toMatch(/\/(admin|api|settings|activity|u)\//);
  }
  expect((await request.get("/sitemaps/sitemap/999.xml")).status()).toBe(404);
});
