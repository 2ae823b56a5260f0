// The admin role matrix. Every page and server action under app/admin must be listed in
// lib/admin/registry.ts (this file scans the folder and fails on anything unlisted or unguarded),
// and so must every server action elsewhere that runs admin work (lib/moderation/actions.ts),
// and every registry action is run for a signed-out visitor, a member, a moderator and an admin:
// below moderator → 404 (nothing here exists for them), a moderator on an admin-only action → 403
// with a message, otherwise the guard lets the call through (to validation, with empty input).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminAccess } from "@/lib/admin/access";
import { performAdminAction } from "@/lib/admin/perform";
import {
  ADMIN_ACTION_CODES,
  ADMIN_ACTIONS,
  ADMIN_PAGES,
  type AdminActionCode,
  type AdminRole,
} from "@/lib/admin/registry";
import { db, disconnectDb } from "@/lib/db/client";
import type { SessionUser } from "@/lib/db/users";
import { AppError } from "@/lib/errors";
import { person } from "../support/admin-fixtures";

const ROOT = path.resolve(import.meta.dirname, "../..");
const ADMIN_DIR = path.join(ROOT, "app/admin");
// Server actions that shared components call live outside app/admin (components may not import app/).
const ADMIN_ACTIONS_ELSEWHERE = ["lib/moderation/actions.ts"];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const files = walk(ADMIN_DIR);
const rel = (file: string) => path.relative(ROOT, file);

