-- CreateTable
CREATE TABLE "StorageSweep" (
    "id" UUID NOT NULL,
    "trigger" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'running',
    "graceHours" DOUBLE PRECISION NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3),
    "filesScanned" INTEGER NOT NULL DEFAULT 0,
    "filesReferenced" INTEGER NOT NULL DEFAULT 0,
    "filesTooNew" INTEGER NOT NULL DEFAULT 0,
    "filesRemoved" INTEGER NOT NULL DEFAULT 0,
    "bytesRemoved" BIGINT NOT NULL DEFAULT 0,
    "foldersRemoved" INTEGER NOT NULL DEFAULT 0,
    "entriesSkipped" INTEGER NOT NULL DEFAULT 0,
    "removedByTenant" JSONB NOT NULL DEFAULT '{}',
    "removedKeys" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "error" TEXT,

    CONSTRAINT "StorageSweep_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StorageSweep_startedAt_idx" ON "StorageSweep"("startedAt");
