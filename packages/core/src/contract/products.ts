/**
 * Interpretation (L 5.1, T 5.3): the licensed product ("Conversations", any tier) has the
 * dissolution option, which replaces ordinary notice. Any other product on an order form is
 * sold under the general terms alone and ends by ordinary notice (T 5.3). A lawyer can change
 * the list here.
 */
export const PRODUCTS_WITH_DISSOLUTION_OPTION: ReadonlySet<string> = new Set(["Conversations"]);

export function hasDissolutionOption(product: string): boolean {
  return PRODUCTS_WITH_DISSOLUTION_OPTION.has(product);
}

/** The products an order form can name (the licensed product first). */
export const PRODUCTS = ["Conversations", "Integrations", "Managed agents"] as const;
