export * from "./config";
export * from "./reply-token";
export * from "./threading";
export * from "./quoted-text";
export * from "./sanitize";
export * from "./parse";
export * from "./authenticate";
export * from "./send";
