-- CreateEnum
CREATE TYPE "ConversationPriority" AS ENUM ('LOW', 'NORMAL', 'HIGH', 'URGENT');

-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "priority" "ConversationPriority" NOT NULL DEFAULT 'NORMAL';

-- CreateTable
CREATE TABLE "Label" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "dealerId" UUID,
    "name" TEXT NOT NULL,
    "color" TEXT NOT NULL DEFAULT 'zinc',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Label_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConversationLabel" (
    "customerId" UUID NOT NULL,
    "conversationId" UUID NOT NULL,
    "labelId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConversationLabel_pkey" PRIMARY KEY ("conversationId","labelId")
);

-- CreateTable
CREATE TABLE "ConversationActivity" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "conversationId" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "actorType" "AuthorType" NOT NULL,
    "actorUserId" UUID,
    "data" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConversationActivity_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Label_customerId_idx" ON "Label"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "Label_customerId_dealerId_name_key" ON "Label"("customerId", "dealerId", "name");

-- CreateIndex
CREATE INDEX "ConversationLabel_customerId_labelId_idx" ON "ConversationLabel"("customerId", "labelId");

-- CreateIndex
CREATE INDEX "ConversationActivity_conversationId_createdAt_idx" ON "ConversationActivity"("conversationId", "createdAt");

-- CreateIndex
CREATE INDEX "ConversationActivity_customerId_createdAt_idx" ON "ConversationActivity"("customerId", "createdAt");

-- AddForeignKey
ALTER TABLE "ConversationLabel" ADD CONSTRAINT "ConversationLabel_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationLabel" ADD CONSTRAINT "ConversationLabel_labelId_fkey" FOREIGN KEY ("labelId") REFERENCES "Label"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationActivity" ADD CONSTRAINT "ConversationActivity_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security (written by packages/db migrate tool)

ALTER TABLE "Label" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Label" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "Label" USING ("customerId" = app_tenant_id() OR app_provider_access()) WITH CHECK ("customerId" = app_tenant_id() OR app_provider_access());

ALTER TABLE "ConversationLabel" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ConversationLabel" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "ConversationLabel" USING ("customerId" = app_tenant_id() OR app_provider_access()) WITH CHECK ("customerId" = app_tenant_id() OR app_provider_access());

ALTER TABLE "ConversationActivity" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ConversationActivity" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "ConversationActivity" USING ("customerId" = app_tenant_id() OR app_provider_access()) WITH CHECK ("customerId" = app_tenant_id() OR app_provider_access());
