-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "managedAfterMinutes" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "managedOutsideHours" BOOLEAN NOT NULL DEFAULT true;
