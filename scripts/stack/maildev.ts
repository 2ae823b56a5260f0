// Starts maildev, the SMTP catcher: every mail the app sends locally lands in its web inbox
// (and its REST API, which the tests read).
import path from "node:path";
import { spawnService, type ChildService } from "./child-service";
import { waitForPort } from "./ports";

export interface MaildevOptions {
  smtpPort: number;
  webPort: number;
}

export async function startMaildev(options: MaildevOptions): Promise<ChildService> {
  return spawnService({
    name: "maildev",
    command: process.execPath,
    args: [
      path.resolve("node_modules/maildev/bin/maildev"),
      "--smtp",
      String(options.smtpPort),
      "--web",
      String(options.webPort),
      "--ip",
      "127.0.0.1",
      "--silent",
    ],
    ready: async () => {
      await waitForPort(options.smtpPort);
      await waitForPort(options.webPort);
    },
  });
}
