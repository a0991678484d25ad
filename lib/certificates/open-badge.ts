import { errors, importPKCS8, importSPKI, jwtVerify, SignJWT } from "jose";
import { z } from "zod";

/*
 * Open Badges 3.0 (1EdTech) credential for a completed course: an OpenBadgeCredential, i.e. a
 * W3C Verifiable Credential (Data Model 2.0), secured with OB 3.0's "VC-JWT" proof format (spec
 * 8.2): the JWS payload *is* the credential, Ed25519 (alg EdDSA), and the header follows OB 3.0
 * rather than VC-JOSE-COSE: typ "JWT", no cty, kid a URL that dereferences to the public JWK.
 * The registered claims say the same as the credential: iss = issuer.id, jti = id,
 * sub = credentialSubject.id, nbf = validFrom, exp = validUntil (only when set). validFrom and
 * validUntil are written to whole seconds, so nbf/exp equal them exactly.
 *
 * No JSON-LD context documents are shipped: a VC-JWT is verified by checking the JWS over the
 * exact payload bytes, so verification never expands JSON-LD and never fetches a context.
 * (A Data Integrity proof such as eddsa-rdfc-2022 canonicalizes RDF and would need the VC v2 and
 * OB 3.0.3 contexts bundled locally; add them under lib/certificates/contexts/ if that is ever
 * implemented.)
 */

export const VC_V2_CONTEXT = "https://www.w3.org/ns/credentials/v2";
export const OB_V3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
// A reference for third-party validators; nothing here loads it.
const OB_V3_CREDENTIAL_SCHEMA = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";
export const VC_JWT_TYPE = "JWT";

const ZHttpUrl = z.url({ protocol: /^https?$/ });
const ZUrnUuid = z.string().regex(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "must be a urn:uuid");
const ZIdentifier = z.union([ZUrnUuid, ZHttpUrl]);
const ZCredits = z.string().regex(/^\d{1,3}(\.\d{1,3})?$/, 'must be a decimal string like "0.40"');
const text = (max: number) => z.string().trim().min(1).max(max);

export const ZOpenBadgeInput = z
  .object({
    id: ZIdentifier,
    issuer: z.object({ id: ZHttpUrl, name: text(120), url: ZHttpUrl }),
    achievement: z.object({
      id: ZIdentifier,
      name: text(300),
      description: text(2000),
      criteriaNarrative: text(2000),
      creditsAvailable: ZCredits,
      certifyingBody: text(120),
      courseVersion: text(40),
    }),
    // credentialSubject.id, which the JWT's sub claim repeats (OB 3.0 requires sub).
    subject: z.object({ id: ZIdentifier, name: text(160), certificationNumber: z.string().trim().min(1).max(64).nullish() }),
    creditsEarned: ZCredits,
    validFrom: z.iso.datetime({ offset: true }),
    validUntil: z.iso.datetime({ offset: true }).optional(),
    // W3C Bitstring Status List entry, so a verifier can learn of a revocation.
    credentialStatus: z
      .object({ id: ZHttpUrl, statusListIndex: z.int().min(0), statusListCredential: ZHttpUrl })
      .optional(),
    result: z.object({ scorePercent: z.number().int().min(0).max(100) }).optional(),
  })
  .refine((input) => Number(input.creditsEarned) <= Number(input.achievement.creditsAvailable), {
    message: "creditsEarned cannot exceed creditsAvailable",
    path: ["creditsEarned"],
  });

export type TOpenBadgeInput = z.input<typeof ZOpenBadgeInput>;

const includes = (...required: string[]) => (types: string[]) => required.every((type) => types.includes(type));

/**
 * The parts of an OB 3.0 credential this app relies on. Loose objects: a credential may carry
 * more than we produce, and verification should not reject it for that.
 */
const ZOpenBadgeCredential = z.looseObject({
  "@context": z
    .array(z.string())
    .refine((contexts) => contexts[0] === VC_V2_CONTEXT && contexts.includes(OB_V3_CONTEXT), "missing VC v2 / OB 3.0 contexts"),
  id: z.string().min(1),
  type: z.array(z.string()).refine(includes("VerifiableCredential", "OpenBadgeCredential"), "not an OpenBadgeCredential"),
  issuer: z.looseObject({
    id: z.string().min(1),
    type: z.array(z.string()).refine(includes("Profile")),
    name: z.string().min(1),
    url: z.string().optional(),
  }),
  validFrom: z.iso.datetime({ offset: true }),
  validUntil: z.iso.datetime({ offset: true }).optional(),
  name: z.string().min(1),
  credentialSubject: z.looseObject({
    id: z.string().min(1).optional(),
    type: z.array(z.string()).refine(includes("AchievementSubject")),
    identifier: z
      .array(
        z.looseObject({
          type: z.literal("IdentityObject"),
          identityHash: z.string(),
          identityType: z.string(),
          hashed: z.boolean(),
        }),
      )
      .optional(),
    achievement: z.looseObject({
      id: z.string().min(1),
      type: z.array(z.string()).refine(includes("Achievement")),
      achievementType: z.string().optional(),
      name: z.string().min(1),
      description: z.string(),
      criteria: z.looseObject({ narrative: z.string().optional(), id: z.string().optional() }),
      creditsAvailable: z.number().nonnegative().optional(),
      version: z.string().optional(),
      tag: z.array(z.string()).optional(),
      resultDescription: z
        .array(
          z.looseObject({
            id: z.string(),
            type: z.array(z.string()),
            name: z.string(),
            resultType: z.string(),
          }),
        )
        .optional(),
    }),
    creditsEarned: z.number().nonnegative().optional(),
    result: z
      .array(
        z.looseObject({
          type: z.array(z.string()).refine(includes("Result")),
          resultDescription: z.string().optional(),
          value: z.string().optional(),
          status: z.string().optional(),
        }),
      )
      .optional(),
  }),
  credentialSchema: z.array(z.looseObject({ id: z.string(), type: z.string() })).optional(),
  credentialStatus: z
    .looseObject({
      id: z.string().optional(),
      type: z.string(),
      statusPurpose: z.string().optional(),
      statusListIndex: z.string().optional(),
      statusListCredential: z.string().optional(),
    })
    .optional(),
});

