-- CreateEnum
CREATE TYPE "LeadFormKind" AS ENUM ('TEST_DRIVE', 'TRADE_IN', 'SERVICE', 'FINANCE');

-- CreateEnum
CREATE TYPE "LeadDeliveryTarget" AS ENUM ('EMAIL', 'HTTP');

-- CreateEnum
CREATE TYPE "LeadDeliveryStatus" AS ENUM ('PENDING', 'DELIVERED', 'FAILED');

-- CreateTable
CREATE TABLE "LeadForm" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "dealerId" UUID NOT NULL,
    "kind" "LeadFormKind" NOT NULL,
    "name" TEXT NOT NULL,
    "fields" JSONB NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LeadForm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Lead" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "dealerId" UUID NOT NULL,
    "conversationId" UUID NOT NULL,
    "messageId" UUID NOT NULL,
    "formId" UUID,
    "kind" "LeadFormKind" NOT NULL,
    "data" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Lead_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LeadExportTarget" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "dealerId" UUID NOT NULL,
    "crmEmail" TEXT,
    "crmUrl" TEXT,
    "secretEncrypted" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LeadExportTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LeadDelivery" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "leadId" UUID NOT NULL,
    "target" "LeadDeliveryTarget" NOT NULL,
    "destination" TEXT NOT NULL,
    "status" "LeadDeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "lastAttemptAt" TIMESTAMPTZ(3),
    "deliveredAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LeadDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LeadForm_customerId_idx" ON "LeadForm"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "LeadForm_dealerId_kind_key" ON "LeadForm"("dealerId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "Lead_messageId_key" ON "Lead"("messageId");

-- CreateIndex
CREATE INDEX "Lead_customerId_createdAt_idx" ON "Lead"("customerId", "createdAt");

-- CreateIndex
CREATE INDEX "Lead_conversationId_idx" ON "Lead"("conversationId");

-- CreateIndex
CREATE UNIQUE INDEX "LeadExportTarget_dealerId_key" ON "LeadExportTarget"("dealerId");

-- CreateIndex
CREATE INDEX "LeadExportTarget_customerId_idx" ON "LeadExportTarget"("customerId");

-- CreateIndex
CREATE INDEX "LeadDelivery_customerId_createdAt_idx" ON "LeadDelivery"("customerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "LeadDelivery_leadId_target_key" ON "LeadDelivery"("leadId", "target");

-- AddForeignKey
ALTER TABLE "LeadForm" ADD CONSTRAINT "LeadForm_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "Dealer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "Dealer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_formId_fkey" FOREIGN KEY ("formId") REFERENCES "LeadForm"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeadExportTarget" ADD CONSTRAINT "LeadExportTarget_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "Dealer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeadDelivery" ADD CONSTRAINT "LeadDelivery_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "Lead"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security (written by packages/db migrate tool)

ALTER TABLE "LeadForm" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "LeadForm" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "LeadForm" USING ("customerId" = app_tenant_id() OR app_provider_access()) WITH CHECK ("customerId" = app_tenant_id() OR app_provider_access());

ALTER TABLE "Lead" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Lead" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "Lead" USING ("customerId" = app_tenant_id() OR app_provider_access()) WITH CHECK ("customerId" = app_tenant_id() OR app_provider_access());

ALTER TABLE "LeadExportTarget" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "LeadExportTarget" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "LeadExportTarget" USING ("customerId" = app_tenant_id() OR app_provider_access()) WITH CHECK ("customerId" = app_tenant_id() OR app_provider_access());

ALTER TABLE "LeadDelivery" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "LeadDelivery" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "LeadDelivery" USING ("customerId" = app_tenant_id() OR app_provider_access()) WITH CHECK ("customerId" = app_tenant_id() OR app_provider_access());
