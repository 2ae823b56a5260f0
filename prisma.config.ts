// Prisma CLI configuration: the schema engine runs as WASM through @prisma/adapter-pg, so no
// native engine is ever downloaded. The three patches below work around bugs in adapter-pg 6.19
// and the WASM engine (see ../shared/STACK.md); they apply to the CLI process only, never the app.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { defineConfig } from "prisma/config";
import { pgConfigFromUrl } from "./lib/db/pg-config";
import { loadDotEnv } from "./scripts/stack/load-env";

loadDotEnv();

// The schema's datasource reads env("DATABASE_URL") even for `prisma generate`, which needs no
// database (it runs at npm install). Commands that connect use the real value or fail clearly.
const databaseUrl = process.env.DATABASE_URL;
process.env.DATABASE_URL ??= "postgresql://unset@localhost:5432/unset";

// 1. The schema engine reads catalog columns typed `name`, `"char"`, oidvector and reg* types,
//    which adapter-pg refuses to deserialize (prisma/prisma#27403). Report them as text.
const CATALOG_TYPE_OIDS = new Set([18, 19, 22, 24, 30, 194, 1033, 2205, 2206]);
const TEXT_OID = 25;
const patched = Symbol.for("roomful.prisma.catalogTypesAsText");

function relabelFields(result: unknown): void {
  const rows = Array.isArray(result) ? result : [result];
  for (const r of rows as Array<{ fields?: Array<{ dataTypeID: number }> } | undefined>) {
    for (const field of r?.fields ?? []) {
      if (CATALOG_TYPE_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    }
  }
}

const proto = pg.Client.prototype as unknown as Record<symbol | string, unknown> & {
  query: (...args: unknown[]) => unknown;
};
if (!proto[patched]) {
  const original = proto.query;
  proto.query = function patchedQuery(this: unknown, ...args: unknown[]) {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      const callback = last as (err: unknown, res: unknown) => void;
      args[args.length - 1] = (err: unknown, res: unknown) => {
        if (!err) relabelFields(res);
        callback(err, res);
      };
      return original.apply(this, args);
    }
    const out = original.apply(this, args);
    if (out && typeof (out as Promise<unknown>).then === "function") {
      return (out as Promise<unknown>).then((res) => {
        relabelFields(res);
        return res;
      });
    }
    return out;
  };
  proto[patched] = true;
}

// 2. The WASM schema engine arms a 10-second timer (a timeout race it never clears) on every
//    command, so `migrate deploy` sits idle for 10 s after finishing. Unref long timers in this
//    CLI process: they still fire while work is pending, but no longer keep a finished run alive.
const unrefLongTimers = Symbol.for("roomful.prisma.unrefLongTimers");
const timersGlobal = globalThis as typeof globalThis & { [unrefLongTimers]?: true };
if (!timersGlobal[unrefLongTimers]) {
  const originalSetTimeout = globalThis.setTimeout;
  const patchedSetTimeout = ((handler: (...a: unknown[]) => void, delay?: number, ...args: unknown[]) => {
    const timer = originalSetTimeout(handler, delay, ...args);
    if ((delay ?? 0) >= 5_000) timer.unref();
    return timer;
  }) as typeof setTimeout;
  globalThis.setTimeout = Object.assign(patchedSetTimeout, originalSetTimeout);
  timersGlobal[unrefLongTimers] = true;
}

// 3. connectToShadowDb() loses the database name of a pool built from a connection string and
//    drops the shadow database while still connected to it. Build from discrete settings and
//    manage the shadow database here: create a unique one, close it first, then force-drop it.
function createAdapter(): PrismaPg {
  const url = databaseUrl;
  if (!url) {
    throw new Error("DATABASE_URL is not set. `npm run dev` sets it for the embedded database.");
  }
  const config: pg.PoolConfig = {
    ...pgConfigFromUrl(url),
    // The CLI never closes its pool; without this each command waits out the idle timeout.
    allowExitOnIdle: true,
  };
  const factory = new PrismaPg(config);
  factory.connectToShadowDb = async () => {
    const admin = await factory.connect();
    const shadowName = `prisma_shadow_${process.pid}_${Date.now()}`;
    await admin.executeScript(`CREATE DATABASE "${shadowName}"`);
    const shadow = await new PrismaPg({ ...config, database: shadowName }).connect();
    const disposeShadow = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await disposeShadow();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${shadowName}" WITH (FORCE)`);
      await admin.dispose();
    };
    return shadow;
  };
  return factory;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () => createAdapter(),
});
