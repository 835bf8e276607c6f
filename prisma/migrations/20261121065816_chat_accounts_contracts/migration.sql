-- CreateEnum
CREATE TYPE "DepartmentKind" AS ENUM ('SALES', 'SERVICE', 'PARTS', 'OTHER');

-- CreateEnum
CREATE TYPE "UserTokenKind" AS ENUM ('PASSWORD_RESET');

-- CreateEnum
CREATE TYPE "SubscriptionStatus" AS ENUM ('PENDING', 'ACTIVE', 'NOTICE_GIVEN', 'TERMINATED', 'DELETED');

-- CreateEnum
CREATE TYPE "TerminationKind" AS ENUM ('DISSOLUTION', 'ORDINARY_NOTICE', 'PROVIDER_CANCELLATION', 'BREACH', 'INSOLVENCY', 'DIVESTMENT');

-- CreateEnum
CREATE TYPE "FeeChangeReason" AS ENUM ('YEARLY_RISE', 'DOCUMENTED_COST_INCREASE', 'ORDERED_SERVICES', 'TIER_CHANGE');

-- CreateEnum
CREATE TYPE "ChannelType" AS ENUM ('WIDGET', 'WHATSAPP', 'MESSENGER', 'EMAIL', 'TWILIO_SMS', 'API');

-- CreateEnum
CREATE TYPE "ChannelStatus" AS ENUM ('ACTIVE', 'DISABLED');

-- CreateEnum
CREATE TYPE "LegalBasis" AS ENUM ('CONSENT', 'CONTRACT', 'LEGAL_OBLIGATION', 'VITAL_INTERESTS', 'PUBLIC_TASK', 'LEGITIMATE_INTERESTS');

-- CreateEnum
CREATE TYPE "ConversationStatus" AS ENUM ('OPEN', 'PENDING', 'SNOOZED', 'CLOSED');

-- CreateEnum
CREATE TYPE "AuthorType" AS ENUM ('CONTACT', 'AGENT', 'MANAGED_AGENT', 'BOT', 'SYSTEM');

-- CreateEnum
CREATE TYPE "MessageKind" AS ENUM ('TEXT', 'ATTACHMENT', 'NOTE', 'EVENT', 'FORM');

-- CreateEnum
CREATE TYPE "IntegrationStatus" AS ENUM ('ACTIVE', 'DISABLED');

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "deletedAt" TIMESTAMPTZ(3),
ADD COLUMN     "deletionDate" DATE,
ADD COLUMN     "readOnlyUntil" DATE,
ADD COLUMN     "retentionMonths" INTEGER NOT NULL DEFAULT 18,
ADD COLUMN     "suspendedReason" TEXT,
ADD COLUMN     "terminatedOn" DATE;

-- AlterTable
ALTER TABLE "Dealer" ADD COLUMN     "businessHours" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "avatarUrl" TEXT,
ADD COLUMN     "lockedUntil" TIMESTAMPTZ(3),
ADD COLUMN     "totpEnabledAt" TIMESTAMPTZ(3),
ADD COLUMN     "totpSecretEncrypted" TEXT;

