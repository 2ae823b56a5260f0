// Questions with accepted answers (issue 18 item 3; lib/questions, lib/db/questions.ts): the permission matrix of
// mark, unmark, accept and unaccept (author or asker, host, moderator, other member, visitor, deactivated); accepting a
// reply to another message, a deleted answer or on a deleted question is refused; "Ask" through the send path stores
// the question in the send's own statement; the open count of room cards follows marks, accepts and deletes; the
// ACCEPTED inbox entry is written with the accept and the asker's inbox says "answer"; the public page's order; the
// sitemap lists answered questions' pages; the site search finds a question; the routes answer JSON errors.
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/fuzz-scope")).nextHeaders());
import { PUT as acceptRoute } from "@/app/api/rooms/[slug]/messages/[id]/question/answer/route";
import { PUT as markRoute } from "@/app/api/rooms/[slug]/messages/[id]/question/route";
import { GET as listRoute } from "@/app/api/rooms/[slug]/questions/route";
import { deleteRoomMessage, sendMessage } from "@/lib/chat/messages";
import { db, disconnectDb } from "@/lib/db/client";
import { createRoom, searchRooms } from "@/lib/db/rooms";
import type { SessionUser } from "@/lib/db/users";
import { readInbox } from "@/lib/notifications/inbox";
import { questionPage } from "@/lib/questions/question-page";
import {
  acceptAnswerAs,
  listQuestions,
  markQuestionAs,
  unacceptAnswerAs,
  unmarkQuestionAs,
} from "@/lib/questions/questions";
import { findQuestionsMatching } from "@/lib/questions/search";
import { sitemapFileEntries } from "@/lib/site/sitemap";
import { person, refusal, resetLimit, roomCast } from "../support/admin-fixtures";
import { fuzzScope } from "../support/fuzz-scope";
import { sessionTokenFor } from "../support/session-token";

let host: SessionUser;
let asker: SessionUser;
let other: SessionUser;
let moderator: SessionUser;

beforeAll(async () => {
  ({ host, member: asker, moderator } = await roomCast());
  other = await person("MEMBER");
});
afterAll(() => disconnectDb());
// Each test starts with a full allowance of question changes.
beforeEach(() => resetLimit("questionChange"));

let rooms = 0;
async function newRoom() {
  const name = `Questions ${++rooms}`;
  return { ...(await createRoom({ name, topicName: "Testing", description: "", hostId: host.id })), name };
}

const send = async (actor: SessionUser, slug: string, body: string, extra: Record<string, unknown> = {}) =>
  (await sendMessage({ actor, slug, input: { body, clientKey: randomUUID(), ...extra } })).message;

const questionRow = (messageId: number) => db.question.findUnique({ where: { messageId } });
const openCount = async (roomId: string) => db.question.count({ where: { roomId, acceptedAt: null } });

/** A room with a question by the asker and a reply to it by `other`. */
async function scene() {
  const room = await newRoom();
  const question = await send(asker, room.slug, "How do I **centre** a div?", { question: true });
  const answer = await send(other, room.slug, "Use flexbox.", { replyTo: question.id });
  return { room, question, answer };
}

describe("asking through the send path", () => {
  it("stores the question with the message, in the same statement", async () => {
    const room = await newRoom();
    const message = await send(asker, room.slug, "Is this a question?", { question: true });
    expect(await questionRow(message.id)).toMatchObject({ roomId: room.id, askerId: asker.id, acceptedAnswerId: null });
    const plain = await send(asker, room.slug, "Not a question");
    expect(await questionRow(plain.id)).toBeNull();
    expect(await openCount(room.id)).toBe(1);
  });

  it("a retried client key stores neither a second message nor a second question", async () => {
    const room = await newRoom();
    const input = { body: "Twice?", clientKey: randomUUID(), question: true };
    const first = await sendMessage({ actor: asker, slug: room.slug, input });
    const again = await sendMessage({ actor: asker, slug: room.slug, input });
    expect([first.created, again.created, again.message.id]).toEqual([true, false, first.message.id]);
    expect(await db.question.count({ where: { roomId: room.id } })).toBe(1);
  });

  it("refuses a question flag that is not a boolean (400), storing nothing", async () => {
    const room = await newRoom();
    const error = await refusal(
      sendMessage({ actor: asker, slug: room.slug, input: { body: "Hm", clientKey: randomUUID(), question: "yes" } }),
    );
    expect([error.status, error.code]).toEqual([400, "invalid"]);
    expect(await db.message.count({ where: { roomId: room.id } })).toBe(0);
  });
});