export type TOpenBadgeCredential = z.infer<typeof ZOpenBadgeCredential>;

/** An ISO date-time in UTC to whole seconds ("…T15:30:00Z"): the precision of JWT nbf/exp. */
export function toWholeSecondsIso(dateTime: string): string {
  const ms = Date.parse(dateTime);
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

export function buildOpenBadgeCredential(input: TOpenBadgeInput): TOpenBadgeCredential {
  const data = ZOpenBadgeInput.parse(input);
  const resultDescriptionId = `${data.achievement.id.split("#")[0]}#final-assessment`;

  // AchievementSubject has no "name": OB 3.0 identifies a recipient without a DID through
  // IdentityObjects. Unhashed, because the credential is meant to be shown to employers and
  // certifying bodies who need to read the name and certification number.
  const identifier = [
    { type: "IdentityObject" as const, identityHash: data.subject.name, identityType: "name", hashed: false },
    ...(data.subject.certificationNumber
      ? [
          {
            type: "IdentityObject" as const,
            identityHash: data.subject.certificationNumber,
            // Extensible enumeration: OB 3.0 allows custom values with the "ext:" prefix.
            identityType: "ext:certificationNumber",
            hashed: false,
          },
        ]
      : []),
  ];

  return {
    "@context": [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: data.id,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    issuer: { id: data.issuer.id, type: ["Profile"], name: data.issuer.name, url: data.issuer.url },
    validFrom: toWholeSecondsIso(data.validFrom),
    ...(data.validUntil ? { validUntil: toWholeSecondsIso(data.validUntil) } : {}),
    name: data.achievement.name,
    credentialSubject: {
      id: data.subject.id,
      type: ["AchievementSubject"],
      identifier,
      achievement: {
        id: data.achievement.id,
        type: ["Achievement"],
        achievementType: "Course",
        name: data.achievement.name,
        description: data.achievement.description,
        criteria: { narrative: data.achievement.criteriaNarrative },
        // OB 3.0 types credits as numbers; inputs are decimal strings to avoid float drift in the DB.
        creditsAvailable: Number(data.achievement.creditsAvailable),
        version: data.achievement.courseVersion,
        tag: [data.achievement.certifyingBody],
        resultDescription: [
          {
            id: resultDescriptionId,
            type: ["ResultDescription"],
            name: "Final assessment score",
            resultType: "Percent",
            valueMin: "0",
            valueMax: "100",
          },
        ],
      },
      creditsEarned: Number(data.creditsEarned),
      ...(data.result
        ? {
            result: [
              {
                type: ["Result"],
                resultDescription: resultDescriptionId,
                value: String(data.result.scorePercent),
                status: "Completed",
              },
            ],
          }
        : {}),
    },
    credentialSchema: [{ id: OB_V3_CREDENTIAL_SCHEMA, type: "1EdTechJsonSchemaValidator2019" }],
    ...(data.credentialStatus
      ? {
          credentialStatus: {
            id: data.credentialStatus.id,
            type: "BitstringStatusListEntry",
            statusPurpose: "revocation",
            // A string, as the Bitstring Status List spec writes it.
            statusListIndex: String(data.credentialStatus.statusListIndex),
            statusListCredential: data.credentialStatus.statusListCredential,
          },
        }
      : {}),
  };
}

/** kid: a URL that dereferences to the public JWK (OB 3.0 8.2.3). */
export type TSignOptions = { privateKeyPem: string; kid: string };

const seconds = (dateTime: string) => Math.floor(Date.parse(dateTime) / 1000);

/** Returns a compact JWS (VC-JWT). Throws if the credential, the kid or the key is invalid. */
export async function signOpenBadgeCredential(credential: TOpenBadgeCredential, { privateKeyPem, kid }: TSignOptions): Promise<string> {
  const parsed = ZOpenBadgeCredential.parse(credential);
  if (!ZHttpUrl.safeParse(kid).success) throw new Error("kid must be an http(s) URL that dereferences to the public key");
  const subject = parsed.credentialSubject.id;
  if (!subject) throw new Error("credentialSubject.id is required: it is the JWT's sub claim");
  if (parsed.validFrom !== toWholeSecondsIso(parsed.validFrom)) throw new Error("validFrom must be UTC to whole seconds (it must equal nbf)");
  if (parsed.validUntil && parsed.validUntil !== toWholeSecondsIso(parsed.validUntil)) throw new Error("validUntil must be UTC to whole seconds (it must equal exp)");
  const key = await importPKCS8(privateKeyPem, "EdDSA");
  const jwt = new SignJWT(parsed)
    .setProtectedHeader({ alg: "EdDSA", typ: VC_JWT_TYPE, kid })
    .setIssuer(parsed.issuer.id)
    .setSubject(subject)
    .setJti(parsed.id)
    .setNotBefore(seconds(parsed.validFrom));
  if (parsed.validUntil) jwt.setExpirationTime(seconds(parsed.validUntil));
  return jwt.sign(key);
}

type TOpenBadgeVerificationFailure =
  | "malformed"
  | "invalid-key"
  | "unsupported-algorithm"
  | "bad-signature"
  | "wrong-type"
  | "not-yet-valid"
  | "expired"
  | "invalid-credential"
  | "claims-mismatch";

export type TOpenBadgeVerification =
  | { valid: true; credential: TOpenBadgeCredential; kid: string | undefined }
  | { valid: false; reason: TOpenBadgeVerificationFailure };

export type TVerifyOptions = {
  publicKeyPem: string;
  /** Clock for validity checks; defaults to now. */
  now?: Date;
};

const JWT_REGISTERED_CLAIMS = ["iss", "sub", "aud", "exp", "nbf", "iat", "jti"] as const;
// Tolerates small clock differences between the issuing and verifying servers.
const CLOCK_TOLERANCE_SECONDS = 60;

function failureFromJoseError(error: unknown): TOpenBadgeVerificationFailure {
  if (error instanceof errors.JWSSignatureVerificationFailed) return "bad-signature";
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) return "unsupported-algorithm";
  if (error instanceof errors.JWTExpired) return "expired";
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "typ") return "wrong-type";
    if (error.claim === "nbf") return "not-yet-valid";
    return "claims-mismatch";
  }
  return "malformed";
}

