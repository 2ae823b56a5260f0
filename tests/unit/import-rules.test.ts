// The import rules of eslint.config.mjs, run through ESLint itself: a backwards import (lib →
// components/app, components → app), Prisma outside lib/db, or a route reaching into another
// route's private folder fails lint; the imports the house allows pass.
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: path.join(ROOT, "eslint.config.mjs") });

/** The import-rule errors ESLint reports for `code` as if it stood at `file`. */
async function importErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nvoid x;\n`, { filePath: path.join(ROOT, file) });
  const messages = result?.messages ?? [];
  // A file ESLint could not parse, or one it ignores, would report nothing and prove nothing.
  expect(messages.filter((m) => m.fatal || m.ruleId === null)).toEqual([]);
  expect(await eslint.isPathIgnored(path.join(ROOT, file))).toBe(false);
  return messages
    .filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports" || m.ruleId === "roomful/private-folders")
    .map((m) => m.message);
}

const refused: [string, string, string, RegExp][] = [
  [
    "lib importing a component",
    "lib/rooms/thing.ts",
    'import x from "@/components/ui/button";',
    /app → components → lib/,
  ],
  ["lib importing a component, relatively", "lib/rooms/thing.ts", 'import x from "../../components/ui/button";', /lib/],
  ["lib importing a route's module", "lib/auth/thing.ts", 'import x from "@/app/(auth)/register/actions";', /lib/],
  [
    "a component importing app/",
    "components/thing.tsx",
    'import x from "@/app/(auth)/verify-email/actions";',
    /components/,
  ],
  [
    "a route importing @prisma/client",
    "app/(main)/page.tsx",
    'import x from "@prisma/client";',
    /Prisma stays in lib\/db/,
  ],
  ["a route importing the Prisma client", "app/api/rooms/route.ts", 'import x from "@/lib/db/client";', /Prisma/],
  [
    "a route importing generated types",
    "app/admin/page.tsx",
    'import type x from "@/lib/db/generated/prisma/enums";',
    /Prisma/,
  ],
  [
    "a component importing generated models",
    "components/x.tsx",
    'import x from "@/lib/db/generated/prisma/client";',
    /Prisma/,
  ],
  ["lib (outside lib/db) importing the Prisma client", "lib/rooms/thing.ts", 'import x from "../db/client";', /Prisma/],
  ["lib importing a generated value", "lib/auth/thing.ts", 'import x from "../db/generated/prisma/enums";', /Prisma/],
  [
    "lib importing generated row types",
    "lib/auth/thing.ts",
    'import type x from "../db/generated/prisma/client";',
    /Prisma/,
  ],
  [
    "a route importing a sibling route's _components",
    "app/(main)/rooms/new/page.tsx",
    'import x from "@/app/(auth)/verify-email/_components/resend-for-member";',
    /private to app\/\(auth\)\/verify-email\//,
  ],
  [
    "a parent segment importing a child's _components",
    "app/(main)/_components/recent-activity.tsx",
    'import x from "../activity/_components/activity-entry";',
    /private to app\/\(main\)\/activity\//,
  ],
  [
    "a cousin's _components, relatively",
    "app/(main)/rooms/[slug]/edit/_components/edit-room-form.tsx",
    'import x from "../../../new/_components/room-form-fields";',
    /private/,
  ],
];

const allowed: [string, string, string][] = [
  ["a route importing its own _components", "app/(auth)/login/page.tsx", 'import x from "./_components/sign-in-form";'],
  [
    "a route importing an ancestor's _components",
    "app/(auth)/login/page.tsx",
    'import x from "../_components/auth-card";',
  ],
  [
    "a nested private file importing an ancestor's",
    "app/(auth)/verify-email/_components/confirm-email.tsx",
    'import x from "../../_components/auth-card";',
  ],
  ["an ancestor's _lib by alias", "app/(auth)/login/page.tsx", 'import x from "@/app/(auth)/_lib/callback-url";'],
  ["a route importing a component", "app/(main)/page.tsx", 'import x from "@/components/ui/button";'],
  ["a route importing a query function", "app/(main)/page.tsx", 'import x from "@/lib/db/rooms";'],
  ["a component importing lib", "components/thing.tsx", 'import x from "@/lib/auth/actions";'],
  ["lib importing lib", "lib/rooms/thing.ts", 'import x from "@/lib/db/rooms";'],
  ["lib/db importing the client", "lib/db/rooms.ts", 'import x from "./client";'],
  ["lib/db importing generated code", "lib/db/rooms.ts", 'import x from "./generated/prisma/client";'],
  ["lib naming a schema enum as a type", "lib/auth/thing.ts", 'import type x from "../db/generated/prisma/enums";'],
  ["a test importing anything", "tests/integration/thing.test.ts", 'import x from "@/lib/db/client";'],
  ["a script importing anything", "scripts/thing.ts", 'import x from "@prisma/client";'],
];

describe("import rules (eslint.config.mjs)", () => {
  it.each(refused)("refuses %s", async (_name, file, code, message) => {
    const errors = await importErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

  it.each(allowed)("allows %s", async (_name, file, code) => {
    expect(await importErrors(file, code)).toEqual([]);
  });
});
