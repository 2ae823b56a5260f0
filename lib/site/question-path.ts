// A question's public page, /rooms/<slug>/questions/<id>: one place for the path the panel, the site search, the
// sitemap and the page itself use. Browser-safe.

export function questionPath(slug: string, messageId: number): string {
  return `/rooms/${encodeURIComponent(slug)}/questions/${messageId}`;
}