/**
 * Checks a VC-JWT against our public key. Never throws: every failure is a `reason`, so a public
 * verify endpoint can pass any user-supplied string straight in.
 */
export async function verifyOpenBadgeCredential(jwt: string, { publicKeyPem, now }: TVerifyOptions): Promise<TOpenBadgeVerification> {
  const currentDate = now ?? new Date();
  let key: CryptoKey;
  try {
    key = await importSPKI(publicKeyPem, "EdDSA");
  } catch {
    return { valid: false, reason: "invalid-key" };
  }
  if (typeof jwt !== "string" || jwt.length === 0 || jwt.length > 100_000) return { valid: false, reason: "malformed" };

  let payload: Record<string, unknown>;
  let kid: string | undefined;
  try {
    const verified = await jwtVerify(jwt.trim(), key, {
      algorithms: ["EdDSA"],
      currentDate,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    });
    // OB 3.0: typ is "JWT" when present, and cty is not allowed.
    const { typ, cty } = verified.protectedHeader;
    if ((typ !== undefined && typ !== VC_JWT_TYPE) || cty !== undefined) return { valid: false, reason: "wrong-type" };
    payload = verified.payload as Record<string, unknown>;
    kid = verified.protectedHeader.kid;
  } catch (error) {
    return { valid: false, reason: failureFromJoseError(error) };
  }

  const credentialFields = { ...payload };
  for (const claim of JWT_REGISTERED_CLAIMS) delete credentialFields[claim];
  const parsed = ZOpenBadgeCredential.safeParse(credentialFields);
  if (!parsed.success) return { valid: false, reason: "invalid-credential" };
  const credential = parsed.data;

  // The JWT claims are what generic JWT tooling trusts; they must say the same as the credential.
  const validFromSeconds = seconds(credential.validFrom);
  const validUntilSeconds = credential.validUntil ? seconds(credential.validUntil) : undefined;
  if (
    payload.iss !== credential.issuer.id ||
    payload.nbf !== validFromSeconds ||
    payload.exp !== validUntilSeconds ||
    typeof payload.sub !== "string" ||
    (credential.credentialSubject.id !== undefined && payload.sub !== credential.credentialSubject.id) ||
    (payload.jti !== undefined && payload.jti !== credential.id)
  ) {
    return { valid: false, reason: "claims-mismatch" };
  }
  if (validFromSeconds > currentDate.getTime() / 1000 + CLOCK_TOLERANCE_SECONDS) return { valid: false, reason: "not-yet-valid" };
  if (credential.validUntil && Date.parse(credential.validUntil) < currentDate.getTime() - CLOCK_TOLERANCE_SECONDS * 1000) {
    return { valid: false, reason: "expired" };
  }
  return { valid: true, credential, kid };
}
