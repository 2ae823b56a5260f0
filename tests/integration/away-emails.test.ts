// Away emails (issue 17 item 3) against the real PostgreSQL and the real mail catcher: mentions and replies left
// unread past the delay go out in one email per member with links and one-click unsubscribe headers; read entries,
// members who chose off, unverified and deactivated accounts get none (their entries are settled); a daily digest
// waits a day; two workers on two pools send each member one email; a worker killed mid-send leaves the batch to the
// next, which sends it once; a dead mail server records a failure with backoff and loses nothing; a tampered
// unsubscribe link is refused without saying whose it was.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeEach, describe, expect, inject, it } from "vitest";
import { GET as unsubscribeGet, POST as unsubscribePost } from "@/app/api/unsubscribe/[token]/route";
import { sendMessage } from "@/lib/chat/messages";
import { db, disconnectDb } from "@/lib/db/client";
import { markNotificationsRead } from "@/lib/db/notifications";
import { pgConfigFromUrl } from "@/lib/db/pg-config";
import { createRoom } from "@/lib/db/rooms";
import type { SessionUser } from "@/lib/db/users";
import { mailSenderFor, sendMail, type OutgoingMail } from "@/lib/mail/transport";
import { changeAwayEmailChoice, readAwayEmailChoice } from "@/lib/notifications/away-email-settings";
import { awayEmailBackoffMs, runAwayEmailTick, type AwayEmailTickOptions } from "@/lib/notifications/away-emails";
import {
  describeUnsubscribeToken,
  unsubscribeToken,
  unsubscribeUrls,
  unsubscribeWithToken,
} from "@/lib/notifications/unsubscribe";
import { freePort } from "@/scripts/stack/ports";
import { person, refusal, resetLimit } from "../support/admin-fixtures";
import { findMail, mailTo, type CaughtMail } from "../support/mailbox";
import { startRelay } from "../support/tcp-relay";
import { eventually, waitFor } from "../support/wait-for";

const stack = inject("stack");
const APP = "http://localhost:3000";
const DELAY_MS = 60_000;
const pools: pg.Pool[] = [];

afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
  await disconnectDb();
});

// Each test starts with nothing waiting: entries of earlier tests would otherwise be sent by this test's ticks.
beforeEach(async () => {
  await db.notification.updateMany({ where: { emailedAt: null }, data: { emailedAt: new Date() } });
});

let roomSeq = 0;
async function room(host: SessionUser): Promise<string> {
  roomSeq += 1;
  const name = `Away ${roomSeq} ${randomUUID().slice(0, 6)}`;
  return (await createRoom({ name, topicName: "Testing", description: "", hostId: host.id })).slug;
}

async function send(actor: SessionUser, slug: string, body: string, replyTo?: number) {
  await resetLimit("messagePost");
  await resetLimit("messagePostMember");
  const input = { body, clientKey: randomUUID(), ...(replyTo ? { replyTo } : {}) };
  return (await sendMessage({ actor, slug, input })).message;
}

/** A tick as if the delay had passed for everything sent so far. */
const later = (options: AwayEmailTickOptions = {}) =>
  runAwayEmailTick({ now: new Date(Date.now() + DELAY_MS + 1_000), delayMs: DELAY_MS, ...options });

const header = (mail: CaughtMail, name: string) => String(mail.headers[name.toLowerCase()] ?? "");

async function onlyMailTo(to: string): Promise<CaughtMail> {
  await findMail(stack.mailApiUrl, to);
  const all = await mailTo(stack.mailApiUrl, to);
  expect(all).toHaveLength(1);
  return all[0] as CaughtMail;
}

const entriesOf = (userId: string) =>
  db.notification.findMany({ where: { userId }, orderBy: { id: "asc" }, select: { id: true, emailedAt: true } });

