-- CreateEnum
CREATE TYPE "AttachmentRole" AS ENUM ('FILE', 'INLINE', 'SOURCE');

-- AlterEnum
ALTER TYPE "ChannelType" ADD VALUE 'TELEGRAM';

-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "contentId" TEXT,
ADD COLUMN     "role" "AttachmentRole" NOT NULL DEFAULT 'FILE';

-- AlterTable
ALTER TABLE "ContactIdentity" ADD COLUMN     "optOutReason" TEXT,
ADD COLUMN     "optedOutAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "subject" TEXT;
