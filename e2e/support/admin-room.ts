// Helpers for the in-room moderation specs: a member of any role signed in (by cookie) in a
// browser context of their own (with a viewport and time zone when asked), a post straight to the
// chat API, and a mute's end as the member's browser words it.
import { randomUUID } from "node:crypto";
import type { APIResponse, Browser, BrowserContext, Page } from "@playwright/test";
import { signInByCookie, type Member } from "./members";
import { sql } from "./services";

export interface Side {
  member: Member;
  context: BrowserContext;
  page: Page;
}

/** `member` signed in, in a new context. */
export async function sideOf(
  browser: Browser,
  baseURL: string,
  member: Member,
  options: { viewport?: { width: number; height: number }; timezoneId?: string; isMobile?: boolean } = {},
): Promise<Side> {
  const context = await browser.newContext({
    baseURL,
    viewport: options.viewport,
    timezoneId: options.timezoneId,
    isMobile: options.isMobile,
    hasTouch: options.isMobile,
  });
  await signInByCookie(context, baseURL, member);
  return { member, context, page: await context.newPage() };
}

/** POST /api/rooms/<slug>/messages as the context's member, as a script (not the UI) would. */
export function postThroughApi(page: Page, slug: string, body: string): Promise<APIResponse> {
  return page.context().request.post(`/api/rooms/${slug}/messages`, { data: { body, clientKey: randomUUID() } });
}

/** The stored end of the member's mute (or ban) in the room. */
export async function restrictionUntil(roomId: string, userId: string, kind: "MUTE" | "BAN"): Promise<Date | null> {
  // Prisma stores UTC in "timestamp without time zone": read it as epoch milliseconds, whatever
  // the time zone of this process.
  const [row] = await sql<{ ms: string | null }>(
    `SELECT (extract(epoch FROM until AT TIME ZONE 'UTC') * 1000)::bigint::text AS ms FROM "RoomRestriction" WHERE "roomId" = $1 AND "userId" = $2 AND kind = $3::"RestrictionKind"`,
    [roomId, userId, kind],
  );
  return row?.ms ? new Date(Number(row.ms)) : null;
}

/** "19:45" for `date` in `timeZone`: the clock part of how the room page says a mute's end. */
export function clockIn(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(
    date,
  );
}

/**
 * A moment as the room page words an "until" in `timeZone`: the clock time today ("00:04"), with the day when it falls
 * on another day there ("7 Dec, 00:04"), as a mute set shortly before midnight in the member's zone does.
 */
export function untilIn(date: Date, timeZone: string, now = new Date()): string {
  const day = (d: Date) => new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short" }).format(d);
  return day(date) === day(now) ? clockIn(date, timeZone) : `${day(date)}, ${clockIn(date, timeZone)}`;
}

/** The room's stored, not deleted messages. */
export async function liveMessageCount(roomId: string): Promise<number> {
  const [row] = await sql<{ n: string }>(
    `SELECT count(*) AS n FROM "Message" WHERE "roomId" = $1 AND "deletedAt" IS NULL`,
    [roomId],
  );
  return Number(row?.n ?? 0);
}
