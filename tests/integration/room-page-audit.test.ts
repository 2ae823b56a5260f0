// A moderator editing or deleting someone else's room from the room page (its server actions in
// app/(main)/rooms/[slug]/actions.ts, not /admin) leaves the same audit entry as /admin does;
// the host doing it to their own room leaves none.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/db/users";

// The actions read their caller from the session cookie and queue a toast in another cookie.
let sessionToken: string | undefined;
vi.mock("next/headers", () => ({
  cookies: () =>
    Promise.resolve({
      get: (name: string) =>
        name.endsWith("session-token") && sessionToken !== undefined ? { value: sessionToken } : undefined,
      set: () => undefined,
    }),
}));

const { db, disconnectDb } = await import("@/lib/db/client");
const { createRoom } = await import("@/lib/db/rooms");
const { sessionTokenFor } = await import("../support/session-token");
const { initialFormState } = await import("@/lib/form-state");
const roomPage = await import("@/app/(main)/rooms/[slug]/actions");
const { auditSince, lastAuditId, person } = await import("../support/admin-fixtures");

let host: SessionUser;
let moderator: SessionUser;

beforeAll(async () => {
  [host, moderator] = await Promise.all([person("MEMBER"), person("MODERATOR")]);
});
afterAll(() => disconnectDb());

async function signIn(user: SessionUser) {
  sessionToken = await sessionTokenFor(user);
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

/** Runs a room page action; success ends in redirect(), which Next implements by throwing. */
async function submit(action: typeof roomPage.updateRoomAction, fields: Record<string, string>) {
  const outcome = await action(initialFormState, form(fields)).then(
    (state) => state,
    (error: unknown) => error,
  );
  expect(String((outcome as { digest?: unknown }).digest ?? JSON.stringify(outcome))).toMatch(/^NEXT_REDIRECT/);
}

const openRoom = (name: string) => createRoom({ name, topicName: "Room page", description: "", hostId: host.id });

describe("the room page's edit and delete", () => {
  it("audits a moderator's edit of someone else's room, not the host's own", async () => {
    const room = await openRoom("Page edits");
    const mark = await lastAuditId();
    await signIn(host);
    await submit(roomPage.updateRoomAction, {
      slug: room.slug,
      name: "Page edits",
      topic: "Room page",
      description: "a",
    });
    expect(await auditSince(mark)).toEqual([]);
    await signIn(moderator);
    await submit(roomPage.updateRoomAction, {
      slug: room.slug,
      name: "Page edited",
      topic: "Room page",
      description: "a",
    });
    expect(await auditSince(mark)).toMatchObject([
      {
        actorId: moderator.id,
        actorUsername: moderator.username,
        action: "room.update",
        targetType: "room",
        targetId: room.id,
        targetLabel: "Page edited",
        detail: "name: Page edits → Page edited",
      },
    ]);
  });

  it("audits a moderator's delete of someone else's room", async () => {
    const room = await openRoom("Page deletes");
    const mark = await lastAuditId();
    await signIn(moderator);
    await submit(roomPage.deleteRoomAction, { slug: room.slug });
    expect(await db.room.count({ where: { id: room.id } })).toBe(0);
    expect(await auditSince(mark)).toMatchObject([
      {
        actorId: moderator.id,
        action: "room.delete",
        targetType: "room",
        targetId: room.id,
        targetLabel: "Page deletes",
        detail: `/rooms/${room.slug}`,
      },
    ]);
  });
});