describe("away emails", () => {
  it("batch every waiting mention and reply into one email with links and one-click unsubscribe headers", async () => {
    const [ada, bea, cyd] = await Promise.all([person(), person("MEMBER", { name: "Bea Away" }), person()]);
    const slug = await room(ada);
    const first = await send(ada, slug, `@${bea.username} look at **this** <b>tag</b> & more`);
    const own = await send(bea, slug, "my question");
    const reply = await send(cyd, slug, "an answer", own.id);
    const second = await send(cyd, slug, `cc @${bea.username}`);

    // Not due yet: nothing goes out before the delay.
    expect((await runAwayEmailTick({ delayMs: DELAY_MS })).sent).toBe(0);
    const report = await later();
    expect(report.sent).toBe(1);

    const mail = await onlyMailTo(bea.email);
    expect(mail.subject).toBe("3 mentions and replies waiting on Roomful");
    for (const id of [first.id, reply.id, second.id]) {
      expect(mail.text).toContain(`${APP}/rooms/${slug}?m=${id}`);
      expect(mail.html).toContain(`${APP}/rooms/${slug}?m=${id}`);
    }
    expect(mail.text).not.toContain(`?m=${own.id}`);
    expect(mail.text).toContain("mentioned you in");
    expect(mail.text).toContain("replied to you in");
    // The excerpt is plain text, and escaped in the HTML.
    expect(mail.text).toContain("look at this <b>tag</b> & more");
    expect(mail.html).toContain("look at this &lt;b&gt;tag&lt;/b&gt; &amp; more");
    expect(mail.html).not.toContain("<b>tag</b>");

    const { oneClick, page } = unsubscribeUrls(bea.id);
    expect(header(mail, "List-Unsubscribe")).toBe(`<${oneClick}>`);
    expect(header(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(mail.text).toContain(page);
    expect(mail.text).toContain(`${APP}/settings#notifications`);
    expect(header(mail, "Message-ID")).toMatch(/^<away\.[0-9a-f]{32}@localhost>$/);

    expect((await entriesOf(bea.id)).every((e) => e.emailedAt !== null)).toBe(true);
    // Nothing left to send: a later tick sends nothing more.
    expect((await later()).sent).toBe(0);
    expect(await mailTo(stack.mailApiUrl, bea.email)).toHaveLength(1);
  });

  it("name the sender and the room in the subject of a single entry", async () => {
    const [ada, bea] = await Promise.all([person("MEMBER", { name: "Ada Sender" }), person()]);
    const slug = await room(ada);
    await send(ada, slug, `hello @${bea.username}`);
    await later();
    const mail = await onlyMailTo(bea.email);
    const roomName = (await db.room.findUniqueOrThrow({ where: { slug } })).name;
    expect(mail.subject).toBe(`Ada Sender mentioned you in ${roomName}`);
  });

  it("take entries not yet due along once the oldest is due, so a burst makes one email", async () => {
    const [ada, bea] = await Promise.all([person(), person()]);
    const slug = await room(ada);
    const old = await send(ada, slug, `@${bea.username} first`);
    await db.notification.updateMany({
      where: { userId: bea.id },
      data: { createdAt: new Date(Date.now() - DELAY_MS) },
    });
    const recent = await send(ada, slug, `@${bea.username} second, just now`);

    expect((await runAwayEmailTick({ delayMs: DELAY_MS })).sent).toBe(1);
    const mail = await onlyMailTo(bea.email);
    for (const id of [old.id, recent.id]) expect(mail.text).toContain(`?m=${id}`);
    expect((await entriesOf(bea.id)).every((e) => e.emailedAt !== null)).toBe(true);
  });

  it("send nothing for an entry read before the delay", async () => {
    const [ada, bea] = await Promise.all([person(), person()]);
    const slug = await room(ada);
    await send(ada, slug, `@${bea.username} quick one`);
    await markNotificationsRead({ userId: bea.id, upTo: 2 ** 31 - 1, now: new Date() });
    expect((await later()).sent).toBe(0);
    expect(await mailTo(stack.mailApiUrl, bea.email)).toEqual([]);
    // Settled, so the scans' NULL range holds only entries still waiting.
    expect((await entriesOf(bea.id))[0]?.emailedAt).not.toBeNull();
  });

  it("send a daily digest at most once a day", async () => {
    const [ada, bea] = await Promise.all([person(), person()]);
    await db.user.update({ where: { id: bea.id }, data: { awayEmails: "DAILY" } });
    const slug = await room(ada);
    await send(ada, slug, `@${bea.username} one`);
    expect((await later()).sent).toBe(1);
    await onlyMailTo(bea.email);

    const next = await send(ada, slug, `@${bea.username} two`);
    expect((await later()).sent).toBe(0);
    expect(await mailTo(stack.mailApiUrl, bea.email)).toHaveLength(1);

    // A day passes (moved in the database rather than waited for).
    await db.awayEmail.update({
      where: { userId: bea.id },
      data: { lastSentAt: new Date(Date.now() - 25 * 3_600_000) },
    });
    expect((await later()).sent).toBe(1);
    const mails = await eventually(
      async () => {
        const all = await mailTo(stack.mailApiUrl, bea.email);
        return all.length === 2 ? all : undefined;
      },
      { what: "the second digest" },
    );
    expect(mails[1]?.text).toContain(`?m=${next.id}`);
    expect(mails[1]?.text).toContain("daily digest");
  });

  it("never email members who chose off, unverified or deactivated accounts, and settle their entries", async () => {
    const [ada, off, unverified, gone] = await Promise.all([
      person(),
      person(),
      person("MEMBER", { verified: false }),
      person(),
    ]);
    await db.user.update({ where: { id: off.id }, data: { awayEmails: "OFF" } });
    const slug = await room(ada);
    await send(ada, slug, `@${off.username} @${unverified.username} @${gone.username} hello all`);
    await db.user.update({ where: { id: gone.id }, data: { deactivatedAt: new Date() } });

    const report = await later();
    expect(report.sent).toBe(0);
    expect(report.settled).toBeGreaterThanOrEqual(3);
    for (const member of [off, unverified, gone]) {
      const entries = await entriesOf(member.id);
      expect(entries).toHaveLength(1);
      expect(entries[0]?.emailedAt).not.toBeNull();
      expect(await mailTo(stack.mailApiUrl, member.email)).toEqual([]);
    }
  });

  it("send each member one email when two workers on two pools run at once", async () => {
    const ada = await person();
    const members = await Promise.all([person(), person(), person(), person()]);
    const slug = await room(ada);
    await send(ada, slug, members.map((m) => `@${m.username}`).join(" "));
    await send(ada, slug, `again ${members.map((m) => `@${m.username}`).join(" ")}`);

    const second = new pg.Pool({ ...pgConfigFromUrl(process.env.DATABASE_URL ?? ""), max: 2 });
    pools.push(second);
    // A slow mail server keeps each batch's lock held while the other worker scans.
    const slowSend = async (mail: OutgoingMail) => {
      await new Promise((resolve) => setTimeout(resolve, 150));
      return sendMail(mail);
    };
    const now = new Date(Date.now() + DELAY_MS + 1_000);
    const reports = await Promise.all([
      runAwayEmailTick({ now, delayMs: DELAY_MS, send: slowSend }),
      runAwayEmailTick({ now, delayMs: DELAY_MS, send: slowSend, pool: second }),
      runAwayEmailTick({ now, delayMs: DELAY_MS, send: slowSend }),
    ]);
    expect(reports.reduce((sum, r) => sum + r.sent, 0)).toBe(members.length);
    for (const member of members) {
      const mail = await onlyMailTo(member.email);
      expect(mail.subject).toBe("2 mentions and replies waiting on Roomful");
    }
  });

  it("send a batch once after a worker dies mid-send", async () => {
    const [ada, bea] = await Promise.all([person(), person()]);
    const slug = await room(ada);
    await send(ada, slug, `@${bea.username} are you there?`);

    const smtp = new URL(stack.smtpUrl);
    const relay = await startRelay({ host: smtp.hostname, port: Number(smtp.port) });
    // The mail server greets, then hears nothing: the worker hangs inside the send, its transaction open.
    relay.holdRequests = true;
    const child = spawn(
      process.execPath,
      [path.resolve("node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "tests/support/away-email-child.ts"],
      {
        env: {
          ...process.env,
          SMTP_URL: `smtp://127.0.0.1:${relay.port}`,
          AWAY_TICK_NOW: String(Date.now() + 1_000),
          LOG_LEVEL: "silent",
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once("exit", (_code, signal) => resolve(signal)),
    );
    try {
      await waitFor(() => relay.openConnections > 0, { timeoutMs: 20_000, what: "the worker's SMTP connection" });
      // Its batch is locked: another worker skips the member rather than sending too.
      expect((await later()).busy).toBe(1);
      child.kill("SIGKILL");
      expect(await exited).toBe("SIGKILL");
    } finally {
      child.kill("SIGKILL");
      await relay.close();
    }
    expect(await mailTo(stack.mailApiUrl, bea.email)).toEqual([]);
    expect((await entriesOf(bea.id))[0]?.emailedAt).toBeNull();

    // PostgreSQL ends the dead worker's session (rolling back, freeing the lock) once it notices the closed socket.
    await waitFor(async () => (await later()).sent === 1, { timeoutMs: 15_000, what: "another worker's send" });
    await onlyMailTo(bea.email);
    expect((await later()).sent).toBe(0);
    expect(await mailTo(stack.mailApiUrl, bea.email)).toHaveLength(1);
  });

  it("record a failure with backoff while the mail server is down, then send once when it is back", async () => {
    const [ada, bea] = await Promise.all([person(), person()]);
    const slug = await room(ada);
    await send(ada, slug, `@${bea.username} ping`);
    const dead = mailSenderFor(`smtp://127.0.0.1:${await freePort()}`);

    const now = new Date(Date.now() + DELAY_MS + 1_000);
    const failed = await runAwayEmailTick({ now, delayMs: DELAY_MS, send: dead, random: () => 1 });
    expect(failed).toMatchObject({ sent: 0, failed: 1 });
    const state = await db.awayEmail.findUniqueOrThrow({ where: { userId: bea.id } });
    expect(state.failures).toBe(1);
    expect(state.retryAt?.getTime()).toBe(now.getTime() + awayEmailBackoffMs(1, () => 1));
    expect(state.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(state.lastSentAt).toBeNull();
    expect((await entriesOf(bea.id))[0]?.emailedAt).toBeNull();

    // Before retryAt the member waits, even with the server back.
    expect((await runAwayEmailTick({ now, delayMs: DELAY_MS })).sent).toBe(0);
    // A second failure waits longer.
    const retryAt = state.retryAt ?? now;
    const again = await runAwayEmailTick({ now: retryAt, delayMs: DELAY_MS, send: dead, random: () => 1 });
    expect(again.failed).toBe(1);
    const after = await db.awayEmail.findUniqueOrThrow({ where: { userId: bea.id } });
    expect(after.failures).toBe(2);
    expect(after.retryAt?.getTime()).toBe(retryAt.getTime() + awayEmailBackoffMs(2, () => 1));

    const back = await runAwayEmailTick({ now: after.retryAt ?? now, delayMs: DELAY_MS });
    expect(back.sent).toBe(1);
    await onlyMailTo(bea.email);
    const done = await db.awayEmail.findUniqueOrThrow({ where: { userId: bea.id } });
    expect(done).toMatchObject({ failures: 0, retryAt: null, lastError: null });
    expect((await entriesOf(bea.id))[0]?.emailedAt).not.toBeNull();
  });

  it("back off exponentially with jitter, up to a cap", () => {
    expect(awayEmailBackoffMs(1, () => 0)).toBe(15_000);
    expect(awayEmailBackoffMs(1, () => 1)).toBe(30_000);
    expect(awayEmailBackoffMs(3, () => 1)).toBe(120_000);
    expect(awayEmailBackoffMs(30, () => 1)).toBe(3_600_000);
  });
});

describe("unsubscribe links", () => {
  it("turn away emails off without signing in, and again harmlessly", async () => {
    const bea = await person();
    const token = unsubscribeToken(bea.id);
    expect(await describeUnsubscribeToken(token)).toMatchObject({ ok: true, mode: "EACH" });
    const outcome = await unsubscribeWithToken(token);
    expect(outcome).toEqual({ ok: true, maskedEmail: `${bea.email[0]}•••@example.test` });
    expect((await db.user.findUniqueOrThrow({ where: { id: bea.id } })).awayEmails).toBe("OFF");
    expect((await unsubscribeWithToken(token)).ok).toBe(true);
  });

  it("refuse a tampered token without saying whose it was", async () => {
    const [bea, cyd] = await Promise.all([person(), person()]);
    const [, mac = ""] = unsubscribeToken(bea.id).split(".");
    const otherId = `${Buffer.from(cyd.id).toString("base64url")}.${mac}`;
    const flipped = unsubscribeToken(bea.id).slice(0, -2) + (mac.endsWith("AA") ? "BB" : "AA");
    // The last character's spare bits: decodes to the same MAC, yet it is not the link that was sent.
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const original = unsubscribeToken(bea.id);
    const spare = original.slice(0, -1) + alphabet[alphabet.indexOf(original.slice(-1)) ^ 1];
    expect(Buffer.from(spare.split(".")[1] ?? "", "base64url")).toEqual(Buffer.from(mac, "base64url"));
    for (const token of [otherId, flipped, spare, "nonsense", `${original}x`]) {
      expect(await unsubscribeWithToken(token)).toEqual({ ok: false });
      expect(await describeUnsubscribeToken(token)).toEqual({ ok: false });
      const response = await unsubscribePost(
        new Request(`${APP}/api/unsubscribe/${token}`, { method: "POST", body: "List-Unsubscribe=One-Click" }) as never,
        { params: Promise.resolve({ token }) },
      );
      expect(response.status).toBe(400);
      const body = await response.text();
      expect(JSON.parse(body)).toEqual({
        error: { code: "invalid:unsubscribe_link", message: "This unsubscribe link is not valid." },
      });
      for (const secret of [bea.email, cyd.email, bea.id, cyd.id, bea.username, cyd.username, "•••"]) {
        expect(body).not.toContain(secret);
      }
    }
    for (const member of [bea, cyd]) {
      expect((await db.user.findUniqueOrThrow({ where: { id: member.id } })).awayEmails).toBe("EACH");
    }
  });

  it("answer the one-click POST with 200, and send a GET to the page", async () => {
    const bea = await person();
    const token = unsubscribeToken(bea.id);
    const response = await unsubscribePost(
      new Request(`${APP}/api/unsubscribe/${token}`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      }) as never,
      { params: Promise.resolve({ token }) },
    );
    expect(response.status).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { id: bea.id } })).awayEmails).toBe("OFF");

    const get = await unsubscribeGet(new Request(`${APP}/api/unsubscribe/${token}`) as never, {
      params: Promise.resolve({ token }),
    });
    expect(get.status).toBe(303);
    expect(get.headers.get("location")).toBe(`${APP}/unsubscribe/${token}`);
  });
});

describe("away-email settings", () => {
  it("store the member's choice and refuse anything else with a 400", async () => {
    const bea = await person();
    expect(await readAwayEmailChoice({ userId: bea.id })).toBe("EACH");
    expect(await changeAwayEmailChoice({ userId: bea.id, input: { mode: "DAILY" } })).toBe("DAILY");
    expect(await readAwayEmailChoice({ userId: bea.id })).toBe("DAILY");
    const error = await refusal(changeAwayEmailChoice({ userId: bea.id, input: { mode: "WEEKLY" } }));
    expect(error.status).toBe(400);
    expect(await readAwayEmailChoice({ userId: bea.id })).toBe("DAILY");
  });
});
