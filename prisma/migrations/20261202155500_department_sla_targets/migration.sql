-- AlterTable
ALTER TABLE "Department" ADD COLUMN     "firstResponseMinutes" INTEGER,
ADD COLUMN     "resolutionMinutes" INTEGER;
