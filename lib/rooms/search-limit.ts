// The search limits: rooms (GET /api/rooms?q= and the home page's search box) and messages
// (lib/chat/message-search.ts), per member when signed in, else per IP. Only searches count:
// browsing without `q` reads cheap indexes.
import "server-only";
import { enforce } from "../auth/rate-limit";
import { clientIpFrom } from "../auth/client-ip";

const MESSAGE = "You have searched very often in the last minute.";

interface SearchCaller {
  user: { id: string } | null;
  headers: Headers;
}

/** Counts one room search; a 429 AppError once past the limit. */
export async function limitSearch({ user, headers }: SearchCaller): Promise<void> {
  if (user) await enforce("searchMember", user.id, MESSAGE);
  else await enforce("searchIp", clientIpFrom(headers), MESSAGE);
}

/** Counts one message search: a limit of its own, as each reads far more rows than a room search. */
export async function limitMessageSearch({ user, headers }: SearchCaller): Promise<void> {
  if (user) await enforce("messageSearchMember", user.id, MESSAGE);
  else await enforce("messageSearchIp", clientIpFrom(headers), MESSAGE);
}
