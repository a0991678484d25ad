import { z } from "zod";

/** Which kinds of notice are also mailed: only the kinds being changed need to be sent. */
export const ZMailPreferences = z.strictObject({
  email: z.strictObject({
    CERTIFICATE_ISSUED: z.boolean().optional(),
    CERTIFICATE_REVOKED: z.boolean().optional(),
    CERTIFICATE_REISSUED: z.boolean().optional(),
    CREDIT_ADJUSTED: z.boolean().optional(),
  }),
});

/** Marks read what the trainer was shown: notices created up to the moment the page was rendered. */
export const ZMarkRead = z.strictObject({ upTo: z.iso.datetime() });
