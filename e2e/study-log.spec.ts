// The study log (issue 18 item 2): a member's finished focus sessions, stints, presence spans and goals are arranged in
// the database (the focus side writes them in real use); their profile shows the goal, this week's time and the streak;
// hiding the log in settings takes it off the profile for others; the host turns the room's weekly board on and the
// room page's "Study board" lists the member. Expected figures come from the same pure functions the server uses.
import { randomBytes } from "node:crypto";
import type { Browser } from "@playwright/test";
import { formatStreak, formatStudyTime } from "../lib/study/format";
import { isoWeekOf, msPerDay, streakOf, utcDayStart } from "../lib/study/periods";
import { studyIntervals, type StudySession } from "../lib/study/study-time";
import { expectAccessible } from "./support/a11y";
import { createMember, createRoom, signInByCookie, type ArrangedRoom, type Member } from "./support/members";
import { sql } from "./support/services";
import { expect, test } from "./support/test";

const MIN = 60_000;

interface ArrangedSession {
  session: StudySession;
  stint: { startedAt: Date; endedAt: Date };
  span: { roomId: string; startedAt: Date; endedAt: Date };
}

const utc = (date: Date) => date.toISOString();

/**
 * Two finished sessions in `room` for `member`, joined and present throughout: two 25-minute rounds yesterday noon
 * (a goal met) and one 25-minute round that ended five minutes ago (the goal given).
 */
async function arrangeStudy(member: Member, room: ArrangedRoom, goal: string): Promise<ArrangedSession[]> {
  const now = Date.now();
  const plans = [
    { start: utcDayStart(new Date(now)) - 12 * 60 * MIN, rounds: 2, goal: "Warm-up problems", done: true },
    { start: now - 30 * MIN, rounds: 1, goal, done: null },
  ];
  const arranged: ArrangedSession[] = [];
  for (const plan of plans) {
    const id = `e2efocus${randomBytes(8).toString("hex")}`;
    const startedAt = new Date(plan.start);
    const endedAt = new Date(plan.start + (plan.rounds * 25 + (plan.rounds - 1) * 5) * MIN);
    await sql(
      `INSERT INTO "FocusSession" (id, "roomId", "startedById", "focusSeconds", "breakSeconds", rounds, "startedAt",
         "endedAt")
       VALUES ($1, $2, $3, 1500, 300, $4, ($5::timestamptz AT TIME ZONE 'UTC'), ($6::timestamptz AT TIME ZONE 'UTC'))`,
      [id, room.id, member.id, plan.rounds, utc(startedAt), utc(endedAt)],
    );
    await sql(`INSERT INTO "FocusMember" ("sessionId", "userId", goal, "goalDone") VALUES ($1, $2, $3, $4)`, [
      id,
      member.id,
      plan.goal,
      plan.done,
    ]);
    await sql(
      `INSERT INTO "FocusStint" ("sessionId", "userId", "startedAt", "endedAt")
       VALUES ($1, $2, ($3::timestamptz AT TIME ZONE 'UTC'), ($4::timestamptz AT TIME ZONE 'UTC'))`,
      [id, member.id, utc(startedAt), utc(endedAt)],
    );
    const presentFrom = new Date(plan.start - 2 * MIN);
    const presentTo = new Date(endedAt.getTime() + 1 * MIN);
    await sql(
      `INSERT INTO "PresenceSpan" ("roomId", "userId", "startedAt", "endedAt")
       VALUES ($1, $2, ($3::timestamptz AT TIME ZONE 'UTC'), ($4::timestamptz AT TIME ZONE 'UTC'))`,
      [room.id, member.id, utc(presentFrom), utc(presentTo)],
    );
    arranged.push({
      session: { roomId: room.id, startedAt, endedAt, focusSeconds: 1500, breakSeconds: 300, rounds: plan.rounds },
      stint: { startedAt, endedAt },
      span: { roomId: room.id, startedAt: presentFrom, endedAt: presentTo },
    });
  }
  return arranged;
}

/** What the profile should say, by the server's own rule (the week may have begun between the two sessions). */
function expected(arranged: ArrangedSession[]) {
  const now = new Date();
  const week = isoWeekOf(now);
  const intervals = arranged.map((a) =>
    studyIntervals({ session: a.session, stints: [a.stint], spans: [a.span], now }),
  );
  const weekMs = arranged
    .map((a) => studyIntervals({ session: a.session, stints: [a.stint], spans: [a.span], now, window: week }))
    .flat()
    .reduce((sum, i) => sum + i.end - i.start, 0);
  return {
    week: `${formatStudyTime(weekMs)} this week`,
    streak: formatStreak(streakOf(msPerDay(intervals.flat()), now).days),
    board: formatStudyTime(weekMs),
  };
}

async function signedIn(browser: Browser, baseURL: string, member: Member) {
  const context = await browser.newContext({ baseURL });
  await signInByCookie(context, baseURL, member);
  return { context, page: await context.newPage() };
}

