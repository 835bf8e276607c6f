import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The E-mail tab's browser script and style (page/: plain JS and CSS, no build step, nothing inline). */
export const EMAIL_PAGE_SCRIPT = readFileSync(fileURLToPath(new URL("./page/email.js", import.meta.url)));
export const EMAIL_PAGE_STYLE = readFileSync(fileURLToPath(new URL("./page/email.css", import.meta.url)));