describe("the permission matrix", () => {
  it("mark and unmark: the author, the host and moderators; not other members, visitors or the deactivated", async () => {
    const room = await newRoom();
    const message = await send(asker, room.slug, "Who may mark me?");
    const call = { slug: room.slug, messageId: message.id };
    for (const [actor, status] of [
      [null, 401],
      [other, 403],
      [{ ...asker, deactivated: true }, 403],
    ] as const) {
      expect((await refusal(markQuestionAs({ actor, ...call }))).status).toBe(status);
    }
    expect(await questionRow(message.id)).toBeNull();
    for (const actor of [asker, host, moderator]) {
      expect(await markQuestionAs({ actor, ...call })).toEqual({ changed: true });
      // Idempotent: marking again changes nothing.
      expect(await markQuestionAs({ actor, ...call })).toEqual({ changed: false });
      expect((await refusal(unmarkQuestionAs({ actor: other, ...call }))).status).toBe(403);
      expect(await unmarkQuestionAs({ actor, ...call })).toEqual({ changed: true });
      expect(await unmarkQuestionAs({ actor, ...call })).toEqual({ changed: false });
    }
  });

  it("accept and unaccept: the asker, the host and moderators; not the answerer, visitors or the deactivated", async () => {
    const { room, question, answer } = await scene();
    const call = { slug: room.slug, messageId: question.id, input: { answerId: answer.id } };
    for (const [actor, status] of [
      [null, 401],
      [other, 403],
      [{ ...asker, deactivated: true }, 403],
    ] as const) {
      expect((await refusal(acceptAnswerAs({ ...call, actor }))).status).toBe(status);
      expect((await refusal(unacceptAnswerAs({ ...call, actor }))).status).toBe(status);
    }
    expect((await questionRow(question.id))?.acceptedAnswerId).toBeNull();
    for (const actor of [asker, host, moderator]) {
      expect(await acceptAnswerAs({ ...call, actor })).toEqual({ changed: true });
      expect(await acceptAnswerAs({ ...call, actor })).toEqual({ changed: false });
      expect(await questionRow(question.id)).toMatchObject({ acceptedAnswerId: answer.id, acceptedById: actor.id });
      expect(await unacceptAnswerAs({ ...call, actor })).toEqual({ changed: true });
      expect(await unacceptAnswerAs({ ...call, actor })).toEqual({ changed: false });
    }
  });
});

