// `npm run bench:trigger`: the app's CPU per realtime trigger, the way lib/realtime/server.ts sends one (the pusher SDK
// signs, Node's http sends on a keep-alive agent) against the pusher SDK's own trigger (node-fetch) on the same agent,
// to a local soketi (with the stack's keep-alive preload), in alternating rounds. Prints CPU and wall time per trigger.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Pusher from "pusher";
import { eventsEndpoint, keepAliveAgent } from "../../lib/realtime/events-request";
import { freePort } from "../../scripts/stack/ports";
import { localSoketiEnv, startLocalSoketi } from "../../scripts/stack/soketi";
import { count, percentile, sortNumbers } from "./support/stats";

const TRIGGERS = count("BENCH_TRIGGERS", 2_000);
const ROUNDS = count("BENCH_ROUNDS", 5);

// A message:created payload of ordinary size.
const payload = {
  id: 1,
  roomId: "c".repeat(25),
  body: "about as long as an ordinary line of chat in a busy room, with **bold** and a link",
  html: "<p>about as long as an ordinary line of chat in a busy room, with <strong>bold</strong> and a link</p>",
  createdAt: new Date().toISOString(),
  editedAt: null,
  author: { id: "u".repeat(25), username: "someone", name: "Some One", avatarUrl: null },
  replyTo: null,
};

async function main(): Promise<void> {
  const port = await freePort();
  const configDir = mkdtempSync(path.join(tmpdir(), "roomful-bench-trigger-"));
  const soketi = await startLocalSoketi({ port, clusterPort: await freePort(), configDir });
  try {
    const env = localSoketiEnv(port);
    const config = {
      appId: env.PUSHER_APP_ID ?? "",
      key: env.PUSHER_KEY ?? "",
      secret: env.PUSHER_SECRET ?? "",
      host: "127.0.0.1",
      port: String(port),
      cluster: "mt1",
      useTLS: false,
    };
    const agent = keepAliveAgent(config);
    const sdk = new Pusher({ ...config, timeout: 5_000, agent });
    const events = eventsEndpoint(config, sdk, agent);
    const data = JSON.stringify(payload);
    const kinds = {
      "app (signed by the SDK, sent by node:http)": () =>
        events(JSON.stringify({ name: "message:created", data, channel: "room-bench", socket_id: "123.456" })),
      "pusher SDK trigger (node-fetch)": async () => {
        const response = await sdk.trigger("room-bench", "message:created", payload, { socket_id: "123.456" });
        await response.text();
      },
    };
    const cpu = new Map<string, number[]>();
    const wall = new Map<string, number[]>();
    for (let round = 0; round <= ROUNDS; round++) {
      for (const [name, trigger] of Object.entries(kinds)) {
        const startedCpu = process.cpuUsage();
        const started = performance.now();
        for (let i = 0; i < TRIGGERS; i++) await trigger();
        const used = process.cpuUsage(startedCpu);
        // Round 0 warms both up (JIT, connections) and is not counted.
        if (round === 0) continue;
        cpu.set(name, [...(cpu.get(name) ?? []), (used.user + used.system) / 1000 / TRIGGERS]);
        wall.set(name, [...(wall.get(name) ?? []), (performance.now() - started) / TRIGGERS]);
      }
    }
    console.log(`${ROUNDS} rounds of ${TRIGGERS} triggers each, in turns; per trigger, median over rounds (min–max):`);
    for (const name of Object.keys(kinds)) {
      const c = sortNumbers(cpu.get(name) ?? []);
      const w = sortNumbers(wall.get(name) ?? []);
      const fmt = (v: number[]) =>
        `${percentile(v, 50).toFixed(3)} ms (${(v[0] ?? 0).toFixed(3)}–${(v.at(-1) ?? 0).toFixed(3)})`;
      console.log(`  ${name.padEnd(44)} CPU ${fmt(c)}   wall ${fmt(w)}`);
    }
    agent.destroy();
  } finally {
    await soketi.stop();
    rmSync(configDir, { recursive: true, force: true });
  }
}

await main();
