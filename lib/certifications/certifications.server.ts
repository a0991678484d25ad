import "server-only";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { pickPrimary, type TCertificationInput } from "@/lib/certifications/certification-rules";
import { checkCardFile } from "@/lib/certifications/cpr-card-file";
import { db } from "@/lib/db";
import { lockUserRow } from "@/lib/db/locks.sql.server";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

// The certifications a trainer holds, and their CPR/AED card. Every change writes its rows, keeps
// TrainerProfile equal to the primary certification (docs/decisions/013) and records an audit
// entry, in one transaction.

const dateOnly = (s: string) => new Date(`${s}T00:00:00Z`);
const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export type TCertificationRow = {
  id: string;
  certifyingBody: TCertificationInput["certifyingBody"];
  certificationNumber: string;
  firstCertifiedOn: string;
  expiresOn: string | null;
  retiredAt: Date | null;
  primary: boolean;
};

const CERT_SELECT = {
  id: true,
  certifyingBody: true,
  certificationNumber: true,
  firstCertifiedOn: true,
  expiresOn: true,
  retiredAt: true,
  createdAt: true,
} satisfies Prisma.CertificationSelect;

/** Active first (oldest first), then retired ones, most recently retired first. */
export async function listCertifications(userId: string): Promise<TCertificationRow[]> {
  const rows = await db.certification.findMany({ where: { userId }, select: CERT_SELECT, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const primary = pickPrimary(rows);
  const view = rows.map((r) => ({
    id: r.id,
    certifyingBody: r.certifyingBody,
    certificationNumber: r.certificationNumber,
    firstCertifiedOn: isoDay(r.firstCertifiedOn)!,
    expiresOn: isoDay(r.expiresOn),
    retiredAt: r.retiredAt,
    primary: r.id === primary?.id,
  }));
  return [...view.filter((r) => !r.retiredAt), ...view.filter((r) => r.retiredAt).sort((a, b) => b.retiredAt!.getTime() - a.retiredAt!.getTime())];
}

/**
 * TrainerProfile mirrors the primary certification (the earliest added active one), so the
 * places that show one certification (admin lists, certificates, exports) keep working; with no
 * active certification the profile goes.
 */
async function syncPrimaryProfile(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  const rows = await tx.certification.findMany({ where: { userId, retiredAt: null }, select: CERT_SELECT });
  const primary = pickPrimary(rows);
  if (!primary) {
    await tx.trainerProfile.deleteMany({ where: { userId } });
    return;
  }
  const data = {
    certifyingBody: primary.certifyingBody,
    certificationNumber: primary.certificationNumber,
    firstCertifiedOn: primary.firstCertifiedOn,
    certificationExpiresOn: primary.expiresOn,
  };
  await tx.trainerProfile.upsert({ where: { userId }, create: { userId, ...data }, update: data });
}

async function lockUser(tx: Prisma.TransactionClient, userId: string) {
  // Serializes certification changes per trainer (the one-active-per-body check below).
  if (!(await lockUserRow(tx, userId))) throw new AppError("NOT_FOUND", "That user does not exist.");
}

async function assertNoActiveOfBody(tx: Prisma.TransactionClient, userId: string, body: TCertificationInput["certifyingBody"], exceptId?: string) {
  const other = await tx.certification.findFirst({ where: { userId, certifyingBody: body, retiredAt: null, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (other) {
    throw new AppError("CONFLICT", `You already hold an active ${body} certification: edit it, or retire it first.`, {
      fields: { "certification.certifyingBody": `You already hold an active ${body} certification.` },
    });
  }
}

/** Adds a certification inside the caller's transaction (sign-up uses it too). */
export async function addCertificationTx(tx: Prisma.TransactionClient, userId: string, input: TCertificationInput): Promise<{ id: string }> {
  await assertNoActiveOfBody(tx, userId, input.certifyingBody);
  const created = await tx.certification.create({
    data: {
      userId,
      certifyingBody: input.certifyingBody,
      certificationNumber: input.certificationNumber,
      firstCertifiedOn: dateOnly(input.firstCertifiedOn),
      expiresOn: input.expiresOn ? dateOnly(input.expiresOn) : null,
    },
    select: { id: true },
  });
  await syncPrimaryProfile(tx, userId);
  await recordAudit(tx, { actorId: userId, action: "certification.add", targetType: "certification", targetId: created.id, data: { ...input } });
  return created;
}

export async function addCertification(userId: string, input: TCertificationInput): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    await lockUser(tx, userId);
    return addCertificationTx(tx, userId, input);
  });
}

async function findOwned(tx: Prisma.TransactionClient, userId: string, id: string) {
  const row = await tx.certification.findUnique({ where: { id }, select: { userId: true, certifyingBody: true, retiredAt: true } });
  // Someone else's certification is "not found", never "forbidden": ids are not confirmed.
  if (!row || row.userId !== userId) throw new AppError("NOT_FOUND", "That certification does not exist.");
  return row;
}

/**
 * Edits number, dates or expiry. The body is not editable: credit belongs to the certification
 * it was earned under, so a different body is a different certification (retire, then add).
 */
export async function updateCertification(userId: string, id: string, input: TCertificationInput): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockUser(tx, userId);
    const row = await findOwned(tx, userId, id);
    if (row.retiredAt) throw new AppError("CONFLICT", "A retired certification cannot be edited.");
    if (row.certifyingBody !== input.certifyingBody) {
      throw new AppError("UNPROCESSABLE", "The certifying body of a certification cannot change: retire it and add the new one.", {
        fields: { "certification.certifyingBody": "Retire this certification and add the new one instead." },
      });
    }
    await tx.certification.update({
      where: { id },
      data: {
        certificationNumber: input.certificationNumber,
        firstCertifiedOn: dateOnly(input.firstCertifiedOn),
        expiresOn: input.expiresOn ? dateOnly(input.expiresOn) : null,
      },
    });
    await syncPrimaryProfile(tx, userId);
    await recordAudit(tx, { actorId: userId, action: "certification.update", targetType: "certification", targetId: id, data: { ...input } });
  });
}

