/** A piece of a template body: text, or the value (or empty slot) of variable `n`. */
export type TTemplatePart = { text: string } | { variable: number; value: string };

const PLACEHOLDER = /\{\{\s*(\d{1,2})\s*\}\}/g;

/**
 * The body split at its placeholders, each filled with what the agent typed for it (the
 * preview renders values highlighted and empty slots as {{n}}). Plain strings only: the
 * preview is rendered as text, never as HTML.
 */
export function templateParts(body: string, values: readonly string[]): TTemplatePart[] {
  const parts: TTemplatePart[] = [];
  let last = 0;
  for (const match of body.matchAll(PLACEHOLDER)) {
    const index = match.index;
    if (index > last) parts.push({ text: body.slice(last, index) });
    const n = Number(match[1]);
    parts.push({ variable: n, value: values[n - 1]?.trim() ?? "" });
    last = index + match[0].length;
  }
  if (last < body.length) parts.push({ text: body.slice(last) });
  return parts;
}
