import { z } from "zod";

// Every setting the app reads, validated once. Scripts call parseEnv() at start-up and print the
// first problem as one line; the app reads `env()` lazily so tests can set DATABASE_URL first.
const ZUrl = z.string().trim().min(1);

const ZEnv = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: ZUrl.refine((v) => /^postgres(ql)?:\/\//.test(v), {
      message: "must be a postgresql:// connection URL, e.g. postgresql://user:pass@host:5432/db",
    }),
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (generate one with `openssl rand -base64 32`)").optional(),
    NEXTAUTH_URL: z.url("must be the site's public URL, e.g. https://ce.example.com").optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    SMTP_URL: z.string().optional(),
    MAIL_FROM: z.string().default("Backbone CE <no-reply@backbone-ce.local>"),
    SIGNING_KEY_PEM: z.string().optional(),
    // "demo" (the default for `npm start`): secrets generated into .data/, mail to the outbox,
    // demo accounts seeded. "production": every secret must come from the environment.
    APP_MODE: z.enum(["demo", "production"]).default("demo"),
  })
  .superRefine((env, ctx) => {
    if (env.APP_MODE !== "production") return;
    for (const key of ["NEXTAUTH_SECRET", "NEXTAUTH_URL", "SMTP_URL", "SIGNING_KEY_PEM"] as const) {
      if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required when APP_MODE=production" });
    }
  });

export type TEnv = z.infer<typeof ZEnv>;

export function parseEnv(source: NodeJS.ProcessEnv = process.env): { ok: true; env: TEnv } | { ok: false; message: string } {
  const result = ZEnv.safeParse(source);
  if (result.success) return { ok: true, env: result.data };
  const issue = result.error.issues[0];
  const name = issue?.path.join(".") || "environment";
  return { ok: false, message: `${name} ${issue?.message ?? "is invalid"}` };
}

let cached: TEnv | undefined;
export function env(): TEnv {
  // Re-read when the database or the signing key changes (tests; a key rotation in one process).
  if (cached && cached.DATABASE_URL === process.env.DATABASE_URL && cached.SIGNING_KEY_PEM === process.env.SIGNING_KEY_PEM) return cached;
  const parsed = parseEnv();
  if (!parsed.ok) throw new Error(`Invalid configuration: ${parsed.message}`);
  cached = parsed.env;
  return cached;
}