describe("bad targets", () => {
  it("refuses a reply to another message, another room's message, a non-question, a deleted answer or question", async () => {
    const { room, question, answer } = await scene();
    const elsewhere = await send(asker, room.slug, "Another message");
    const unrelated = await send(other, room.slug, "A reply, but not to the question", { replyTo: elsewhere.id });
    const accept = (answerId: unknown, messageId: unknown = question.id) =>
      acceptAnswerAs({ actor: asker, slug: room.slug, messageId, input: { answerId } });
    expect(await refusal(accept(unrelated.id))).toMatchObject({ status: 422, code: "invalid:not_an_answer" });
    expect(await refusal(accept(question.id))).toMatchObject({ status: 422, code: "invalid:not_an_answer" });
    expect(await refusal(accept("nope"))).toMatchObject({ status: 400, code: "invalid" });
    expect(await refusal(accept(answer.id, elsewhere.id))).toMatchObject({ status: 404, code: "not_found:question" });
    expect(await refusal(accept(answer.id, 2_147_483_647))).toMatchObject({ status: 404 });

    const otherRoom = await newRoom();
    const stranger = await send(other, otherRoom.slug, "Somewhere else");
    expect((await refusal(accept(stranger.id))).status).toBe(422);
    expect((await refusal(markQuestionAs({ actor: host, slug: room.slug, messageId: stranger.id }))).status).toBe(404);

    // A deleted answer cannot be accepted; deleting the accepted one reopens the question.
    const second = await send(other, room.slug, "Grid works too.", { replyTo: question.id });
    expect(await accept(second.id)).toEqual({ changed: true });
    await deleteRoomMessage({ actor: other, slug: room.slug, messageId: second.id });
    expect(await refusal(accept(second.id))).toMatchObject({ status: 409, code: "conflict:answer_deleted" });
    expect(await questionRow(question.id)).toMatchObject({ acceptedAnswerId: null, acceptedAt: null });
    expect(await db.notification.count({ where: { messageId: second.id, kind: "ACCEPTED" } })).toBe(0);

    // A deleted question is gone from the lists and cannot be marked or accepted on.
    await deleteRoomMessage({ actor: asker, slug: room.slug, messageId: question.id });
    expect(await questionRow(question.id)).toBeNull();
    expect(await refusal(accept(answer.id))).toMatchObject({ status: 409, code: "conflict:question_deleted" });
    const marked = await refusal(markQuestionAs({ actor: asker, slug: room.slug, messageId: question.id }));
    expect([marked.status, marked.code]).toEqual([409, "conflict:message_deleted"]);
  });

  it("an answered question cannot be unmarked until its answer is unaccepted", async () => {
    const { room, question, answer } = await scene();
    await acceptAnswerAs({ actor: asker, slug: room.slug, messageId: question.id, input: { answerId: answer.id } });
    const error = await refusal(unmarkQuestionAs({ actor: asker, slug: room.slug, messageId: question.id }));
    expect([error.status, error.code]).toEqual([409, "conflict:question_answered"]);
    expect(await questionRow(question.id)).not.toBeNull();
  });
});

