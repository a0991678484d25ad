import "server-only";
import { publicJwkFromPem, type TPublicJwk } from "@/lib/certificates/signing-key";
import { keyUrl, siteSigningKey } from "@/lib/certificates/site-credentials.server";
import { db } from "@/lib/db";

// The keys a verifier checks a credential's signature with (/.well-known/jwks.json, /ob/keys/[kid]).

/** Every published key: the current one first, then each earlier one that signed a credential. */
export async function siteJwks(): Promise<{ keys: TPublicJwk[] }> {
  const current = siteSigningKey();
  const earlier = await db.signingKey.findMany({ where: { kid: { not: current.thumbprint } }, orderBy: { firstUsedAt: "desc" }, select: { kid: true, publicKeyPem: true } });
  return {
    keys: [publicJwkFromPem(current.publicKeyPem, current.kid), ...earlier.map((k) => publicJwkFromPem(k.publicKeyPem, keyUrl(k.kid)))],
  };
}

/** The public JWK a kid URL names, or null. Accepts the bare thumbprint of older credentials. */
export async function publishedKey(thumbprint: string): Promise<TPublicJwk | null> {
  const jwks = await siteJwks();
  return jwks.keys.find((k) => k.kid === keyUrl(thumbprint)) ?? null;
}
