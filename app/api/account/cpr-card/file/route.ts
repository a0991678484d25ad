import { readCprAedCardFile } from "@/lib/certifications/certifications.server";
import { AppError } from "@/lib/errors";
import { downloadResponse } from "@/lib/http/download";
import { defineRoute } from "@/lib/http/route.server";

// The trainer's own uploaded card, and only theirs (the session decides whose).
export const dynamic = "force-dynamic";

export const GET = defineRoute({
  auth: "user",
  handler: async ({ user }) => {
    const file = await readCprAedCardFile(user!.id);
    if (!file) throw new AppError("NOT_FOUND", "No CPR/AED card file is on your account.");
    const extension = file.type === "application/pdf" ? "pdf" : file.type === "image/png" ? "png" : "jpg";
    // The stored type came from the bytes; the name is ours, never the uploader's.
    return downloadResponse(file.bytes, { fileName: `cpr-aed-card.${extension}`, contentType: file.type });
  },
});
