// Prisma CLI configuration. The URL comes from packages/config, the only reader of the env.
import { defineConfig } from "prisma/config";
import { getConfig } from "./packages/config/src/index";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: getConfig().DATABASE_URL },
});
