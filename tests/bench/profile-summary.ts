// Summarises a V8 CPU profile of the app (`BENCH_CPU_PROF=<dir> npm run bench:chat-fanout` writes one per app process,
// plus windows.json: the app phase's blocks and their message counts) as CPU milliseconds per message by component.
// Usage: npx tsx tests/bench/profile-summary.ts <dir or .cpuprofile> [--all] [--top=25]
//   --all   count the whole profile (start-up and the floor phase included) instead of the app phase's windows.
//   --windows=<name>  read <name> beside the profile instead of windows.json (bench:mention-send writes one per kind).
// Bundled frames (Next's server chunks) are mapped to their sources through the chunks' source maps, so a frame in
// .next-e2e-*/server/chunks/x.js counts as node_modules/zod/… or lib/chat/messages.ts, where it came from.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}
interface Window {
  start: number;
  end: number;
  messages: number;
}

/** Components, first match wins, tested against "<source> <function>". */
const COMPONENTS: Array<[string, RegExp]> = [
  ["(idle)", /^ \(idle\)$/],
  ["(garbage collector)", /^ \(garbage collector\)$/],
  ["(program: V8/native, unattributed)", /^ \(program\)$/],
  ["session JWT (next-auth/jose)", /node_modules\/(next-auth|jose|openid-client|@panva)\//],
  ["Prisma query compiler (WASM)", /query_compiler|wasm:\/\//],
  ["Prisma client runtime", /@prisma\/client|lib\/db\/generated|@prisma\/adapter-pg|@prisma\/driver-adapter-utils/],
  ["pg driver", /node_modules\/(pg|pg-protocol|pg-pool|pg-types|postgres-\w+)\//],
  ["zod", /node_modules\/zod\//],
  ["markdown-it", /node_modules\/(markdown-it|linkify-it|mdurl|uc\.micro|entities|punycode)\//],
  [
    "sanitize-html",
    /node_modules\/(sanitize-html|htmlparser2|domhandler|domutils|dom-serializer|postcss|parse-srcset)\//,
  ],
  ["rate-limiter-flexible", /node_modules\/rate-limiter-flexible\//],
  ["pino logging", /node_modules\/(pino|pino-std-serializers|sonic-boom|fast-redact|thread-stream|@pinojs)/],
  ["prom-client metrics", /node_modules\/(prom-client|tdigest|bintrees)\//],
  ["OpenTelemetry API", /node_modules\/@opentelemetry\//],
  ["pusher SDK (trigger)", /node_modules\/(pusher|tweetnacl|tweetnacl-util)\//],
  ["React (server)", /node_modules\/(react|react-dom|react-server-dom-\w+|scheduler)\//],
  ["Next.js server", /node_modules\/next\/|\.next[^ ]*\/server\/(chunks\/ssr\/)?\[?(turbopack|webpack)|next\/dist/],
  ["app: lib/", /(^|\/)lib\/[^ ]+/],
  ["app: app/, proxy, instrumentation", /(^|\/)(app\/|proxy\.ts|instrumentation\.ts)/],
  ["Node.js internals", /^node:|^ /],
];

const maps = new Map<string, SourceMap | null>();

/** The source map of a file URL (`<file>.map` beside it), or null. */
function sourceMapOf(url: string): SourceMap | null {
  if (maps.has(url)) return maps.get(url) ?? null;
  let map: SourceMap | null = null;
  try {
    const file = url.startsWith("file://") ? fileURLToPath(url) : url;
    if (file.endsWith(".js") && existsSync(`${file}.map`)) {
      map = new SourceMap(
        JSON.parse(readFileSync(`${file}.map`, "utf8")) as ConstructorParameters<typeof SourceMap>[0],
      );
    }
  } catch {
    map = null;
  }
  maps.set(url, map);
  return map;
}

/** Where a frame's code came from (the original source and name when a source map says, else the URL). */
function sourceOf(frame: CallFrame): string {
  if (!frame.url) return "";
  const map = frame.url.includes("/.next") ? sourceMapOf(frame.url) : null;
  if (map) {
    const entry = map.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string; name?: string };
    // Minified bundles keep one-letter names; the map has the original one.
    if (entry.name) frame.functionName = entry.name;
    if (entry.originalSource) return entry.originalSource.replace(/^.*\[project\]\//, "").replace(/^(\.\.\/)+/, "");
  }
  return frame.url.replace(/^file:\/\/.*?\/(node_modules|lib|app)\//, "$1/");
}

function componentOf(source: string, functionName: string): string | undefined {
  const key = `${source} ${functionName}`;
  return COMPONENTS.find(([, pattern]) => pattern.test(key))?.[0];
}

/** The app's own code (mapped sources under lib/ and app/), whose functions get an inclusive line each. */
const APP_SOURCE = /^(lib|app)\/|^(proxy|instrumentation)\.ts$/;
const NODE = "Node.js internals";
/** Next.js's phases of a request, by function name, for an inclusive line each (the proxy pass among them). */
const NEXT_PHASES =
  /^(NextNodeServer\.)?(handleCatchallMiddlewareRequest|runMiddleware|adapter|handleRequestImpl|renderToResponseImpl|resolveRoutes|handleRoute|sendResponse|handleNextDataRequest|runEdgeFunction|requestHandlerImpl)$/;

function profilesIn(target: string): string[] {
  if (statSync(target).isFile()) return [target];
  return readdirSync(target)
    .filter((name) => name.endsWith(".cpuprofile"))
    .map((name) => path.join(target, name));
}

function main(): void {
  const args = process.argv.slice(2);
  const target = args.find((a) => !a.startsWith("--"));
  if (!target) {
    console.error(
      "usage: npx tsx tests/bench/profile-summary.ts <dir or .cpuprofile> [--all] [--top=25] [--windows=file]",
    );
    process.exit(2);
  }
  const all = args.includes("--all");
  const top = Number(args.find((a) => a.startsWith("--top="))?.slice(6) ?? 25);
  const dir = statSync(target).isDirectory() ? target : path.dirname(target);
  const windowsFile = path.join(dir, args.find((a) => a.startsWith("--windows="))?.slice(10) ?? "windows.json");
  const windows: Window[] =
    !all && existsSync(windowsFile) ? (JSON.parse(readFileSync(windowsFile, "utf8")) as Window[]) : [];
  const messages = windows.reduce((sum, w) => sum + w.messages, 0);

  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const callers = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;

  for (const file of profilesIn(target)) {
    const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const resolved = new Map<number, { source: string; component?: string; label: string }>();
    const resolve = (id: number) => {
      let found = resolved.get(id);
      if (!found) {
        const frame = (byId.get(id) as ProfileNode).callFrame;
        const source = sourceOf(frame);
        found = {
          source,
          component:
            frame.url || frame.functionName.startsWith("(") ? componentOf(source, frame.functionName) : undefined,
          label: `${frame.functionName || "(anonymous)"}  ${source}${frame.url ? `:${frame.lineNumber + 1}` : ""}`,
        };
        resolved.set(id, found);
      }
      return found;
    };

    let at = profile.startTime;
    for (let i = 0; i < profile.samples.length; i++) {
      at += profile.timeDeltas[i] ?? 0;
      const duration = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      if (windows.length > 0 && !windows.some((w) => at >= w.start && at <= w.end)) continue;
      const leaf = profile.samples[i] as number;
      total += duration;
      // Self time goes to the leaf's component; a builtin without a source (JSON.parse, a RegExp) or Node's own code
      // (streams, sockets, crypto) counts for the nearest caller that is neither, e.g. pg's socket writes for pg.
      let id: number | undefined = leaf;
      let component: string | undefined;
      const seen = new Set<string>();
      const seenCallers = new Set<string>();
      while (id !== undefined) {
        const frame = resolve(id);
        const name = (byId.get(id) as ProfileNode).callFrame.functionName;
        if (frame.component !== NODE) component ??= frame.component;
        if (frame.component) seen.add(frame.component);
        if (APP_SOURCE.test(frame.source)) seenCallers.add(`${name || "(anonymous)"}  ${frame.source}`);
        if (frame.component === "Next.js server" && NEXT_PHASES.test(name)) seenCallers.add(`Next: ${name}`);
        id = parent.get(id);
      }
      const leafName = (byId.get(leaf) as ProfileNode).callFrame.functionName;
      if (leafName === "(root)") component = "(idle)";
      const key = component ?? (seen.has(NODE) ? `${NODE} (no JS caller: event loop, sockets, timers)` : "other");
      self.set(key, (self.get(key) ?? 0) + duration);
      for (const c of seen) inclusive.set(c, (inclusive.get(c) ?? 0) + duration);
      for (const c of seenCallers) callers.set(c, (callers.get(c) ?? 0) + duration);
      const label = resolve(leaf).label;
      functions.set(label, (functions.get(label) ?? 0) + duration);
    }
  }

  const idle = self.get("(idle)") ?? 0;
  const per = messages > 0 ? messages : 1;
  const unit = messages > 0 ? "ms/message" : "ms";
  const fmt = (value: number) => (value / per).toFixed(3).padStart(9);
  const rows = (map: Map<string, number>, limit = Infinity) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(
        ([name, value]) =>
          `${fmt(value)}  ${(((value / Math.max(1, total - idle)) * 100).toFixed(1) + "%").padStart(6)}  ${name}`,
      );
  console.log(
    windows.length > 0
      ? `App phase only: ${windows.length} windows, ${messages} messages, ${((total - idle) / per).toFixed(2)} ms of CPU per message (idle excluded).`
      : `Whole profile: ${(total - idle).toFixed(0)} ms of CPU (idle excluded).`,
  );
  console.log(`\nSelf time by component (${unit}, share of busy time):`);
  console.log(rows(self).join("\n"));
  console.log(`\nInclusive time by component (${unit}; a component counts once per sample, so rows overlap):`);
  console.log(rows(inclusive).join("\n"));
  console.log(
    `\nInclusive synchronous time of the app's own functions and Next's request phases (${unit}; async continuations are not included):`,
  );
  console.log(rows(callers, 40).join("\n"));
  console.log(`\nTop ${top} functions by self time (${unit}):`);
  console.log(rows(functions, top).join("\n"));
}

main();
