// No 5xx on bad input, server actions: every exported function of every "use server" file in app/
// and lib/ (found by walking the folders, so a new one cannot be left out) is called in-process with
// malformed input (tests/support/fuzz-corpus.ts): NUL bytes and lone surrogates in each field, huge
// values, wrong types and wrong arguments altogether, signed in and out. Route handlers and pages:
// input-fuzz-routes.test.ts.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/fuzz-scope")).nextHeaders());
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  ...(await import("../support/fuzz-scope")).nextCache,
}));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  ...(await import("../support/fuzz-scope")).nextServer,
}));
import type { SessionUser } from "@/lib/db/users";
import { disconnectDb } from "@/lib/db/client";
import { initialFormState } from "@/lib/form-state";
import { BAD_TEXT, HUGE_TEXT, WRONG_VALUES, describeValue, formDataOf } from "../support/fuzz-corpus";
import {
  ROOT,
  actionFiles,
  expectNoFailures,
  fx,
  idFor,
  probe,
  refreshFixtures,
  rel,
  signIn,
  validFields,
} from "../support/fuzz-harness";
import { fuzzScope } from "../support/fuzz-scope";

beforeAll(async () => {
  await refreshFixtures();
});
afterAll(async () => {
  await disconnectDb();
});

describe("server actions", () => {
  it("finds the server actions to fuzz (the scan works)", () => {
    expect(actionFiles.map(rel)).toEqual(expect.arrayContaining(["lib/moderation/actions.ts", "lib/auth/actions.ts"]));
    expect(actionFiles.length).toBeGreaterThanOrEqual(15);
  });

  it.each(actionFiles.map(rel))("%s answers malformed input without a 5xx", async (file) => {
    const source = readFileSync(path.join(ROOT, file), "utf8");
    const actions = Object.entries((await import(path.join(ROOT, file))) as Record<string, unknown>).filter(
      (entry): entry is [string, (...args: unknown[]) => Promise<unknown>] => typeof entry[1] === "function",
    );
    expect(actions.length).toBeGreaterThan(0);
    for (const [name, action] of actions) {
      await refreshFixtures();
      // One address per action: its rate limits soon answer 429, which keeps password hashing off the clock.
      fuzzScope.ip = `198.51.100.${actions.findIndex(([n]) => n === name) + 10}`;
      const base = { ...validFields(), id: idFor(source, name) };
      let signedIn: SessionUser | null = fx.caller;
      const run = (what: string, ...args: unknown[]) =>
        probe(`${file} ${name}(${what})`, async () => {
          await signIn(signedIn);
          return action(...args);
        });
      // Form actions take (state, FormData), client-called ones one object: each gets its own shape.
      const asArgs = (fields: unknown) =>
        action.length >= 2 ? [initialFormState, formDataOf(fields as Record<string, unknown>)] : [fields];
      // One spoiled field at a time, the rest valid, so the bad one is what reaches the core.
      for (const key of Object.keys(base)) {
        for (const bad of BAD_TEXT) await run(`${key}=${describeValue(bad)}`, ...asArgs({ ...base, [key]: bad }));
      }
      for (const wrong of [HUGE_TEXT, ...WRONG_VALUES]) {
        const everywhere = Object.fromEntries(Object.keys(base).map((key) => [key, wrong]));
        await run(`all=${describeValue(wrong)}`, ...asArgs(everywhere));
        await run(`args=${describeValue(wrong)}`, ...(action.length >= 2 ? [initialFormState, wrong] : [wrong]));
      }
      await run("no arguments");
      signedIn = null;
      for (const bad of BAD_TEXT) {
        const everywhere = Object.fromEntries(Object.keys(base).map((key) => [key, bad]));
        await run(`signed out, all=${describeValue(bad)}`, ...asArgs(everywhere));
      }
    }
    expectNoFailures();
  });
});

describe("what bad text is answered with", () => {
  it("is the form's field error naming the problem", async () => {
    await signIn(fx.caller);
    const { createRoomAction } = await import("@/app/(main)/rooms/new/actions");
    const state = await createRoomAction(
      initialFormState,
      formDataOf({ name: "Room\u0000", topic: "Fuzzing", description: "" }),
    );
    expect(state).toMatchObject({
      status: "error",
      fields: { name: expect.stringMatching(/characters we can't store/) },
    });
  });
});
