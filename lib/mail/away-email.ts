// The away email: the mentions and replies a member left unread, batched into one mail, each with who, where, what
// (a plain-text excerpt, escaped by the layout) and a link to the message in its room; the footer says why it came,
// where to change that, and how to unsubscribe in one click (List-Unsubscribe, RFC 8058).
import { renderMail, type LayoutItem } from "./templates";
import type { OutgoingMail } from "./transport";

export interface AwayEmailEntry {
  kind: "MENTION" | "REPLY";
  /** Null once the author's account is gone. */
  actorName: string | null;
  roomName: string;
  /** Plain text, already cut. */
  excerpt: string;
  at: Date;
  /** Absolute link to the message in its room. */
  url: string;
}

export interface AwayEmailInput {
  to: string;
  name: string;
  mode: "EACH" | "DAILY";
  entries: AwayEmailEntry[];
  /** Entries due in all (more than `entries` when the mail lists only the oldest). */
  total: number;
  settingsUrl: string;
  unsubscribe: { page: string; oneClick: string };
  messageId: string;
}

// One clock for every reader of the mail, named in the text: the server cannot know the member's time zone.
const WHEN = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", dateStyle: "medium", timeStyle: "short" });

const did = (kind: AwayEmailEntry["kind"]) => (kind === "MENTION" ? "mentioned you" : "replied to you");
const who = (entry: AwayEmailEntry) => entry.actorName ?? "Someone";

function item(entry: AwayEmailEntry): LayoutItem {
  return {
    title: `${who(entry)} ${did(entry.kind)} in ${entry.roomName} · ${WHEN.format(entry.at)} UTC`,
    quote: entry.excerpt || "(no text)",
    link: { label: "Open the message", url: entry.url },
  };
}

export function awayEmailSubject(entries: AwayEmailEntry[], total: number): string {
  const [only] = entries;
  if (total === 1 && only) return `${who(only)} ${did(only.kind)} in ${only.roomName}`;
  return `${total} mentions and replies waiting on Roomful`;
}

export function awayEmailMail(input: AwayEmailInput): OutgoingMail {
  const { entries, total } = input;
  const more = total - entries.length;
  const why =
    input.mode === "DAILY"
      ? "You get this daily digest because your Roomful settings ask for one when mentions and replies wait unread."
      : "You get this because your Roomful settings ask for an email when a mention or reply waits unread.";
  const mail = renderMail({
    to: input.to,
    subject: awayEmailSubject(entries, total),
    greeting: `Hi ${input.name},`,
    paragraphs: [
      total === 1
        ? "While you were away, this was waiting for you:"
        : `While you were away, ${total} mentions and replies were waiting for you:`,
      ...(more > 0 ? [`${more} more are waiting in your Roomful inbox.`] : []),
    ],
    items: entries.map(item),
    footer: why,
    footerLinks: [
      { label: "Email settings", url: input.settingsUrl },
      { label: "Unsubscribe", url: input.unsubscribe.page },
    ],
  });
  return {
    ...mail,
    messageId: input.messageId,
    headers: {
      "List-Unsubscribe": `<${input.unsubscribe.oneClick}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}
