import { z } from "zod";
import { changeUserRole } from "@/lib/auth/manage-users.server";
import { defineRoute } from "@/lib/http/route.server";

const ZUserParams = z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "is not a user id") });

export const POST = defineRoute({
  auth: "admin",
  params: ZUserParams,
  body: z.strictObject({ role: z.enum(["TRAINER", "ADMIN"]) }),
  handler: async ({ user, params, body }) => {
    await changeUserRole({ adminId: user!.id, userId: params.id, role: body.role });
    return { ok: true };
  },
});
