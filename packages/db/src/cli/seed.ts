import { loadConfigOrExit } from "@forecourt/config";
import { createPrismaClient } from "../client";
import { seedDemo } from "../seed/seed-demo";

const config = loadConfigOrExit();
const db = createPrismaClient(config.DATABASE_URL);
try {
  await seedDemo(db);
  console.log("Seeded demo data.");
} finally {
  await db.$disconnect();
}
