// The mails Roomful sends, each as HTML and plain text built from one simple layout. Values are
// HTML-escaped; links are absolute (APP_URL).
import type { OutgoingMail } from "./transport";

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

/** One entry of a mail that lists several (an away email's mentions): a line, a quote and its link. */
export interface LayoutItem {
  title: string;
  quote: string;
  link: { label: string; url: string };
}

export interface LayoutInput {
  to: string;
  subject: string;
  greeting: string;
  paragraphs: string[];
  items?: LayoutItem[];
  action?: { label: string; url: string };
  footer: string;
  /** Links under the footer (settings, unsubscribe). */
  footerLinks?: Array<{ label: string; url: string }>;
}

const LINK_STYLE = "color:#4338ca";

function itemsText(items: LayoutItem[]): string[] {
  return items.flatMap(({ title, quote, link }) => [title, `  “${quote}”`, `  ${link.label}: ${link.url}`, ""]);
}

function itemsHtml(items: LayoutItem[]): string {
  return items
    .map(
      ({ title, quote, link }) => `<div style="border-top:1px solid #e2e8f0;padding:14px 0">
<p style="margin:0 0 6px;font-weight:600">${escapeHtml(title)}</p>
<p style="margin:0 0 8px;color:#334155;border-left:3px solid #c7d2fe;padding-left:10px">${escapeHtml(quote)}</p>
<a href="${escapeHtml(link.url)}" style="${LINK_STYLE}">${escapeHtml(link.label)}</a>
</div>`,
    )
    .join("\n");
}

/** A mail in Roomful's one layout, as HTML (every value escaped) and plain text. */
export function renderMail(input: LayoutInput): OutgoingMail {
  const { to, subject, greeting, paragraphs, items = [], action, footer, footerLinks = [] } = input;
  const text = [
    greeting,
    "",
    ...paragraphs.flatMap((p) => [p, ""]),
    ...itemsText(items),
    ...(action ? [`${action.label}: ${action.url}`, ""] : []),
    footer,
    ...footerLinks.map((l) => `${l.label}: ${l.url}`),
    "",
    "— Roomful",
  ].join("\n");

  const button = action
    ? `<p style="margin:28px 0"><a href="${escapeHtml(action.url)}" style="background:#4f46e5;color:#ffffff;padding:12px 20px;border-radius:8px;text-decoration:none;font-weight:600;display:inline-block">${escapeHtml(action.label)}</a></p>
<p style="font-size:13px;color:#64748b">Or paste this link into your browser:<br><span style="word-break:break-all">${escapeHtml(action.url)}</span></p>`
    : "";
  const links = footerLinks.length
    ? `<p style="font-size:13px;color:#64748b">${footerLinks
        .map((l) => `<a href="${escapeHtml(l.url)}" style="${LINK_STYLE}">${escapeHtml(l.label)}</a>`)
        .join(" · ")}</p>`
    : "";
  const html = `<!doctype html>
<html lang="en"><body style="margin:0;background:#f8fafc;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,sans-serif;color:#0f172a">
<div style="max-width:520px;margin:0 auto;padding:32px 24px">
<p style="font-size:20px;font-weight:700;margin:0 0 24px">Roomful</p>
<div style="background:#ffffff;border:1px solid #e2e8f0;border-radius:12px;padding:28px">
<p style="margin-top:0">${escapeHtml(greeting)}</p>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
${itemsHtml(items)}
${button}
</div>
<p style="font-size:13px;color:#64748b;margin-top:20px">${escapeHtml(footer)}</p>
${links}
</div></body></html>`;
  return { to, subject, text, html };
}

/** Who a link mail goes to, and the link it carries. */
export interface LinkMailInput {
  to: string;
  name: string;
  url: string;
}

/** A mail to one member whose point is one link (the button, and the same URL in the text). */
function linkMail(
  { to, name, url }: LinkMailInput,
  mail: { subject: string; paragraphs: string[]; label: string; footer: string },
): OutgoingMail {
  const { subject, paragraphs, label, footer } = mail;
  return renderMail({ to, subject, greeting: `Hi ${name},`, paragraphs, action: { label, url }, footer });
}

export const verifyEmailMail = (input: LinkMailInput) =>
  linkMail(input, {
    subject: "Confirm your email for Roomful",
    paragraphs: ["Please confirm that this is your email address. The link works once, for 24 hours."],
    label: "Confirm my email",
    footer: "If you did not sign up for Roomful, ignore this mail; nothing happens without the link.",
  });

export const resetPasswordMail = (input: LinkMailInput) =>
  linkMail(input, {
    subject: "Reset your Roomful password",
    paragraphs: ["Someone (hopefully you) asked to reset your password. The link works once, for 1 hour."],
    label: "Choose a new password",
    footer: "If you did not ask for this, ignore this mail: your password stays as it is.",
  });

export const unprovenLinksRemovedMail = (input: LinkMailInput & { providers: string[] }) =>
  linkMail(input, {
    subject: "We removed sign-ins added before you confirmed your address",
    paragraphs: [
      `Your Roomful account could be signed into with ${input.providers.join(" and ")} before anyone had proved they own this email address. Now that you have, those sign-ins are removed and their sessions are signed out: someone else may have added them.`,
      "If they were yours, link them again from Settings.",
    ],
    label: "Open Settings",
    footer: "You receive this notice for your account's security.",
  });

export const passwordChangedMail = (input: LinkMailInput) =>
  linkMail(input, {
    subject: "Your Roomful password was changed",
    paragraphs: [
      "The password of your Roomful account was just changed, and every other session was signed out.",
      "If this was not you, reset your password now and let us know.",
    ],
    label: "Reset my password",
    footer: "You receive this notice for your account's security.",
  });

/** To the address an account just left: the new one (masked, the reader may not be its owner) and an undo link. */
export const emailChangedMail = (input: LinkMailInput & { maskedNewEmail: string }) =>
  linkMail(input, {
    subject: "Your Roomful email was changed",
    paragraphs: [
      `Your Roomful email was changed to ${input.maskedNewEmail}.`,
      "If this was you, there is nothing to do. If not, undo it: your address goes back to this one and every device signed in to your account is signed out. The link works once, for 7 days.",
    ],
    label: "Undo the change",
    footer: "You receive this notice for your account's security.",
  });
