// lib/actions/member-action.ts: the caller check, the schema, typed errors as form state, and
// redirect() from inside the work still redirecting (it works by throwing).
import { redirect } from "next/navigation";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { AppError, unauthorized } from "@/lib/errors";

const session = vi.hoisted(() => ({ user: null as unknown }));
vi.mock("@/lib/auth/session", () => ({
  requireUser: async ({ verified = false }: { verified?: boolean } = {}) => {
    const user = session.user as { emailVerified: boolean } | null;
    if (!user) throw unauthorized();
    if (verified && !user.emailVerified) throw new AppError("forbidden:unverified", "Please confirm first.", 403);
    return user;
  },
}));

const { memberAction, noFields } = await import("@/lib/actions/member-action");

const member = { id: "u1", username: "ada", emailVerified: false } as unknown as SessionUser;
const schema = z.object({ name: z.string().trim().min(1, "Enter a name.") });

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

beforeEach(() => {
  session.user = member;
});

describe("memberAction", () => {
  it("passes the parsed input and the caller to the work", async () => {
    const state = await memberAction(form({ name: "  Ada ", $ACTION_ID_x: "" }), { schema }, async (input, user) => ({
      status: "success",
      message: `${input.name} / ${user.username}`,
    }));
    expect(state).toEqual({ status: "success", message: "Ada / ada" });
  });

  it("refuses a signed-out caller before reading the form", async () => {
    session.user = null;
    const work = vi.fn();
    const state = await memberAction(form({ name: "" }), { schema }, work);
    expect(state).toMatchObject({ status: "error", message: "Please sign in." });
    expect(work).not.toHaveBeenCalled();
  });

  it("asks for a confirmed email when the caller must be verified", async () => {
    const state = await memberAction(form({}), { caller: "verified", schema: noFields }, async () => ({
      status: "success",
    }));
    expect(state).toMatchObject({ status: "error", message: "Please confirm first." });
  });

  it("lets anyone in when the caller is anyone, with no user", async () => {
    session.user = null;
    const state = await memberAction(form({ name: "x" }), { caller: "anyone", schema }, async (_input, user) => ({
      status: "success",
      message: String(user),
    }));
    expect(state).toEqual({ status: "success", message: "null" });
  });

  it("answers a schema failure with the field errors, refilling the form but never with passwords", async () => {
    const state = await memberAction(form({ name: " ", password: "secret" }), { schema, refill: true }, vi.fn());
    expect(state).toEqual({
      status: "error",
      message: "Please correct the highlighted fields.",
      fields: { name: "Enter a name." },
      values: { name: " " },
    });
  });

  it("uses the form's own invalid message or answer when it has one", async () => {
    const own = await memberAction(form({}), { schema, invalidMessage: "That is not a room." }, vi.fn());
    expect(own).toMatchObject({ message: "That is not a room.", fields: { name: expect.any(String) } });
    const custom = await memberAction(
      form({}),
      { schema, onInvalid: (fields) => ({ status: "error", fields }) },
      vi.fn(),
    );
    expect(custom).toEqual({ status: "error", fields: { name: expect.any(String) } });
  });

  it("turns an AppError from the work into form state, and hides anything else", async () => {
    const refused = await memberAction(form({ name: "a" }), { schema }, async () => {
      throw new AppError("conflict:x", "Not now.", 409, { name: "Taken." });
    });
    expect(refused).toEqual({ status: "error", message: "Not now.", fields: { name: "Taken." } });
    const crashed = await memberAction(form({ name: "a" }), { schema }, async () => {
      throw new Error("database on fire");
    });
    expect(crashed).toMatchObject({ status: "error", message: "Something went wrong on our side. Please try again." });
  });

  it("lets redirect() from the work through", async () => {
    const action = memberAction(form({ name: "a" }), { schema }, async () => redirect("/rooms/a"));
    await expect(action).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;.*\/rooms\/a/) });
  });
});
