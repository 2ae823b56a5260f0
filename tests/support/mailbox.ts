// Reads the mail catcher's REST API (maildev): what a member would find in their inbox.
import { z } from "zod";
import { eventually } from "./wait-for";

const mailSchema = z.object({
  id: z.string(),
  subject: z.string(),
  text: z.string().default(""),
  html: z.string().default(""),
  to: z.array(z.object({ address: z.string() })),
  from: z.array(z.object({ address: z.string(), name: z.string().optional() })),
  /** Header names in lower case, as maildev parses them. */
  headers: z.record(z.string(), z.unknown()).default({}),
  messageId: z.string().optional(),
});
export type CaughtMail = z.infer<typeof mailSchema>;

export async function listMail(apiUrl: string): Promise<CaughtMail[]> {
  const response = await fetch(`${apiUrl}/email`);
  if (!response.ok) throw new Error(`mail catcher answered ${response.status}`);
  return z.array(mailSchema).parse(await response.json());
}

/** Waits for the newest mail to `to` (and matching `subject`, if given). */
export async function findMail(apiUrl: string, to: string, subject?: string, timeoutMs = 10_000): Promise<CaughtMail> {
  return eventually(
    async () =>
      (await listMail(apiUrl))
        .filter((m) => m.to.some((t) => t.address === to) && (!subject || m.subject === subject))
        .at(-1),
    { timeoutMs, what: `a mail to ${to}`, intervalMs: 100 },
  );
}

/** Every mail to `to` caught so far, oldest first. */
export async function mailTo(apiUrl: string, to: string): Promise<CaughtMail[]> {
  return (await listMail(apiUrl)).filter((m) => m.to.some((t) => t.address === to));
}
