-- AlterTable
ALTER TABLE "Department" ADD COLUMN     "visitorNames" JSONB NOT NULL DEFAULT '{}';
