-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "transcriptSentAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "ConversationRating" (
    "customerId" UUID NOT NULL,
    "conversationId" UUID NOT NULL,
    "score" INTEGER NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ConversationRating_pkey" PRIMARY KEY ("conversationId")
);

-- CreateIndex
CREATE INDEX "ConversationRating_customerId_createdAt_idx" ON "ConversationRating"("customerId", "createdAt");

-- AddForeignKey
ALTER TABLE "ConversationRating" ADD CONSTRAINT "ConversationRating_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security (written by packages/db migrate tool)

ALTER TABLE "ConversationRating" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ConversationRating" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "ConversationRating" USING ("customerId" = app_tenant_id() OR app_provider_access()) WITH CHECK ("customerId" = app_tenant_id() OR app_provider_access());