test("a member's profile shows their goal, this week's time and their streak", async ({ browser, baseURL }) => {
  const [student, viewer] = await Promise.all([createMember({ prefix: "st" }), createMember({ prefix: "sv" })]);
  const room = await createRoom({ hostId: viewer.id, name: "Study profile" });
  const goal = `Outline chapter ${randomBytes(2).toString("hex")}`;
  const want = expected(await arrangeStudy(student, room, goal));
  const { context, page } = await signedIn(browser, baseURL ?? "", viewer);
  try {
    await page.goto(`/u/${student.username}`);
    // By its region: while the page streams, React can briefly hold a hidden second copy of the section.
    const study = page.getByRole("region", { name: "Study" });
    await expect(study.getByRole("heading", { name: "Study" })).toBeVisible();
    await expect(study.getByTestId("study-week")).toHaveText(want.week);
    await expect(study.getByTestId("study-streak")).toHaveText(want.streak);
    const recent = study.getByTestId("study-session");
    await expect(recent.first()).toContainText(goal);
    await expect(recent.first()).toContainText("Not marked");
    await expect(recent.nth(1)).toContainText("Warm-up problems");
    await expect(recent.nth(1)).toContainText("Met");
    await expect(recent.first().getByRole("link", { name: room.name })).toHaveAttribute("href", `/rooms/${room.slug}`);
    await expectAccessible(page, "a profile with a study log");

    // Someone who never studied gets the empty state.
    await page.goto(`/u/${viewer.username}`);
    await expect(page.getByRole("region", { name: "Study" }).getByTestId("study-log-empty")).toContainText(
      "You have not joined a focus session yet",
    );
  } finally {
    await context.close();
  }
});

test("a member hides their study log in settings: others no longer see it, they are told", async ({
  browser,
  baseURL,
}) => {
  const [student, viewer] = await Promise.all([createMember({ prefix: "sh" }), createMember({ prefix: "sw" })]);
  const room = await createRoom({ hostId: viewer.id, name: "Study hidden" });
  const goal = `Flashcards ${randomBytes(2).toString("hex")}`;
  await arrangeStudy(student, room, goal);
  const own = await signedIn(browser, baseURL ?? "", student);
  const other = await signedIn(browser, baseURL ?? "", viewer);
  try {
    await other.page.goto(`/u/${student.username}`);
    await expect(other.page.getByRole("region", { name: "Study" })).toContainText(goal);

    await own.page.goto("/settings#study");
    const form = own.page.getByTestId("study-log-form");
    await form.getByRole("checkbox", { name: /Hide my study log/ }).check();
    await form.getByRole("button", { name: "Save study log setting" }).click();
    await expect(own.page.getByTestId("toast").filter({ hasText: "Your study log is hidden" })).toBeVisible();
    await own.page.reload();
    await expect(own.page.getByTestId("study-log-form").getByRole("checkbox")).toBeChecked();

    await other.page.reload();
    await expect(other.page.getByTestId("profile-card")).toBeVisible();
    await expect(other.page.getByTestId("profile-study")).toHaveCount(0);
    await expect(other.page.getByText(goal)).toHaveCount(0);

    await own.page.goto(`/u/${student.username}`);
    await expect(own.page.getByRole("region", { name: "Study" }).getByTestId("study-log-hidden")).toContainText(
      "Your study log is hidden",
    );
  } finally {
    await own.context.close();
    await other.context.close();
  }
});

test("the host turns the room's study board on, and the room page lists the member", async ({ browser, baseURL }) => {
  const [student, host] = await Promise.all([createMember({ prefix: "sb" }), createMember({ prefix: "sh" })]);
  const room = await createRoom({ hostId: host.id, name: "Study board" });
  const want = expected(await arrangeStudy(student, room, "Past papers"));
  const { context, page } = await signedIn(browser, baseURL ?? "", host);
  try {
    // Off by default: no button, and the API says so.
    const off = await page.request.get(`/api/rooms/${room.slug}/study-board`);
    expect(off.status()).toBe(404);
    expect(await off.json()).toMatchObject({ error: { code: "not_found:study_board" } });
    await page.goto(`/rooms/${room.slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(room.name);
    await expect(page.getByRole("button", { name: "Study board this week" })).toHaveCount(0);

    await page.goto(`/rooms/${room.slug}/edit`);
    const form = page.getByTestId("study-board-form");
    await form.getByRole("checkbox", { name: /Show a weekly study board/ }).check();
    await form.getByRole("button", { name: "Save board setting" }).click();
    await expect(page.getByTestId("toast").filter({ hasText: "The study board is on" })).toBeVisible();

    await page.goto(`/rooms/${room.slug}`);
    await page.getByRole("button", { name: "Study board this week" }).click();
    const panel = page.getByTestId("study-board-panel");
    await expect(panel).toBeVisible();
    const entry = panel.getByTestId("study-board-entry").filter({ hasText: student.name });
    await expect(entry).toContainText("1");
    await expect(entry).toContainText(want.board);
    await expectAccessible(page, "a room's study board");
    await page.keyboard.press("Escape");
    await expect(panel).toBeHidden();
    await expect(page.getByRole("button", { name: "Study board this week" })).toBeFocused();
  } finally {
    await context.close();
  }
});
