// The site's public address (APP_URL), read at run time so that one build serves any domain:
// metadataBase, robots.txt, the sitemaps and preview images build their absolute URLs here.
import "server-only";
import { env } from "../env";

export function siteUrl(): URL {
  return new URL(env().APP_URL);
}

/** `path` (starting with /) on the site, as an absolute URL. */
export function absoluteUrl(path: string): string {
  return new URL(path, env().APP_URL).toString();
}