-- CreateTable
CREATE TABLE "Department" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "dealerId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "DepartmentKind" NOT NULL DEFAULT 'OTHER',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Department_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MembershipDepartment" (
    "customerId" UUID NOT NULL,
    "membershipId" UUID NOT NULL,
    "departmentId" UUID NOT NULL,

    CONSTRAINT "MembershipDepartment_pkey" PRIMARY KEY ("membershipId","departmentId")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "dealerIds" UUID[],
    "departmentIds" UUID[],
    "tokenHash" TEXT NOT NULL,
    "invitedById" UUID,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "acceptedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserToken" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" "UserTokenKind" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UserToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MisuseReport" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "reportedById" UUID,
    "subjectUserId" UUID,
    "description" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMPTZ(3),

    CONSTRAINT "MisuseReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Subscription" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "product" TEXT NOT NULL DEFAULT 'Conversations',
    "tier" "Tier" NOT NULL DEFAULT 'STANDARD',
    "contractDate" DATE NOT NULL,
    "firstTrainingDate" DATE,
    "initialTermMonths" INTEGER NOT NULL,
    "setupFee" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "serviceFees" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "monthlyFee" DECIMAL(12,2) NOT NULL,
    "status" "SubscriptionStatus" NOT NULL DEFAULT 'PENDING',
    "noticeKind" "TerminationKind",
    "noticeDate" DATE,
    "noticeReason" TEXT,
    "terminationDate" DATE,
    "lastInvoiceDate" DATE,
    "deletionDate" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Subscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeeChange" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "subscriptionId" UUID NOT NULL,
    "effectiveDate" DATE NOT NULL,
    "monthlyFee" DECIMAL(12,2) NOT NULL,
    "reason" "FeeChangeReason" NOT NULL,
    "evidenceReference" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FeeChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Channel" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "dealerId" UUID NOT NULL,
    "type" "ChannelType" NOT NULL,
    "name" TEXT NOT NULL,
    "publicKey" TEXT NOT NULL,
    "status" "ChannelStatus" NOT NULL DEFAULT 'ACTIVE',
    "config" JSONB NOT NULL DEFAULT '{}',
    "secretsEncrypted" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Channel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contact" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "name" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "legalBasis" "LegalBasis",
    "legalBasisNote" TEXT,
    "legalBasisRecordedAt" TIMESTAMPTZ(3),
    "lastEngagedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactIdentity" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "contactId" UUID NOT NULL,
    "channelType" "ChannelType" NOT NULL,
    "externalId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContactIdentity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Vehicle" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "contactId" UUID NOT NULL,
    "vin" TEXT,
    "plate" TEXT,
    "make" TEXT,
    "model" TEXT,
    "motDate" DATE,
    "serviceNotes" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Vehicle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Conversation" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "dealerId" UUID NOT NULL,
    "channelId" UUID NOT NULL,
    "contactId" UUID NOT NULL,
    "departmentId" UUID,
    "status" "ConversationStatus" NOT NULL DEFAULT 'OPEN',
    "assigneeId" UUID,
    "snoozedUntil" TIMESTAMPTZ(3),
    "lastSeq" INTEGER NOT NULL DEFAULT 0,
    "lastMessageAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "contactReadSeq" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Conversation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Message" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "conversationId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "clientId" TEXT NOT NULL,
    "authorType" "AuthorType" NOT NULL,
    "authorUserId" UUID,
    "kind" "MessageKind" NOT NULL DEFAULT 'TEXT',
    "body" TEXT NOT NULL,
    "data" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "messageId" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConversationRead" (
    "customerId" UUID NOT NULL,
    "conversationId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "lastReadSeq" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ConversationRead_pkey" PRIMARY KEY ("conversationId","userId")
);

-- CreateTable
CREATE TABLE "VisitorSession" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "channelId" UUID NOT NULL,
    "contactId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VisitorSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CannedReply" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "dealerId" UUID,
    "shortcut" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CannedReply_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "status" "IntegrationStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "secretEncrypted" TEXT NOT NULL,
    "events" TEXT[],
    "status" "IntegrationStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcessingInstruction" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "oldValue" JSONB,
    "newValue" JSONB NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcessingInstruction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeletionCertificate" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "cutoff" TIMESTAMPTZ(3),
    "counts" JSONB NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DeletionCertificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DailyStat" (
    "customerId" UUID NOT NULL,
    "dealerId" UUID NOT NULL,
    "channelType" "ChannelType" NOT NULL,
    "day" DATE NOT NULL,
    "conversationsStarted" INTEGER NOT NULL DEFAULT 0,
    "conversationsClosed" INTEGER NOT NULL DEFAULT 0,
    "messagesIn" INTEGER NOT NULL DEFAULT 0,
    "messagesOut" INTEGER NOT NULL DEFAULT 0,
    "firstResponseSecondsSum" BIGINT NOT NULL DEFAULT 0,
    "firstResponseCount" INTEGER NOT NULL DEFAULT 0,
    "resolutionSecondsSum" BIGINT NOT NULL DEFAULT 0,
    "resolutionCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DailyStat_pkey" PRIMARY KEY ("customerId","dealerId","channelType","day")
);

-- CreateIndex
CREATE INDEX "Department_customerId_idx" ON "Department"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "Department_dealerId_name_key" ON "Department"("dealerId", "name");

-- CreateIndex
CREATE INDEX "MembershipDepartment_customerId_idx" ON "MembershipDepartment"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_customerId_email_idx" ON "Invitation"("customerId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "UserToken_tokenHash_key" ON "UserToken"("tokenHash");

-- CreateIndex
CREATE INDEX "UserToken_userId_idx" ON "UserToken"("userId");

-- CreateIndex
CREATE INDEX "MisuseReport_customerId_createdAt_idx" ON "MisuseReport"("customerId", "createdAt");

-- CreateIndex
CREATE INDEX "Subscription_customerId_idx" ON "Subscription"("customerId");

-- CreateIndex
CREATE INDEX "FeeChange_customerId_idx" ON "FeeChange"("customerId");

-- CreateIndex
CREATE INDEX "FeeChange_subscriptionId_effectiveDate_idx" ON "FeeChange"("subscriptionId", "effectiveDate");

