-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "vehicleOfInterest" JSONB;
