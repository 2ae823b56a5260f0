// The moderators' numbered tables (rooms, members, support requests) page through lib/db/paging.ts:
// rows in order, a page past the end clamped to the last one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { searchMembers } from "@/lib/db/member-list";
import { listAdminRooms } from "@/lib/db/room-admin-list";
import { createRoom } from "@/lib/db/rooms";
import { listSupportRequests, openSupportRequest } from "@/lib/db/support-requests";
import { person } from "../support/admin-fixtures";

beforeAll(async () => {
  const host = await person("MEMBER", { prefix: "pager" });
  for (const name of ["Pager alpha", "Pager beta", "Pager gamma"])
    await createRoom({ name, topicName: "Paging", description: "", hostId: host.id });
  for (const email of ["one@pager.test", "two@pager.test", "three@pager.test"])
    await openSupportRequest({ userId: null, email, kind: "OTHER", detail: "" });
});
afterAll(() => disconnectDb());

describe("numbered tables", () => {
  it("pages the rooms table and clamps a page past the end", async () => {
    const first = await listAdminRooms({ q: "pager", sort: "name", dir: "asc", pageSize: 2 });
    expect(first).toMatchObject({ total: 3, page: 1, pageCount: 2 });
    expect(first.rows.map((r) => r.name)).toEqual(["Pager alpha", "Pager beta"]);
    const past = await listAdminRooms({ q: "pager", sort: "name", dir: "asc", page: 9, pageSize: 2 });
    expect(past).toMatchObject({ total: 3, page: 2, pageCount: 2 });
    expect(past.rows.map((r) => r.name)).toEqual(["Pager gamma"]);
  });

  it("pages the members and support tables the same way", async () => {
    const members = await searchMembers({ q: "pager_", page: 4, pageSize: 1 });
    expect(members).toMatchObject({ total: 1, page: 1, pageCount: 1 });
    expect(members.rows[0]?.username).toMatch(/^pager_/);
    const requests = await listSupportRequests({ status: "OPEN", page: 2, pageSize: 2 });
    expect(requests.page).toBe(2);
    expect(requests.rows.length).toBeGreaterThanOrEqual(1);
  });
});