-- CreateIndex
CREATE UNIQUE INDEX "Channel_publicKey_key" ON "Channel"("publicKey");

-- CreateIndex
CREATE INDEX "Channel_customerId_idx" ON "Channel"("customerId");

-- CreateIndex
CREATE INDEX "Channel_dealerId_idx" ON "Channel"("dealerId");

-- CreateIndex
CREATE INDEX "Contact_customerId_email_idx" ON "Contact"("customerId", "email");

-- CreateIndex
CREATE INDEX "Contact_customerId_lastEngagedAt_idx" ON "Contact"("customerId", "lastEngagedAt");

-- CreateIndex
CREATE INDEX "ContactIdentity_contactId_idx" ON "ContactIdentity"("contactId");

-- CreateIndex
CREATE UNIQUE INDEX "ContactIdentity_customerId_channelType_externalId_key" ON "ContactIdentity"("customerId", "channelType", "externalId");

-- CreateIndex
CREATE INDEX "Vehicle_customerId_idx" ON "Vehicle"("customerId");

-- CreateIndex
CREATE INDEX "Vehicle_contactId_idx" ON "Vehicle"("contactId");

-- CreateIndex
CREATE INDEX "Conversation_customerId_status_lastMessageAt_idx" ON "Conversation"("customerId", "status", "lastMessageAt" DESC);

-- CreateIndex
CREATE INDEX "Conversation_customerId_assigneeId_status_idx" ON "Conversation"("customerId", "assigneeId", "status");

-- CreateIndex
CREATE INDEX "Conversation_dealerId_status_lastMessageAt_idx" ON "Conversation"("dealerId", "status", "lastMessageAt" DESC);

-- CreateIndex
CREATE INDEX "Conversation_contactId_idx" ON "Conversation"("contactId");

-- CreateIndex
CREATE INDEX "Conversation_customerId_createdAt_idx" ON "Conversation"("customerId", "createdAt");

