// An active admin always remains, also when admins act at once: the check and the change run in one transaction under
// one lock (lib/db/last-admin.ts). Two admins deleting each other, or themselves, or one demoting or deactivating
// while the other leaves: exactly one stays. The last admin deleting their own account is refused and nothing goes.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { performAdminAction } from "@/lib/admin/perform";
import { deleteUserAccount } from "@/lib/db/account-deletion";
import { db, disconnectDb } from "@/lib/db/client";
import type { SessionUser } from "@/lib/db/users";
import { AppError } from "@/lib/errors";
import { person, refusal } from "../support/admin-fixtures";

afterAll(() => disconnectDb());

// Each test starts from no active admin but the ones it makes.
beforeEach(async () => {
  await db.user.updateMany({ where: { role: "ADMIN" }, data: { role: "MEMBER" } });
});

const activeAdmins = () => db.user.count({ where: { role: "ADMIN", deactivatedAt: null } });

/** Runs both at once; the refusals must be the last-admin 409, and exactly one of the two may succeed. */
async function race(a: () => Promise<unknown>, b: () => Promise<unknown>) {
  const results = await Promise.allSettled([a(), b()]);
  const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
  for (const reason of refused) {
    expect(reason).toBeInstanceOf(AppError);
    expect(reason).toMatchObject({ code: "conflict:last_admin", status: 409 });
  }
  expect(refused).toHaveLength(1);
  expect(await activeAdmins()).toBe(1);
}

async function twoAdmins(): Promise<[SessionUser, SessionUser]> {
  return [await person("ADMIN"), await person("ADMIN")];
}

describe("the last admin", () => {
  it("cannot delete their own account: refused with a message, nothing deleted", async () => {
    const [only] = [await person("ADMIN")];
    const error = await refusal(deleteUserAccount({ userId: only.id }));
    expect(error.status).toBe(409);
    expect(error.message).toBe(
      "You are the last admin: you cannot delete your account. Make someone else an admin first.",
    );
    expect(await db.user.count({ where: { id: only.id } })).toBe(1);
    // A deactivated admin does not count as another one.
    const dormant = await person("ADMIN");
    await db.user.update({ where: { id: dormant.id }, data: { deactivatedAt: new Date() } });
    await refusal(deleteUserAccount({ userId: only.id }));
    // With a second active admin, either may go.
    await person("ADMIN");
    expect(await deleteUserAccount({ userId: only.id })).toEqual({ messagesKept: 0, roomsKept: 0 });
  });

  it("survives two admins deleting each other at once (several rounds)", async () => {
    for (let round = 0; round < 5; round++) {
      await db.user.updateMany({ where: { role: "ADMIN" }, data: { role: "MEMBER" } });
      const [a, b] = await twoAdmins();
      await race(
        () => performAdminAction("member.delete", a, { id: b.id }),
        () => performAdminAction("member.delete", b, { id: a.id }),
      );
    }
  });

  it("survives two admins deleting their own accounts at once", async () => {
    for (let round = 0; round < 5; round++) {
      await db.user.updateMany({ where: { role: "ADMIN" }, data: { role: "MEMBER" } });
      const [a, b] = await twoAdmins();
      await race(
        () => deleteUserAccount({ userId: a.id }),
        () => deleteUserAccount({ userId: b.id }),
      );
    }
  });

  it("survives one admin demoting or deactivating the other while leaving", async () => {
    const [a, b] = await twoAdmins();
    await race(
      () => performAdminAction("member.set_role", a, { id: b.id, role: "MEMBER" }),
      () => deleteUserAccount({ userId: a.id }),
    );
    await db.user.updateMany({ where: { role: "ADMIN" }, data: { role: "MEMBER" } });
    const [c, d] = await twoAdmins();
    await race(
      () => performAdminAction("member.deactivate", c, { id: d.id }),
      () => performAdminAction("member.set_role", c, { id: c.id, role: "MODERATOR" }),
    );
  });
});
