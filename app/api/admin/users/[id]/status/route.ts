import { z } from "zod";
import { setUserDisabled } from "@/lib/auth/manage-users.server";
import { defineRoute } from "@/lib/http/route.server";

const ZUserParams = z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "is not a user id") });

export const POST = defineRoute({
  auth: "admin",
  params: ZUserParams,
  body: z.strictObject({ disabled: z.boolean() }),
  handler: async ({ user, params, body }) => {
    await setUserDisabled({ adminId: user!.id, userId: params.id, disabled: body.disabled });
    return { ok: true };
  },
});
