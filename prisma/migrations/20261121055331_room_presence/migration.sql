-- Who is in each room's presence channel, kept from the realtime server's webhooks.
-- CreateTable
CREATE TABLE "RoomPresence" (
    "roomId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "online" BOOLEAN NOT NULL,
    "eventAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoomPresence_pkey" PRIMARY KEY ("roomId","userId")
);

-- CreateIndex
CREATE INDEX "RoomPresence_userId_idx" ON "RoomPresence"("userId");

-- AddForeignKey
ALTER TABLE "RoomPresence" ADD CONSTRAINT "RoomPresence_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoomPresence" ADD CONSTRAINT "RoomPresence_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
