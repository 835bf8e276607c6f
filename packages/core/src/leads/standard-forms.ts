import type { TLeadFormKind } from "@forecourt/protocol";

export { STANDARD_LEAD_FORMS } from "@forecourt/protocol";

/** The ADF vehicle@interest of each form kind. */
export const ADF_INTEREST: Record<TLeadFormKind, "buy" | "trade-in" | "test-drive" | "service"> = {
  TEST_DRIVE: "test-drive",
  TRADE_IN: "trade-in",
  SERVICE: "service",
  FINANCE: "buy",
};
