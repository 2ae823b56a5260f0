-- AlterTable
ALTER TABLE "Room" ADD COLUMN     "slowModeSeconds" INTEGER NOT NULL DEFAULT 0;