/** app/admin/rooms/[id]/page.tsx → /admin/rooms/[id] (route groups dropped). */
function routeOf(file: string): string {
  const segments = path
    .relative(path.join(ROOT, "app"), path.dirname(file))
    .split(path.sep)
    .filter((s) => !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

const isUseServerFile = (source: string) => /^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(source);

interface ExportedAction {
  file: string;
  name: string;
  body: string;
}

/**
 * The exported actions of a "use server" file, each with its body's text: async functions, and
 * constants made by adminForm("code") (lib/admin/server-actions.ts).
 */
function exportedActions(file: string, source: string): ExportedAction[] {
  const parts = source.split(/\n(?=export )/);
  return parts
    .filter((part) => part.startsWith("export ") && !/^export (interface|type) /.test(part))
    .map((part) => {
      const match = /^export async function (\w+)\s*\(/.exec(part) ?? /^export const (\w+) = adminForm\(/.exec(part);
      return { file: rel(file), name: match?.[1] ?? `<not an admin action: ${part.split("\n")[0]}>`, body: part };
    });
}

/** Every "use server" file of app/ and lib/ (outside app/admin) that reaches lib/admin/server-actions. */
function adminActionFilesElsewhere(): string[] {
  return [...walk(path.join(ROOT, "app")), ...walk(path.join(ROOT, "lib"))].filter((file) => {
    if (!/\.(ts|tsx)$/.test(file) || file.startsWith(ADMIN_DIR + path.sep)) return false;
    const source = readFileSync(file, "utf8");
    return isUseServerFile(source) && /admin\/(server-actions|perform)["']/.test(source);
  });
}

const pageFiles = files.filter((f) => path.basename(f) === "page.tsx");
const routeFiles = files.filter((f) => /^route\.(ts|tsx|js)$/.test(path.basename(f)));
const sourceFiles = files.filter((f) => /\.(ts|tsx)$/.test(f));
const elsewhere = adminActionFilesElsewhere();
const serverActionFiles = [...sourceFiles.filter((f) => isUseServerFile(readFileSync(f, "utf8"))), ...elsewhere];
const actions = serverActionFiles.flatMap((f) => exportedActions(f, readFileSync(f, "utf8")));

describe("everything under app/admin is in the registry", () => {
  it("finds the admin pages and actions to check (the scan itself works)", () => {
    expect(pageFiles.length).toBeGreaterThanOrEqual(Object.keys(ADMIN_PAGES).length);
    expect(actions.length).toBeGreaterThanOrEqual(ADMIN_ACTION_CODES.length);
    expect(elsewhere.map(rel).sort()).toEqual(expect.arrayContaining(ADMIN_ACTIONS_ELSEWHERE));
  });

  it("lists every page.tsx, and each page guards itself with its own registry key", () => {
    const registered = new Map<string, string>(Object.entries(ADMIN_PAGES).map(([key, page]) => [page.path, key]));
    for (const file of pageFiles) {
      const route = routeOf(file);
      const key = registered.get(route);
      expect(key, `${rel(file)} (${route}) is not in ADMIN_PAGES of lib/admin/registry.ts`).toBeDefined();
      expect(readFileSync(file, "utf8"), `${rel(file)} must call requireAdminPage("${key}")`).toContain(
        `requireAdminPage("${key}")`,
      );
    }
    expect(pageFiles.map(routeOf).sort()).toEqual(
      Object.values(ADMIN_PAGES)
        .map((p) => p.path)
        .sort(),
    );
  });

  it("guards the whole segment in its layout", () => {
    expect(readFileSync(path.join(ADMIN_DIR, "layout.tsx"), "utf8")).toContain("requireAdminArea()");
  });

  it("has no route handlers (they would bypass the registry; add them to it and to this test first)", () => {
    expect(routeFiles.map(rel)).toEqual([]);
  });

  it('has no inline server actions outside "use server" files', () => {
    for (const file of sourceFiles) {
      const source = readFileSync(file, "utf8");
      if (isUseServerFile(source)) continue;
      expect(source, `${rel(file)} declares a server action inline`).not.toMatch(/["']use server["']/);
    }
  });

  it("runs every exported server action through a registered admin action", () => {
    const used = new Set<string>();
    for (const action of actions) {
      const calls = [...action.body.matchAll(/admin(?:Form|Call)(?:Action)?\(\s*"([a-z_.]+)"/g)].map((m) => m[1] ?? "");
      expect(
        calls,
        `${action.file} → ${action.name} must be one call of adminForm/adminFormAction/adminCallAction with a registry code`,
      ).toHaveLength(1);
      const [code = ""] = calls;
      expect(
        ADMIN_ACTION_CODES,
        `${action.file} → ${action.name} uses "${code}", which is not in ADMIN_ACTIONS`,
      ).toContain(code);
      used.add(code);
    }
    // And nothing in the registry is left without a way to reach it.
    expect(ADMIN_ACTION_CODES.filter((code) => !used.has(code))).toEqual([]);
  });
});

type Caller = "signed out" | "member" | "moderator" | "admin" | "deactivated moderator";
const callers: Record<Caller, SessionUser | null> = {
  "signed out": null,
  member: null,
  moderator: null,
  admin: null,
  "deactivated moderator": null,
};

beforeAll(async () => {
  callers.member = await person("MEMBER");
  callers.moderator = await person("MODERATOR");
  callers.admin = await person("ADMIN");
  const gone = await person("MODERATOR");
  await db.user.update({ where: { id: gone.id }, data: { deactivatedAt: new Date() } });
  // As the session would see them if the cookie still passed: the guard checks the flag itself.
  callers["deactivated moderator"] = { ...gone, deactivated: true };
});
afterAll(() => disconnectDb());

type Expected = "hidden" | "forbidden" | "allowed";

function expected(caller: Caller, minRole: AdminRole): Expected {
  if (caller === "signed out" || caller === "member" || caller === "deactivated moderator") return "hidden";
  if (caller === "moderator" && minRole === "ADMIN") return "forbidden";
  return "allowed";
}

const matrix = ADMIN_ACTION_CODES.flatMap((code) =>
  (Object.keys(callers) as Caller[]).map((caller) => ({
    code,
    caller,
    outcome: expected(caller, ADMIN_ACTIONS[code].minRole),
  })),
);

describe("role matrix: every admin action × every kind of caller", () => {
  it.each(matrix)(
    "$code as $caller → $outcome",
    async ({ code, caller, outcome }: { code: AdminActionCode; caller: Caller; outcome: Expected }) => {
      const before = await db.auditLog.count();
      const result = await performAdminAction(code, callers[caller], {}).then(
        () => null,
        (error: unknown) => error,
      );
      if (outcome === "hidden") {
        expect(result).toBeInstanceOf(AppError);
        expect((result as AppError).status).toBe(404);
        expect((result as AppError).code).toBe("not_found:admin");
      } else if (outcome === "forbidden") {
        expect(result).toBeInstanceOf(AppError);
        expect((result as AppError).status).toBe(403);
        expect((result as AppError).message).toMatch(/only admins/i);
      } else if (result !== null) {
        // Past the guard: empty input is refused by the action's own validation instead.
        expect(result).toBeInstanceOf(AppError);
        expect((result as AppError).code).not.toMatch(/^(not_found:admin|forbidden:admin_only)$/);
        expect((result as AppError).status).toBe(400);
      }
      // A refused call leaves no trace.
      if (outcome !== "allowed") expect(await db.auditLog.count()).toBe(before);
    },
  );

  it("covers every registry action for every caller", () => {
    expect(matrix).toHaveLength(ADMIN_ACTION_CODES.length * Object.keys(callers).length);
  });
});

describe("role matrix: every admin page × every kind of caller", () => {
  const pages = Object.entries(ADMIN_PAGES).flatMap(([key, page]) =>
    (Object.keys(callers) as Caller[]).map((caller) => ({ key, caller, minRole: page.minRole as AdminRole })),
  );
  it.each(pages)("$key as $caller", ({ caller, minRole }) => {
    expect(adminAccess(callers[caller], minRole)).toBe(expected(caller, minRole));
  });
});
