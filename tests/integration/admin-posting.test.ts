// Who may post: a locked room refuses everyone, a ban or a mute in force refuses the member, each
// with a message the member understands. Set through the in-room moderation actions (mute, ban,
// lock and their opposites), which are guarded and audited like every admin action.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { performAdminAction } from "@/lib/admin/perform";
import { db, disconnectDb } from "@/lib/db/client";
import { createRoom } from "@/lib/db/rooms";
import type { SessionUser } from "@/lib/db/users";
import { assertMayPost, formatUntil, postingRestriction } from "@/lib/moderation/posting";
import { auditSince, lastAuditId, person, refusal } from "../support/admin-fixtures";

let moderator: SessionUser;
let member: SessionUser;
let bystander: SessionUser;
let room: { id: string; slug: string };

beforeAll(async () => {
  moderator = await person("MODERATOR");
  member = await person("MEMBER");
  bystander = await person("MEMBER");
  room = await createRoom({ name: "Posting rules", topicName: "Rules", description: "", hostId: bystander.id });
});
afterAll(() => disconnectDb());

const ref = () => ({ roomSlug: room.slug, userId: member.id });
const mayPost = (userId = member.id, now?: Date) => assertMayPost({ roomId: room.id, userId, now });

describe("formatUntil", () => {
  it("gives the time today and the date on another day, naming the zone", () => {
    const now = new Date("2026-11-21T10:00:00Z");
    expect(formatUntil(new Date("2026-11-21T14:30:00Z"), now, "UTC")).toBe("14:30 UTC");
    expect(formatUntil(new Date("2026-11-23T09:05:00Z"), now, "UTC")).toBe("23 Nov, 09:05 UTC");
  });
});

describe("assertMayPost", () => {
  it("lets a member with no restriction post", async () => {
    await expect(mayPost()).resolves.toBeUndefined();
    expect(await postingRestriction({ roomId: room.id, userId: member.id })).toBeNull();
    expect(await postingRestriction({ roomId: room.id, userId: null })).toBeNull();
  });

  it("refuses a muted member with the time and the reason, until the mute ends", async () => {
    const mark = await lastAuditId();
    await performAdminAction("room.mute", moderator, { ...ref(), minutes: "30", reason: "spamming" });
    const error = await refusal(mayPost());
    expect(error.status).toBe(403);
    expect(error.code).toBe("forbidden:muted");
    const until = (
      await db.roomRestriction.findFirstOrThrow({ where: { roomId: room.id, userId: member.id, kind: "MUTE" } })
    ).until as Date;
    expect(error.message).toBe(`You are muted in this room until ${formatUntil(until)}: spamming`);
    expect(until.getTime() - Date.now()).toBeGreaterThan(29 * 60_000);
    // Others still post; and after the end, so does the member.
    await expect(mayPost(bystander.id)).resolves.toBeUndefined();
    await expect(mayPost(member.id, new Date(until.getTime() + 1000))).resolves.toBeUndefined();
    // The UI gets the same facts to show.
    expect(await postingRestriction({ roomId: room.id, userId: member.id })).toMatchObject({
      kind: "muted",
      reason: "spamming",
      until,
    });
    const [entry] = await auditSince(mark);
    expect(entry).toMatchObject({
      action: "room.mute",
      actorUsername: moderator.username,
      targetLabel: `@${member.username}`,
      detail: "in Posting rules for 30 minutes: spamming",
    });
  });

  it("lifts a mute (and says so when there was none)", async () => {
    await performAdminAction("room.unmute", moderator, ref());
    await expect(mayPost()).resolves.toBeUndefined();
    expect((await performAdminAction("room.unmute", moderator, ref())).message).toMatch(/was not muted/);
  });

  it("says a mute without a reason ends with a full stop", async () => {
    await performAdminAction("room.mute", moderator, { ...ref(), minutes: 15, reason: "" });
    expect((await refusal(mayPost())).message).toMatch(
      /^You are muted in this room until \d\d:\d\d [A-Z+\d:]+\.$|^You are muted in this room until \d+ \w+, \d\d:\d\d [A-Z+\d:]+\.$/,
    );
    await performAdminAction("room.unmute", moderator, ref());
  });

  it("refuses a banned member until the ban is lifted", async () => {
    await performAdminAction("room.ban", moderator, { ...ref(), reason: "" });
    const error = await refusal(mayPost());
    expect(error.code).toBe("forbidden:banned");
    expect(error.message).toBe("You are banned from this room.");
    const restrictions = await performAdminAction("room.restrictions", moderator, ref());
    expect(restrictions.data).toEqual({ mute: null, ban: { until: null, reason: "" } });
    await performAdminAction("room.unban", moderator, ref());
    await expect(mayPost()).resolves.toBeUndefined();
  });

  it("refuses everyone in a locked room, moderators included, until it is unlocked", async () => {
    await performAdminAction("room.lock", moderator, { id: room.id, reason: "cooling off" });
    expect(await postingRestriction({ roomId: room.id, userId: null })).toEqual({
      kind: "locked",
      message: "This room is locked: nobody can post.",
    });
    for (const who of [member.id, bystander.id, moderator.id]) {
      const error = await refusal(mayPost(who));
      expect(error.code).toBe("forbidden:room_locked");
      expect(error.message).toBe("This room is locked: nobody can post.");
    }
    await performAdminAction("room.unlock", moderator, { id: room.id });
    await expect(mayPost()).resolves.toBeUndefined();
  });

  it("names the lock before a ban, and a ban before a mute", async () => {
    await performAdminAction("room.mute", moderator, { ...ref(), minutes: 60, reason: "x" });
    await performAdminAction("room.ban", moderator, { ...ref(), reason: "y" });
    expect((await refusal(mayPost())).code).toBe("forbidden:banned");
    await performAdminAction("room.lock", moderator, { id: room.id, reason: "" });
    expect((await refusal(mayPost())).code).toBe("forbidden:room_locked");
    await performAdminAction("room.unlock", moderator, { id: room.id });
    await performAdminAction("room.unban", moderator, ref());
    await performAdminAction("room.unmute", moderator, ref());
  });
});

