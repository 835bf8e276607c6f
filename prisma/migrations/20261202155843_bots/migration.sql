-- CreateEnum
CREATE TYPE "BotKind" AS ENUM ('FAQ', 'WEBHOOK');

-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "botId" UUID;

-- CreateTable
CREATE TABLE "Bot" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "dealerId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "BotKind" NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "config" JSONB NOT NULL DEFAULT '{}',
    "secretEncrypted" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Bot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Bot_customerId_idx" ON "Bot"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "Bot_dealerId_name_key" ON "Bot"("dealerId", "name");

-- AddForeignKey
ALTER TABLE "Conversation" ADD CONSTRAINT "Conversation_botId_fkey" FOREIGN KEY ("botId") REFERENCES "Bot"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bot" ADD CONSTRAINT "Bot_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "Dealer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security (written by packages/db migrate tool)

ALTER TABLE "Bot" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Bot" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "Bot" USING ("customerId" = app_tenant_id() OR app_provider_access()) WITH CHECK ("customerId" = app_tenant_id() OR app_provider_access());
