// Renders a chat message's safe markdown subset to HTML: bold, italic, inline code, code blocks,
// links (rel="noopener nofollow ugc"), auto-linked URLs and @username mentions of people who exist. markdown-it never
// passes raw HTML through (html: false), and sanitize-html then keeps only the tags this subset
// produces, so no HTML from a message body reaches the page.
import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });
// Chat is not a document: no headings, lists, quotes, tables, rules or images.
md.disable(["heading", "lheading", "hr", "list", "blockquote", "table", "image", "reference", "strikethrough"]);

const MENTION = /(^|[^\w@/.])@([a-z0-9_]{3,30})(?![\w])/gi;

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

/** At most this many people are notified of one message; further names stay plain text. */
export const MENTIONS_MAX = 50;

// Rendering is synchronous, so one counter tracks whether the text being rendered is inside a
// link (where a mention must stay plain text to avoid a link in a link), and one set holds the
// names that resolved to members (the rest of the @words stay plain text).
let linkDepth = 0;
let linked: ReadonlySet<string> = new Set();

md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
  linkDepth++;
  const token = tokens[idx];
  token?.attrSet("rel", "noopener nofollow ugc");
  token?.attrSet("target", "_blank");
  return self.renderToken(tokens, idx, options);
};
md.renderer.rules.link_close = (tokens, idx, options, _env, self) => {
  linkDepth = Math.max(0, linkDepth - 1);
  return self.renderToken(tokens, idx, options);
};
md.renderer.rules.text = (tokens, idx) => {
  const escaped = escapeHtml(tokens[idx]?.content ?? "");
  if (linkDepth > 0) return escaped;
  return escaped.replace(MENTION, (whole, before: string, name: string) =>
    linked.has(name.toLowerCase()) ? `${before}<a class="mention" href="/u/${name.toLowerCase()}">@${name}</a>` : whole,
  );
};

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "strong", "em", "code", "pre", "a"],
  allowedAttributes: { a: ["href", "rel", "target", "class"], code: ["class"] },
  allowedClasses: { a: ["mention"], code: [/^language-[\w-]+$/] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  transformTags: {
    // Whatever produced the link, it leaves with the rel and target the app promises.
    a: (tagName, attribs) => {
      const href = attribs.href ?? "#";
      const safe: Record<string, string> =
        attribs.class === "mention"
          ? { href, class: "mention" }
          : { href, rel: "noopener nofollow ugc", target: "_blank" };
      return { tagName, attribs: safe };
    },
  },
};

/** `mentions`: the lower-case usernames that named members when the message was stored (Message.mentions). */
export function renderMessageHtml(body: string, mentions: readonly string[] = []): string {
  linkDepth = 0;
  linked = new Set(mentions);
  try {
    return sanitizeHtml(md.render(body), SANITIZE).trim();
  } finally {
    linked = new Set();
  }
}

/** The usernames a message mentions (lower-case, unique, the first MENTIONS_MAX), as the send resolves them. */
export function mentionedUsernames(body: string): string[] {
  const found = new Set<string>();
  for (const match of body.matchAll(MENTION)) {
    if (match[2]) found.add(match[2].toLowerCase());
    if (found.size === MENTIONS_MAX) break;
  }
  return [...found];
}
