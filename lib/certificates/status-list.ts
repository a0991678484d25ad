import { gunzipSync, gzipSync } from "node:zlib";
import { toWholeSecondsIso, VC_V2_CONTEXT } from "@/lib/certificates/open-badge";

/*
 * W3C Bitstring Status List v1.0, purpose "revocation": one bit per credential, 1 = revoked.
 * Each certificate holds a global index; list n covers indexes [n·SIZE, (n+1)·SIZE). The list's
 * encodedList is the GZIP of the bitstring, base64url without padding, with the multibase "u"
 * prefix; index 0 is the most significant bit of the first byte (spec 3.2).
 *
 * SIZE is the spec's minimum (131,072 bits = 16 KB): smaller lists would let an observer narrow
 * down whose credential a status request is about (spec 6.1 "herd privacy").
 */

export const STATUS_LIST_SIZE = 131_072;

export type TStatusPosition = { list: number; position: number };

export function splitStatusIndex(index: number): TStatusPosition {
  if (!Number.isInteger(index) || index < 0) throw new Error("status index must be a non-negative integer");
  return { list: Math.floor(index / STATUS_LIST_SIZE), position: index % STATUS_LIST_SIZE };
}

/**
 * How many indexes new certificates are drawn from: enough whole lists that they stay at most half
 * full, so a random draw rarely hits a taken index and each list keeps a large herd.
 */
export function statusIndexCapacity(assigned: number): number {
  return STATUS_LIST_SIZE * Math.max(1, Math.ceil((assigned + 1) / (STATUS_LIST_SIZE / 2)));
}

/** The list's bitstring with the given positions set, compressed and multibase-encoded. */
export function encodeStatusList(setPositions: Iterable<number>, size = STATUS_LIST_SIZE): string {
  const bits = new Uint8Array(size / 8);
  for (const position of setPositions) {
    if (!Number.isInteger(position) || position < 0 || position >= size) throw new Error(`status position ${position} is outside the list`);
    bits[position >> 3] |= 0x80 >> (position & 7);
  }
  return `u${gzipSync(bits).toString("base64url")}`;
}

/** The raw bitstring of an encodedList; throws on anything that is not one. */
export function decodeStatusList(encodedList: string): Uint8Array {
  if (!encodedList.startsWith("u")) throw new Error("encodedList must be multibase base64url (prefix u)");
  return new Uint8Array(gunzipSync(Buffer.from(encodedList.slice(1), "base64url")));
}

export function isStatusSet(bits: Uint8Array, position: number): boolean {
  if (position < 0 || position >= bits.length * 8) throw new Error(`status position ${position} is outside the list`);
  return (bits[position >> 3] & (0x80 >> (position & 7))) !== 0;
}

export type TStatusListCredential = {
  "@context": string[];
  id: string;
  type: string[];
  issuer: string;
  validFrom: string;
  credentialSubject: { id: string; type: "BitstringStatusList"; statusPurpose: "revocation"; encodedList: string };
};

export function buildStatusListCredential({ id, issuerId, validFrom, encodedList }: { id: string; issuerId: string; validFrom: Date; encodedList: string }): TStatusListCredential {
  return {
    "@context": [VC_V2_CONTEXT],
    id,
    type: ["VerifiableCredential", "BitstringStatusListCredential"],
    issuer: issuerId,
    validFrom: toWholeSecondsIso(validFrom.toISOString()),
    credentialSubject: { id: `${id}#list`, type: "BitstringStatusList", statusPurpose: "revocation", encodedList },
  };
}
