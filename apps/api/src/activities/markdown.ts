// Activity descriptions: Markdown as organizers write it, rendered to HTML on the server
// and sanitised, so no script, handler or javascript: link reaches a reader's browser.
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

// One parser instance with our options (marked's global one is shared mutable state).
const markdown = new Marked({ gfm: true, breaks: true, async: false });

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "hr",
    "strong",
    "em",
    "del",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "h2",
    "h3",
    "h4",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
  ],
  allowedAttributes: { a: ["href", "title", "rel"], ol: ["start"], th: ["align"], td: ["align"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  // Headings shift down a level: the page title is the activity's h1.
  transformTags: {
    h1: "h2",
    h5: "h4",
    h6: "h4",
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow" }),
  },
  // Script and style content is dropped with its tags, not shown as text.
  nonTextTags: ["script", "style", "textarea", "noscript", "iframe", "object"],
};

/** Markdown → safe HTML (a fragment for an activity page). */
export function renderMarkdown(source: string): string {
  const html = markdown.parse(source) as string;
  return sanitizeHtml(html, ALLOWED);
}

/** Markdown → plain text (Open Graph descriptions, calendar entries). */
export function markdownToText(source: string): string {
  const html = markdown.parse(source) as string;
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
