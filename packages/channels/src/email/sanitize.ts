import sanitizeHtml from "sanitize-html";

/**
 * An e-mail's HTML made harmless for the inbox's sandboxed frame (sanitize-html, an allow-list):
 * no scripts, no event handlers (on*), no forms, frames, objects or <style> blocks (they can
 * fetch remote fonts and images), no javascript:/data: links. Inline images (cid:) point at our
 * own attachment links; remote images are replaced by a placeholder until the agent allows them,
 * because loading one tells the sender the mail was read (and from where); 1×1 tracking pixels
 * are dropped even then. Inline style properties that cannot fetch anything are kept.
 */
export type TSanitizeOptions = {
  /** Our URL of an inline image by its Content-ID (without <>), or null when we do not have it. */
  cidUrl: (contentId: string) => string | null;
  allowRemoteImages: boolean;
};
export type TSanitizedHtml = { html: string; remoteImages: number; trackingPixels: number };

const SAFE_STYLE_VALUE = /^(?!.*(url\s*\(|expression\s*\(|@import|javascript:|\\)).{0,200}$/i;
const STYLE_PROPERTIES = [
  "color",
  "background-color",
  "font-family",
  "font-size",
  "font-weight",
  "font-style",
  "text-align",
  "text-decoration",
  "line-height",
  "margin",
  "margin-top",
  "margin-bottom",
  "margin-left",
  "margin-right",
  "padding",
  "padding-top",
  "padding-bottom",
  "padding-left",
  "padding-right",
  "border",
  "border-collapse",
  "width",
  "max-width",
  "height",
  "vertical-align",
  "white-space",
  "display",
];

function isTrackingPixel(attribs: Record<string, string>): boolean {
  const tiny = (v: string | undefined) => v !== undefined && /^\s*[01](px)?\s*$/.test(v);
  const style = attribs.style ?? "";
  return (
    (tiny(attribs.width) && tiny(attribs.height)) ||
    /(^|;)\s*(width|height)\s*:\s*[01]px/i.test(style) ||
    /display\s*:\s*none/i.test(style)
  );
}

export function sanitizeEmailHtml(html: string, options: TSanitizeOptions): TSanitizedHtml {
  let remoteImages = 0;
  let trackingPixels = 0;
  const clean = sanitizeHtml(html, {
    allowedTags: [
      ...sanitizeHtml.defaults.allowedTags.filter((t) => t !== "style"),
      "img",
      "font",
      "center",
      "span",
      "u",
      "s",
    ],
    disallowedTagsMode: "discard",
    nonTextTags: ["style", "script", "textarea", "option", "noscript", "title", "head", "template", "select", "button"],
    allowedAttributes: {
      "*": ["style", "align", "valign", "width", "height", "dir", "lang", "title"],
      a: ["href", "name", "target", "rel"],
      img: ["src", "alt", "width", "height", "data-remote-src"],
      font: ["color", "size", "face"],
      table: ["border", "cellpadding", "cellspacing", "bgcolor"],
      td: ["colspan", "rowspan", "bgcolor"],
      th: ["colspan", "rowspan", "bgcolor"],
      span: ["class"],
    },
    allowedStyles: { "*": Object.fromEntries(STYLE_PROPERTIES.map((p) => [p, [SAFE_STYLE_VALUE]])) },
    allowedSchemes: ["http", "https", "mailto", "tel"],
    allowedSchemesByTag: { img: ["http", "https", "cid", "data"] },
    allowedClasses: { span: ["fc-remote-image"] },
    allowProtocolRelative: false,
    transformTags: {
      a: (tagName, attribs) => ({
        tagName,
        attribs: { ...attribs, target: "_blank", rel: "noopener noreferrer nofollow" },
      }),
      img: (tagName, attribs) => {
        const src = (attribs.src ?? "").trim();
        if (/^cid:/i.test(src)) {
          const url = options.cidUrl(src.slice(4).replace(/^<|>$/g, ""));
          return url ? { tagName, attribs: { ...attribs, src: url } } : placeholder(attribs.alt);
        }
        if (/^https?:\/\//i.test(src)) {
          if (isTrackingPixel(attribs)) {
            trackingPixels += 1;
            return { tagName: "fc-drop", attribs: {} };
          }
          remoteImages += 1;
          if (!options.allowRemoteImages) return placeholder(attribs.alt);
          return { tagName, attribs: { ...attribs, src } };
        }
        // data: images are kept only as pictures (never SVG: it can carry script in some viewers).
        if (/^data:image\/(png|gif|jpe?g|webp);base64,/i.test(src)) return { tagName, attribs };
        return placeholder(attribs.alt);
      },
    },
    exclusiveFilter: (frame) => frame.tag === "fc-drop",
  });
  return { html: clean, remoteImages, trackingPixels };
}

function placeholder(alt: string | undefined) {
  return {
    tagName: "span",
    attribs: { class: "fc-remote-image", title: "Image not loaded" },
    text: `[${(alt ?? "").trim().slice(0, 80) || "image"}]`,
  };
}

/**
 * The document for the inbox's iframe srcdoc: its own Content-Security-Policy (nothing runs,
 * nothing is fetched but our own images, and remote images only once allowed), base styles,
 * and the sanitised body. The frame is sandboxed without allow-scripts as well; this is the
 * second lock.
 */
export function emailFrameDocument(body: string, options: { ownOrigin: string; allowRemoteImages: boolean }): string {
  const img = `${options.ownOrigin} data:${options.allowRemoteImages ? " https: http:" : ""}`;
  const csp = `default-src 'none'; img-src ${img}; style-src 'unsafe-inline'; font-src 'none'; form-action 'none'; base-uri 'none'`;
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><meta name="referrer" content="no-referrer"><style>body{margin:0;padding:8px;font:14px/1.45 system-ui,sans-serif;color:#18181b;overflow-wrap:anywhere}img{max-width:100%;height:auto}.fc-remote-image{display:inline-block;padding:2px 6px;border:1px dashed #a1a1aa;border-radius:4px;color:#71717a;font-size:12px}table{max-width:100%}</style></head><body>${body}</body></html>`;
}

/** Plain text from HTML for mails that have no text part (what the inbox shows and searches). */
export function textFromHtml(html: string): string {
  const withBreaks = html.replace(/<\s*br\s*\/?>/gi, "\n").replace(/<\/\s*(p|div|tr|li|h[1-6]|blockquote)\s*>/gi, "\n");
  const text = sanitizeHtml(withBreaks, {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: ["style", "script", "head", "title"],
  });
  return text
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
