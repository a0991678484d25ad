-- AlterTable
ALTER TABLE "Certificate" ADD COLUMN     "statusListIndex" INTEGER;

-- CreateTable
CREATE TABLE "SigningKey" (
    "kid" TEXT NOT NULL,
    "publicKeyPem" TEXT NOT NULL,
    "firstUsedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SigningKey_pkey" PRIMARY KEY ("kid")
);

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_statusListIndex_key" ON "Certificate"("statusListIndex");