-- CreateIndex
CREATE INDEX "Message_customerId_createdAt_idx" ON "Message"("customerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Message_conversationId_seq_key" ON "Message"("conversationId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "Message_conversationId_clientId_key" ON "Message"("conversationId", "clientId");

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_storageKey_key" ON "Attachment"("storageKey");

-- CreateIndex
CREATE INDEX "Attachment_customerId_createdAt_idx" ON "Attachment"("customerId", "createdAt");

-- CreateIndex
CREATE INDEX "Attachment_messageId_idx" ON "Attachment"("messageId");

-- CreateIndex
CREATE INDEX "ConversationRead_customerId_userId_idx" ON "ConversationRead"("customerId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "VisitorSession_tokenHash_key" ON "VisitorSession"("tokenHash");

-- CreateIndex
CREATE INDEX "VisitorSession_customerId_idx" ON "VisitorSession"("customerId");

-- CreateIndex
CREATE INDEX "VisitorSession_contactId_idx" ON "VisitorSession"("contactId");

-- CreateIndex
CREATE UNIQUE INDEX "CannedReply_customerId_dealerId_shortcut_key" ON "CannedReply"("customerId", "dealerId", "shortcut");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_keyHash_key" ON "ApiKey"("keyHash");

-- CreateIndex
CREATE INDEX "ApiKey_customerId_idx" ON "ApiKey"("customerId");

-- CreateIndex
CREATE INDEX "WebhookEndpoint_customerId_idx" ON "WebhookEndpoint"("customerId");

-- CreateIndex
CREATE INDEX "ProcessingInstruction_customerId_createdAt_idx" ON "ProcessingInstruction"("customerId", "createdAt");

-- CreateIndex
CREATE INDEX "DeletionCertificate_customerId_finishedAt_idx" ON "DeletionCertificate"("customerId", "finishedAt");

-- AddForeignKey
ALTER TABLE "Department" ADD CONSTRAINT "Department_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "Dealer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MembershipDepartment" ADD CONSTRAINT "MembershipDepartment_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MembershipDepartment" ADD CONSTRAINT "MembershipDepartment_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeeChange" ADD CONSTRAINT "FeeChange_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "Subscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Channel" ADD CONSTRAINT "Channel_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "Dealer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactIdentity" ADD CONSTRAINT "ContactIdentity_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vehicle" ADD CONSTRAINT "Vehicle_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conversation" ADD CONSTRAINT "Conversation_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "Dealer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conversation" ADD CONSTRAINT "Conversation_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conversation" ADD CONSTRAINT "Conversation_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conversation" ADD CONSTRAINT "Conversation_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationRead" ADD CONSTRAINT "ConversationRead_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security (written by packages/db migrate tool)

ALTER TABLE "Department" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Department" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "Department" USING ("customerId" = app_tenant_id() OR app_provider_access()) WITH CHECK ("customerId" = app_tenant_id() OR app_provider_access());

ALTER TABLE "MembershipDepartment" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "MembershipDepartment" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "MembershipDepartment" USING ("customerId" = app_tenant_id() OR app_provider_access()) WITH CHECK ("customerId" = app_tenant_id() OR app_provider_access());

ALTER TABLE "Invitation" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Invitation" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "Invitation" USING ("customerId" = app_tenant_id() OR app_provider_access()) WITH CHECK ("customerId" = app_tenant_id() OR app_provider_access());

ALTER TABLE "MisuseReport" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "MisuseReport" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "MisuseReport" USING ("customerId" = app_tenant_id() OR app_provider_access()) WITH CHECK ("customerId" = app_tenant_id() OR app_provider_access());

ALTER TABLE "Subscription" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Subscription" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "Subscription" USING ("customerId" = app_tenant_id() OR app_provider_access()) WITH CHECK ("customerId" = app_tenant_id() OR app_provider_access());

ALTER TABLE "FeeChange" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "FeeChange" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "FeeChange" USING ("customerId" = app_tenant_id() OR app_provider_access()) WITH CHECK ("customerId" = app_tenant_id() OR app_provider_access());

ALTER TABLE "Channel" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Channel" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "Channel" USING ("customerId" = app_tenant_id() OR app_provider_access()) WITH CHECK ("customerId" = app_tenant_id() OR app_provider_access());

ALTER TABLE "Contact" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Contact" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "Contact" USING ("customerId" = app_tenant_id() OR app_provider_access()) WITH CHECK ("customerId" = app_tenant_id() OR app_provider_access());

ALTER TABLE "ContactIdentity" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ContactIdentity" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "ContactIdentity" USING ("customerId" = app_tenant_id() OR app_provider_access()) WITH CHECK ("customerId" = app_tenant_id() OR app_provider_access());

ALTER TABLE "Vehicle" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Vehicle" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "Vehicle" USING ("customerId" = app_tenant_id() OR app_provider_access()) WITH CHECK ("customerId" = app_tenant_id() OR app_provider_access());

ALTER TABLE "Conversation" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Conversation" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "Conversation" USING ("customerId" = app_tenant_id() OR app_provider_access()) WITH CHECK ("customerId" = app_tenant_id() OR app_provider_access());

ALTER TABLE "Message" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Message" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "Message" USING ("customerId" = app_tenant_id() OR app_provider_access()) WITH CHECK ("customerId" = app_tenant_id() OR app_provider_access());

ALTER TABLE "Attachment" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Attachment" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "Attachment" USING ("customerId" = app_tenant_id() OR app_provider_access()) WITH CHECK ("customerId" = app_tenant_id() OR app_provider_access());

ALTER TABLE "ConversationRead" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ConversationRead" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "ConversationRead" USING ("customerId" = app_tenant_id() OR app_provider_access()) WITH CHECK ("customerId" = app_tenant_id() OR app_provider_access());

ALTER TABLE "VisitorSession" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "VisitorSession" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "VisitorSession" USING ("customerId" = app_tenant_id() OR app_provider_access()) WITH CHECK ("customerId" = app_tenant_id() OR app_provider_access());

ALTER TABLE "CannedReply" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "CannedReply" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "CannedReply" USING ("customerId" = app_tenant_id() OR app_provider_access()) WITH CHECK ("customerId" = app_tenant_id() OR app_provider_access());

ALTER TABLE "ApiKey" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ApiKey" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "ApiKey" USING ("customerId" = app_tenant_id() OR app_provider_access()) WITH CHECK ("customerId" = app_tenant_id() OR app_provider_access());

ALTER TABLE "WebhookEndpoint" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "WebhookEndpoint" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "WebhookEndpoint" USING ("customerId" = app_tenant_id() OR app_provider_access()) WITH CHECK ("customerId" = app_tenant_id() OR app_provider_access());

ALTER TABLE "ProcessingInstruction" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ProcessingInstruction" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "ProcessingInstruction" USING ("customerId" = app_tenant_id() OR app_provider_access()) WITH CHECK ("customerId" = app_tenant_id() OR app_provider_access());

ALTER TABLE "DeletionCertificate" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "DeletionCertificate" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "DeletionCertificate" USING ("customerId" = app_tenant_id() OR app_provider_access()) WITH CHECK ("customerId" = app_tenant_id() OR app_provider_access());

ALTER TABLE "DailyStat" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "DailyStat" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "DailyStat" USING ("customerId" = app_tenant_id() OR app_provider_access()) WITH CHECK ("customerId" = app_tenant_id() OR app_provider_access());
