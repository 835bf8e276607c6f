// Pure contract arithmetic from RULES.md: no I/O, never reads the clock (callers pass "today").
export * from "./dates";
export * from "./money";
export * from "./start-date";
export * from "./schedule";
export * from "./dissolution";
export * from "./provider-cancellation";
export * from "./group-product";
export * from "./contract-year";
export * from "./fee-cap";
export * from "./invoices";
export * from "./termination";
export * from "./training";
export * from "./liability";
export * from "./lifecycle";
