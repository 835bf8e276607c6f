-- AlterTable
ALTER TABLE "User" ADD COLUMN     "totpLastStep" INTEGER;

-- AlterTable
ALTER TABLE "UserSession" ADD COLUMN     "twoFactorVerifiedAt" TIMESTAMPTZ(3);

-- Sessions opened after the user enrolled two-factor were opened with a TOTP code (sign-in asks
-- for one). Sessions opened before enrolment were not: they stay without, and provider staff
-- must sign in again with their code.
UPDATE "UserSession" s
SET "twoFactorVerifiedAt" = s."createdAt"
FROM "User" u
WHERE s."userId" = u."id"
  AND u."totpEnabledAt" IS NOT NULL
  AND s."createdAt" > u."totpEnabledAt";
