-- Away emails (issue 17 item 3): each member's choice, when an inbox entry went out by email, and each member's
-- delivery state (the row a worker locks while it sends). Prisma 6.19 cannot declare a partial index, so the scan's
-- index is a plain one led by "emailedAt" and "readAt": entries neither emailed nor read are a small, contiguous
-- range of it however long the settled history grows (a partial index would be smaller, but the schema could not say
-- it and the migrations test would fail).

-- CreateEnum
CREATE TYPE "AwayEmailMode" AS ENUM ('EACH', 'DAILY', 'OFF');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "awayEmails" "AwayEmailMode" NOT NULL DEFAULT 'EACH';

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "emailedAt" TIMESTAMP(3);

-- Entries stored before this feature are settled: members are not emailed about old unread mentions on deploy.
UPDATE "Notification" SET "emailedAt" = CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "AwayEmail" (
    "userId" TEXT NOT NULL,
    "lastSentAt" TIMESTAMP(3),
    "failures" INTEGER NOT NULL DEFAULT 0,
    "retryAt" TIMESTAMP(3),
    "lastError" TEXT,

    CONSTRAINT "AwayEmail_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "Notification_emailedAt_readAt_createdAt_idx" ON "Notification"("emailedAt", "readAt", "createdAt");

-- AddForeignKey
ALTER TABLE "AwayEmail" ADD CONSTRAINT "AwayEmail_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

