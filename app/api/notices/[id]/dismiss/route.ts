import { z } from "zod";
import { ZIdParams } from "@/lib/certifications/certification-schemas";
import { defineRoute } from "@/lib/http/route.server";
import { dismissNotice } from "@/lib/notices/notices.server";

export const POST = defineRoute({
  auth: "user",
  params: ZIdParams,
  body: z.strictObject({ dismiss: z.literal(true) }),
  handler: async ({ user, params }) => {
    await dismissNotice(user!.id, params.id);
    return { ok: true };
  },
});
