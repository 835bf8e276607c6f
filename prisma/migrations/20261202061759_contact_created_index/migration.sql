-- CreateIndex
CREATE INDEX "Contact_customerId_createdAt_idx" ON "Contact"("customerId", "createdAt");
