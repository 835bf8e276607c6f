-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "routedAt" TIMESTAMPTZ(3),
ADD COLUMN     "waitingUntil" TIMESTAMPTZ(3),
ADD COLUMN     "startPage" TEXT,
ADD COLUMN     "language" TEXT;

-- Conversations that exist already were handled by people: no rule runs for them afterwards.
UPDATE "Conversation" SET "routedAt" = "createdAt";

-- AlterTable
ALTER TABLE "Dealer" ADD COLUMN     "awayMessage" TEXT,
ADD COLUMN     "holidays" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "Department" ADD COLUMN     "businessHours" JSONB;

-- CreateTable
CREATE TABLE "RoutingRule" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "dealerId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "conditions" JSONB NOT NULL DEFAULT '{}',
    "actions" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RoutingRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoutingTurn" (
    "customerId" UUID NOT NULL,
    "poolId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "lastAssignedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RoutingTurn_pkey" PRIMARY KEY ("poolId","userId")
);

-- CreateIndex
CREATE INDEX "Conversation_routedAt_createdAt_idx" ON "Conversation"("routedAt", "createdAt");

-- CreateIndex
CREATE INDEX "RoutingRule_customerId_idx" ON "RoutingRule"("customerId");

-- CreateIndex
CREATE INDEX "RoutingRule_dealerId_position_idx" ON "RoutingRule"("dealerId", "position");

-- CreateIndex
CREATE INDEX "RoutingTurn_customerId_idx" ON "RoutingTurn"("customerId");

-- AddForeignKey
ALTER TABLE "RoutingRule" ADD CONSTRAINT "RoutingRule_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "Dealer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security (written by packages/db migrate tool)

ALTER TABLE "RoutingRule" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "RoutingRule" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "RoutingRule" USING ("customerId" = app_tenant_id() OR app_provider_access()) WITH CHECK ("customerId" = app_tenant_id() OR app_provider_access());

ALTER TABLE "RoutingTurn" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "RoutingTurn" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "RoutingTurn" USING ("customerId" = app_tenant_id() OR app_provider_access()) WITH CHECK ("customerId" = app_tenant_id() OR app_provider_access());
