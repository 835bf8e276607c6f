-- AlterTable
ALTER TABLE "Vehicle" ADD COLUMN     "year" INTEGER;
