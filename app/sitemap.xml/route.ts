// /sitemap.xml: the sitemap index, listing the sitemap files (app/sitemaps/sitemap.ts) that today's rooms
// and topics fill. robots.txt points here, so crawlers find every file however many there are.
import { errorResponse } from "@/lib/errors";
import { sitemapFileIds } from "@/lib/site/sitemap";
import { absoluteUrl } from "@/lib/site/urls";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  let ids: Awaited<ReturnType<typeof sitemapFileIds>>;
  try {
    ids = await sitemapFileIds();
  } catch (error) {
    // A database outage is a 503 with Retry-After, which crawlers understand as "come back later".
    return errorResponse(error);
  }
  const files = ids.map((id) => `<sitemap><loc>${absoluteUrl(`/sitemaps/sitemap/${id}.xml`)}</loc></sitemap>`);
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${files.join("\n")}\n</sitemapindex>\n`;
  return new Response(xml, {
    headers: {
      "Content-Type": "application/xml; charset=utf-8",
      "Cache-Control": "public, max-age=0, must-revalidate",
    },
  });
}