/** Retiring keeps the row and its credit (the ledger never changes); it stops new awards and reminders. */
export async function retireCertification(userId: string, id: string, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockUser(tx, userId);
    const row = await findOwned(tx, userId, id);
    if (row.retiredAt) return; // retiring twice is the same as once
    await tx.certification.update({ where: { id }, data: { retiredAt: now } });
    await syncPrimaryProfile(tx, userId);
    await recordAudit(tx, { actorId: userId, action: "certification.retire", targetType: "certification", targetId: id });
  });
}

/**
 * The single-certification profile form (sign-up era): edits the primary certification, or adds
 * one when there is none. Choosing another body retires the primary one and adds the new body's,
 * so credit earned under the old body stays with it and never counts toward the new one.
 */
export async function savePrimaryCertificationTx(tx: Prisma.TransactionClient, userId: string, input: TCertificationInput): Promise<void> {
  await lockUser(tx, userId);
  const current = pickPrimary(await tx.certification.findMany({ where: { userId, retiredAt: null }, select: CERT_SELECT }));
  if (!current) {
    await addCertificationTx(tx, userId, input);
    return;
  }
  if (current.certifyingBody !== input.certifyingBody) {
    await tx.certification.update({ where: { id: current.id }, data: { retiredAt: new Date() } });
    await recordAudit(tx, { actorId: userId, action: "certification.retire", targetType: "certification", targetId: current.id, data: { replacedBy: input.certifyingBody } });
    await addCertificationTx(tx, userId, input);
    return;
  }
  await tx.certification.update({
    where: { id: current.id },
    data: { certificationNumber: input.certificationNumber, firstCertifiedOn: dateOnly(input.firstCertifiedOn), expiresOn: input.expiresOn ? dateOnly(input.expiresOn) : null },
  });
  await syncPrimaryProfile(tx, userId);
}

// ---------------------------------------------------------------------------------------------
// CPR/AED card

export type TCprAedCardView = { provider: string; expiresOn: string; fileName: string | null; fileType: string | null };

export async function getCprAedCard(userId: string): Promise<TCprAedCardView | null> {
  const card = await db.cprAedCard.findUnique({ where: { userId }, select: { provider: true, expiresOn: true, fileName: true, fileType: true } });
  return card ? { provider: card.provider, expiresOn: isoDay(card.expiresOn)!, fileName: card.fileName, fileType: card.fileType } : null;
}

export async function saveCprAedCard(
  userId: string,
  input: { provider: string; expiresOn: string; file?: { name: string; dataBase64: string } | null; removeFile?: boolean },
): Promise<void> {
  let file: { fileName: string; fileType: string; fileBytes: Uint8Array<ArrayBuffer> } | null = null;
  if (input.file) {
    const bytes = new Uint8Array(Buffer.from(input.file.dataBase64, "base64"));
    const checked = checkCardFile(bytes);
    if (!checked.ok) throw new AppError("UNPROCESSABLE", checked.message, { fields: { file: checked.message } });
    file = { fileName: input.file.name, fileType: checked.type, fileBytes: bytes };
  }
  const fileData = file ?? (input.removeFile ? { fileName: null, fileType: null, fileBytes: null } : {});
  await db.$transaction(async (tx) => {
    await tx.cprAedCard.upsert({
      where: { userId },
      create: { userId, provider: input.provider, expiresOn: dateOnly(input.expiresOn), ...fileData },
      update: { provider: input.provider, expiresOn: dateOnly(input.expiresOn), ...fileData },
    });
    await recordAudit(tx, {
      actorId: userId,
      action: "cpr-card.save",
      targetType: "user",
      targetId: userId,
      data: { provider: input.provider, expiresOn: input.expiresOn, file: file ? { name: file.fileName, type: file.fileType, bytes: file.fileBytes.length } : null },
    });
  });
}

export async function readCprAedCardFile(userId: string): Promise<{ name: string; type: string; bytes: Uint8Array } | null> {
  const card = await db.cprAedCard.findUnique({ where: { userId }, select: { fileName: true, fileType: true, fileBytes: true } });
  if (!card?.fileBytes || !card.fileType) return null;
  return { name: card.fileName ?? "cpr-aed-card", type: card.fileType, bytes: card.fileBytes };
}

export async function setRemindersOff(userId: string, off: boolean): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { remindersOffAt: off ? new Date() : null } });
    await recordAudit(tx, { actorId: userId, action: off ? "reminders.off" : "reminders.on", targetType: "user", targetId: userId });
  });
}
