// The room search's limit (GET /api/rooms?q= and the home page's search box): per member when signed in, else per
// IP. Only searches count: browsing the feed or a topic without `q` reads cheap indexes and is never refused.
import "server-only";
import { enforce } from "../auth/rate-limit";
import { clientIpFrom } from "../auth/client-ip";

const MESSAGE = "You have searched very often in the last minute.";

/** Counts one search; a 429 AppError once past the limit. */
export async function limitSearch({ user, headers }: { user: { id: string } | null; headers: Headers }): Promise<void> {
  if (user) await enforce("searchMember", user.id, MESSAGE);
  else await enforce("searchIp", clientIpFrom(headers), MESSAGE);
}