describe("mute and ban actions: bad input and refusals", () => {
  it.each([
    ["no length", { minutes: "" }],
    ["zero minutes", { minutes: 0 }],
    ["more than 30 days", { minutes: 30 * 24 * 60 + 1 }],
    ["a fractional length", { minutes: 1.5 }],
    ["a reason over 200 characters", { minutes: 15, reason: "x".repeat(201) }],
  ])("refuses %s (400)", async (_what, extra) => {
    const error = await refusal(performAdminAction("room.mute", moderator, { ...ref(), reason: "", ...extra }));
    expect(error.status).toBe(400);
    expect(await db.roomRestriction.count({ where: { userId: member.id } })).toBe(0);
  });

  it("404s an unknown room or member", async () => {
    expect(
      (
        await refusal(
          performAdminAction("room.ban", moderator, { roomSlug: "no-such-room", userId: member.id, reason: "" }),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await refusal(
          performAdminAction("room.ban", moderator, { roomSlug: room.slug, userId: "nosuchuser123", reason: "" }),
        )
      ).status,
    ).toBe(404);
  });

  it("refuses muting a moderator, or oneself", async () => {
    const other = await person("MODERATOR");
    expect(
      (
        await refusal(
          performAdminAction("room.mute", moderator, {
            roomSlug: room.slug,
            userId: other.id,
            minutes: 15,
            reason: "",
          }),
        )
      ).code,
    ).toBe("forbidden:admin_target");
    expect(
      (
        await refusal(
          performAdminAction("room.ban", moderator, { roomSlug: room.slug, userId: moderator.id, reason: "" }),
        )
      ).code,
    ).toBe("forbidden:self");
  });

  it("is hidden from members (404), who cannot mute anyone", async () => {
    const error = await refusal(performAdminAction("room.mute", bystander, { ...ref(), minutes: 15, reason: "" }));
    expect(error.status).toBe(404);
    expect(await db.roomRestriction.count({ where: { userId: member.id } })).toBe(0);
  });

  it("replaces an earlier mute instead of stacking", async () => {
    await performAdminAction("room.mute", moderator, { ...ref(), minutes: 15, reason: "first" });
    await performAdminAction("room.mute", moderator, { ...ref(), minutes: 60, reason: "second" });
    const rows = await db.roomRestriction.findMany({ where: { roomId: room.id, userId: member.id } });
    expect(rows.map((r) => r.reason)).toEqual(["second"]);
  });
});
