// The sitemap files, /sitemaps/sitemap/<n>.xml, each at most 50,000 URLs (lib/site/sitemap.ts says which);
// /sitemap.xml (app/sitemap.xml/route.ts) is their index. They live a folder down because Next serves a
// sitemap.ts at the app root as /sitemap.xml itself, where the index must be. Made per request.
import type { MetadataRoute } from "next";
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import { sitemapFileEntries, sitemapFileIds } from "@/lib/site/sitemap";

export const dynamic = "force-dynamic";

export async function generateSitemaps(): Promise<Array<{ id: string }>> {
  // Next also calls this during `next build` (to pre-render the files); the build has no database
  // to ask, and the files are made per request anyway.
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return [];
  return (await sitemapFileIds()).map((id) => ({ id }));
}

export default async function sitemap({ id }: { id: Promise<string> }): Promise<MetadataRoute.Sitemap> {
  return sitemapFileEntries(Number(await id));
}
