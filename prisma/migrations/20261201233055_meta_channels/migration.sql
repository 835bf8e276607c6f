-- CreateEnum
CREATE TYPE "TemplateStatus" AS ENUM ('APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('QUEUED', 'SENT', 'DELIVERED', 'READ', 'PLAYED', 'FAILED');

-- AlterTable
ALTER TABLE "Channel" ADD COLUMN     "externalId" TEXT;

-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "lastInboundAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "awaitingJob" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "deliveryAt" TIMESTAMPTZ(3),
ADD COLUMN     "deliveryError" JSONB,
ADD COLUMN     "deliveryStatus" "DeliveryStatus",
ADD COLUMN     "externalId" TEXT;

-- CreateTable
CREATE TABLE "ChannelRoute" (
    "key" TEXT NOT NULL,
    "channelId" UUID NOT NULL,
    "routedCustomerId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChannelRoute_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "MessageTemplate" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "channelId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "status" "TemplateStatus" NOT NULL,
    "body" TEXT NOT NULL,
    "variableCount" INTEGER NOT NULL DEFAULT 0,
    "syncedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MessageTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChannelRoute_channelId_idx" ON "ChannelRoute"("channelId");

-- CreateIndex
CREATE INDEX "MessageTemplate_customerId_idx" ON "MessageTemplate"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "MessageTemplate_channelId_name_language_key" ON "MessageTemplate"("channelId", "name", "language");

-- CreateIndex
CREATE INDEX "Message_awaitingJob_createdAt_idx" ON "Message"("awaitingJob", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Message_customerId_externalId_key" ON "Message"("customerId", "externalId");

-- AddForeignKey
ALTER TABLE "ChannelRoute" ADD CONSTRAINT "ChannelRoute_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageTemplate" ADD CONSTRAINT "MessageTemplate_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security (written by packages/db migrate tool)

ALTER TABLE "MessageTemplate" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "MessageTemplate" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "MessageTemplate" USING ("customerId" = app_tenant_id() OR app_provider_access()) WITH CHECK ("customerId" = app_tenant_id() OR app_provider_access());
