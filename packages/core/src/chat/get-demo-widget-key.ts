import { DEMO_WIDGETS, demoWidgetIdentitySecret, demoWidgetKey } from "@forecourt/db/seed-chat";

/**
 * The widget key the seed gave a demo dealer (by its slug, e.g. "demo-amsterdam"), for the demo
 * dealer site's script tag; null for any other slug. The seed fixes these keys, so this reads no
 * database and needs no principal: it only tells what the seed wrote.
 */
export function getDemoWidgetKey(options: { slug: string }): string | null {
  const widget = DEMO_WIDGETS.find((w) => w.slug === options.slug);
  return widget ? demoWidgetKey(widget.customerId, widget.slug) : null;
}

/**
 * The identity secret the seed gave a demo dealer's widget, so the demo site can sign its demo
 * user's id as a dealer's server would (never for any other slug).
 */
export function getDemoWidgetIdentitySecret(options: { slug: string }): string | null {
  return DEMO_WIDGETS.some((w) => w.slug === options.slug) ? demoWidgetIdentitySecret(options.slug) : null;
}
