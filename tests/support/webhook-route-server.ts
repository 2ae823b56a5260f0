// A stand-in for the app's HTTP server in front of POST /api/pusher/webhook, for tests where a real
// soketi posts its webhooks: each delivery goes through the route handler and is kept for assertions.
import { createServer } from "node:http";
import { POST } from "@/app/api/pusher/webhook/route";
import { freePort } from "@/scripts/stack/ports";

export interface WebhookDelivery {
  status: number;
  events: Array<{ name: string; channel: string; user_id?: string }>;
}

export async function startWebhookRouteServer(): Promise<{
  url: string;
  deliveries: WebhookDelivery[];
  close(): Promise<void>;
}> {
  const deliveries: WebhookDelivery[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
      void POST(new Request(`http://127.0.0.1${req.url ?? "/"}`, { method: "POST", headers, body })).then(
        async (response) => {
          const { events = [] } = JSON.parse(body.toString("utf8")) as Partial<WebhookDelivery>;
          deliveries.push({ status: response.status, events });
          res.writeHead(response.status, { "Content-Type": "application/json" });
          res.end(await response.text());
        },
      );
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}/api/pusher/webhook`,
    deliveries,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
