import { ZCprAedCardBody } from "@/lib/certifications/certification-schemas";
import { saveCprAedCard } from "@/lib/certifications/certifications.server";
import { defineRoute } from "@/lib/http/route.server";

// The card travels as base64 in JSON: 2 MB of file is at most ~2.8 MB of text.
export const PUT = defineRoute({
  auth: "user",
  body: ZCprAedCardBody,
  maxBodyBytes: 3 * 1024 * 1024,
  handler: async ({ user, body }) => {
    await saveCprAedCard(user!.id, body);
    return { ok: true };
  },
});
