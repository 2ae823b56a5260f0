// Away emails (issue 17 item 3): a mention or reply still unread after AWAY_EMAIL_DELAY_MS goes out by email, batched
// with everything else that waited for the same member. One tick: settle entries no email is due for, find members
// with entries due, and for each, under the lock of their "AwayEmail" row, re-read the entries, send, and mark them in
// the same transaction. Every instance runs ticks (./away-email-worker.ts); the row lock (SKIP LOCKED) makes them share
// the members, so no two send the same batch. A crash while sending rolls the transaction back and another worker
// sends it. One window stays at least once: the SMTP server accepted the mail but the process died (or the database
// went away) before COMMIT; the resent copy carries the same Message-ID, so mail systems can tell it is one.
import "server-only";
import { createHash } from "node:crypto";
import { messageHref } from "../chat/client/jump";
import { findDueMembers, settleUnemailable, withMemberLock, type LockedBatch, type Queryable } from "../db/away-emails";
import { env } from "../env";
import { log } from "../log";
import { awayEmailMail } from "../mail/away-email";
import { sendMail, type MailSender } from "../mail/transport";
import { excerptOf } from "../messages/excerpt";
import { unsubscribeUrls } from "./unsubscribe";

/** Members served per tick, and entries listed per email (the rest wait for the next). */
export const MEMBERS_PER_TICK = 50;
const ENTRIES_PER_EMAIL = 50;
const EXCERPT_CHARS = 200;
/** How long a member's transaction may stay open while its mail is sent (beyond nodemailer's own timeouts). */
const SEND_HOLD_MS = 120_000;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_CAP_MS = 3_600_000;

/** Wait before the retry after `failures` failures in a row: doubling, capped, with jitter in its upper half. */
export function awayEmailBackoffMs(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling * (0.5 + random() / 2));
}

export interface AwayEmailTickOptions {
  now?: Date;
  delayMs?: number;
  /** Another pool than the app's (tests run two workers on two). */
  pool?: Queryable;
  send?: MailSender;
  random?: () => number;
}

export interface AwayEmailTickReport {
  /** Members found with entries due (at most MEMBERS_PER_TICK: when that many, more may be waiting). */
  found: number;
  settled: number;
  sent: number;
  failed: number;
  /** Members another worker held locked. */
  busy: number;
}

/** The same batch always gets the same Message-ID, so a copy resent after a crash is recognisable. */
function batchMessageId(batch: LockedBatch, appUrl: string): string {
  const ids = batch.entries.map((e) => e.id).join(",");
  const digest = createHash("sha256").update(`${batch.member.id}:${ids}`).digest("hex").slice(0, 32);
  return `<away.${digest}@${new URL(appUrl).hostname}>`;
}

function renderBatch(batch: LockedBatch) {
  const base = env().APP_URL.replace(/\/$/, "");
  return awayEmailMail({
    to: batch.member.email,
    name: batch.member.name,
    mode: batch.member.mode,
    total: batch.total,
    entries: batch.entries.map((e) => ({
      kind: e.kind,
      actorName: e.actorName,
      roomName: e.message.room.name,
      excerpt: excerptOf(e.message.body, EXCERPT_CHARS),
      at: e.createdAt,
      url: `${base}${messageHref(e.message.room.slug, e.message.id)}`,
    })),
    settingsUrl: `${base}/settings#notifications`,
    unsubscribe: unsubscribeUrls(batch.member.id),
    messageId: batchMessageId(batch, base),
  });
}

type MemberOutcome = "sent" | "failed" | "none";

/** The options with their defaults; no pool means the app's own. */
type Resolved = Required<Omit<AwayEmailTickOptions, "pool">> & { pool: Queryable | undefined };

async function serveMember(userId: string, options: Resolved): Promise<MemberOutcome | "busy"> {
  const { now, delayMs, pool, send, random } = options;
  const dueBefore = new Date(now.getTime() - delayMs);
  const outcome = await withMemberLock(
    { userId, holdMs: SEND_HOLD_MS },
    async (lock): Promise<MemberOutcome> => {
      // Read after the lock: a worker that sent a moment ago has marked these entries, so none are due twice. Once
      // the oldest is due, the email takes everything waiting, so a burst of mentions makes one email, not several.
      const batch = await lock.readBatch({ now, dueBefore: now, limit: ENTRIES_PER_EMAIL });
      if (!batch || !batch.entries.some((entry) => entry.createdAt <= dueBefore)) return "none";
      try {
        await send(renderBatch(batch));
      } catch (error) {
        const retryAt = new Date(now.getTime() + awayEmailBackoffMs(batch.failures + 1, random));
        const message = error instanceof Error ? error.message : String(error);
        await lock.recordFailure({ retryAt, error: message.slice(0, 500) });
        log.warn({ userId, failures: batch.failures + 1, retryAt, err: error }, "away email not sent; will retry");
        return "failed";
      }
      await lock.markSent({ entryIds: batch.entries.map((e) => e.id), now });
      return "sent";
    },
    pool,
  );
  return outcome.locked ? outcome.result : "busy";
}

/** One pass of the worker. Never sends a member two emails for the same entries, whatever runs beside it. */
export async function runAwayEmailTick(options: AwayEmailTickOptions = {}): Promise<AwayEmailTickReport> {
  const resolved: Resolved = {
    now: options.now ?? new Date(),
    delayMs: options.delayMs ?? env().AWAY_EMAIL_DELAY_MS,
    pool: options.pool,
    send: options.send ?? sendMail,
    random: options.random ?? Math.random,
  };
  const { now, delayMs, pool } = resolved;
  const dueBefore = new Date(now.getTime() - delayMs);
  const settled = await settleUnemailable({ now, dueBefore }, pool);
  const members = await findDueMembers({ now, dueBefore, limit: MEMBERS_PER_TICK }, pool);
  const report: AwayEmailTickReport = { found: members.length, settled, sent: 0, failed: 0, busy: 0 };
  for (const userId of members) {
    try {
      const outcome = await serveMember(userId, resolved);
      if (outcome !== "none") report[outcome] += 1;
    } catch (error) {
      // A database error for one member must not stop the others; the entries stay due and the next tick retries.
      log.error({ userId, err: error }, "away email tick failed for a member");
    }
  }
  return report;
}