describe("counts, notifications and lists", () => {
  it("keeps the open count right through ask, mark, accept, change, unaccept, unmark and delete", async () => {
    const { room, question, answer } = await scene();
    const cardOf = async () => (await searchRooms({ q: room.name })).rooms.find((r) => r.id === room.id);
    expect((await cardOf())?.openQuestions).toBe(1);
    const later = await send(other, room.slug, "Does this count?");
    await markQuestionAs({ actor: other, slug: room.slug, messageId: later.id });
    expect(await openCount(room.id)).toBe(2);
    await acceptAnswerAs({ actor: asker, slug: room.slug, messageId: question.id, input: { answerId: answer.id } });
    expect((await cardOf())?.openQuestions).toBe(1);
    const better = await send(host, room.slug, "Or grid.", { replyTo: question.id });
    await acceptAnswerAs({ actor: host, slug: room.slug, messageId: question.id, input: { answerId: better.id } });
    expect(await openCount(room.id)).toBe(1);
    await unacceptAnswerAs({ actor: asker, slug: room.slug, messageId: question.id });
    expect(await openCount(room.id)).toBe(2);
    await unmarkQuestionAs({ actor: other, slug: room.slug, messageId: later.id });
    await deleteRoomMessage({ actor: asker, slug: room.slug, messageId: question.id });
    expect(await openCount(room.id)).toBe(0);
    expect((await cardOf())?.openQuestions).toBe(0);
  });

  it("writes the answerer's ACCEPTED entry with the accept, moves it on a change, and the asker's says answer", async () => {
    const { room, question, answer } = await scene();
    const accept = (answerId: number) =>
      acceptAnswerAs({ actor: asker, slug: room.slug, messageId: question.id, input: { answerId } });
    await accept(answer.id);
    expect(
      await db.notification.findMany({ where: { messageId: answer.id, kind: "ACCEPTED" }, select: { userId: true } }),
    ).toEqual([{ userId: other.id }]);
    const inbox = await readInbox({ reader: other, query: {} });
    expect(inbox.entries.find((e) => e.message.id === answer.id)?.kind).toBe("accepted");
    const askerInbox = await readInbox({ reader: asker, query: {} });
    expect(askerInbox.entries.find((e) => e.message.id === answer.id)?.kind).toBe("answer");

    // Changing the accepted answer moves the entry; an asker accepting their own reply notifies no one.
    const own = await send(asker, room.slug, "Solved it myself.", { replyTo: question.id });
    await accept(own.id);
    expect(await db.notification.count({ where: { kind: "ACCEPTED", messageId: { in: [answer.id, own.id] } } })).toBe(
      0,
    );
  });

  it("lists open and answered questions; the public page shows the accepted answer first", async () => {
    const { room, question, answer } = await scene();
    const second = await send(host, room.slug, "Use `display: grid`.", { replyTo: question.id });
    expect((await listQuestions({ slug: room.slug })).open.map((q) => q.messageId)).toEqual([question.id]);
    await acceptAnswerAs({ actor: asker, slug: room.slug, messageId: question.id, input: { answerId: second.id } });
    const lists = await listQuestions({ slug: room.slug });
    expect(lists.open).toEqual([]);
    expect(lists.answered[0]).toMatchObject({ messageId: question.id, acceptedAnswerId: second.id, answerCount: 2 });

    const page = await questionPage({ slug: room.slug, id: String(question.id) });
    expect(page?.question.html).toContain("<strong>centre</strong>");
    expect(page?.question.title).toBe("How do I centre a div?");
    expect(page?.accepted?.id).toBe(second.id);
    expect(page?.others.map((p) => p.id)).toEqual([answer.id]);
    expect(await questionPage({ slug: room.slug, id: String(answer.id) })).toBeNull();
    expect(await questionPage({ slug: "no-such-room", id: String(question.id) })).toBeNull();
    expect(await questionPage({ slug: room.slug, id: "x" })).toBeNull();
  });

  it("the sitemap lists answered questions' pages, not open ones", async () => {
    const { room, question, answer } = await scene();
    const open = await send(asker, room.slug, "Still open?", { question: true });
    await acceptAnswerAs({ actor: asker, slug: room.slug, messageId: question.id, input: { answerId: answer.id } });
    const urls = (await sitemapFileEntries(0)).map((entry) => entry.url);
    expect(urls.some((url) => url.endsWith(`/rooms/${room.slug}/questions/${question.id}`))).toBe(true);
    expect(urls.some((url) => url.endsWith(`/questions/${open.id}`))).toBe(false);
  });

  it("the site search finds a question by its words and links to its page", async () => {
    const room = await newRoom();
    const question = await send(asker, room.slug, "Which bicycle derailleur suits gravel riding?", { question: true });
    await send(asker, room.slug, "My derailleur is noisy");
    const matches = await findQuestionsMatching({ q: "derailleurs gravel" });
    expect(matches.map((m) => m.messageId)).toEqual([question.id]);
    expect(matches[0]).toMatchObject({ href: `/rooms/${room.slug}/questions/${question.id}`, answered: false });
    expect(await findQuestionsMatching({ q: "x".repeat(201) })).toEqual([]);
  });
});

describe("the routes", () => {
  const ctx = (slug: string, id: number | string) => ({ params: Promise.resolve({ slug, id: String(id) }) });

  it("answer JSON errors with a code and message, and { changed } when allowed", async () => {
    const { room, question, answer } = await scene();
    const url = `http://localhost/api/rooms/${room.slug}/messages/${question.id}/question`;
    fuzzScope.token = undefined;
    const anonymous = await markRoute(new NextRequest(url, { method: "PUT" }), ctx(room.slug, question.id));
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({
      error: { code: "unauthorized", message: expect.stringContaining("sign in") },
    });

    fuzzScope.token = await sessionTokenFor(asker);
    const put = (body: string, type = "application/json") =>
      acceptRoute(
        new NextRequest(`${url}/answer`, { method: "PUT", body, headers: { "content-type": type } }),
        ctx(room.slug, question.id),
      );
    const notJson = await put("{");
    expect([notJson.status, (await notJson.json()).error.code]).toEqual([400, "invalid:json"]);
    const wrongType = await put(JSON.stringify({ answerId: [1] }));
    expect(wrongType.status).toBe(400);
    const ok = await put(JSON.stringify({ answerId: answer.id }));
    expect([ok.status, await ok.json()]).toEqual([200, { changed: true }]);

    const list = await listRoute(new NextRequest(`http://localhost/api/rooms/${room.slug}/questions`), {
      params: Promise.resolve({ slug: room.slug }),
    });
    expect((await list.json()).answered[0].messageId).toBe(question.id);
    fuzzScope.token = undefined;
  });
});
