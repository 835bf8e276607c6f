/** Writes docs/permissions.md from the permission matrix. */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { permissionsMarkdown } from "./permissions";

writeFileSync(fileURLToPath(new URL("../../../docs/permissions.md", import.meta.url)), permissionsMarkdown());
