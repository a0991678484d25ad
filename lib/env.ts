import { z } from "zod";

// Every setting the app reads at run time, validated here and nowhere else (README, "Configuration").
// Scripts call parseEnv()/parseSettings() at start-up and print the first problem as one line that
// names the variable; the app reads `env()` (everything, DATABASE_URL included) or `setting(name)`
// (one value, for code that also runs without a database: the build, the content loader, the
// server wrapper). Both re-read process.env, so tests may change a variable between cases.
//
// next.config.js reads NODE_ENV, APP_MODE and NEXT_DIST_DIR itself (Next loads it as plain
// JavaScript, before any of this exists), with the same meaning. Test, bench and topology knobs
// stay in their helpers.

/** A whole number within bounds, read from text: "1x", "" and "2.5" are refused, never NaN. */
function ZWholeNumber(min: number, max: number, fallback: number) {
  const hint = `must be a whole number from ${min} to ${max}`;
  return z
    .string()
    .trim()
    .regex(/^\d+$/, hint)
    .transform(Number)
    .pipe(z.number().int().min(min, hint).max(max, hint))
    .optional()
    .transform((v) => v ?? fallback);
}

const ZPath = z.string().trim().min(1, "must be a folder path");

const ZSettingsObject = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (generate one with `openssl rand -base64 32`)").optional(),
  NEXTAUTH_URL: z.url("must be the site's public URL, e.g. https://ce.example.com").optional(),
  PORT: ZWholeNumber(1, 65535, 3000),
  /** The address the server listens on (all interfaces unless set). */
  HOSTNAME: z.string().trim().min(1).default("0.0.0.0"),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Backbone CE <no-reply@backbone-ce.local>"),
  SIGNING_KEY_PEM: z.string().optional(),
  // "demo" (the default for `npm start`): secrets generated into .data/, mail to the outbox,
  // demo accounts seeded. "production": every secret must come from the environment.
  APP_MODE: z.enum(["demo", "production"]).default("demo"),
  /** Proxies in front of the app: which x-forwarded-for entry is the client (lib/auth/request-ip.ts). */
  TRUSTED_PROXY_HOPS: ZWholeNumber(0, 10, 0),
  /** Sign-up / verification / reset mails per client address per hour (lib/http/rate-limit.server.ts). */
  MAIL_RATE_LIMIT_PER_HOUR: ZWholeNumber(1, 1_000_000_000, 20),
  /** Certificate lookups per client address per minute (the benchmark raises it). */
  VERIFY_RATE_LIMIT_PER_MINUTE: ZWholeNumber(1, 1_000_000_000, 60),
  /** How long a verify lookup is answered from memory; 0 turns the cache off (decision 012). */
  VERIFY_CACHE_SECONDS: ZWholeNumber(0, 3600, 10),
  /** Where courses live; content/ in the working folder when unset. */
  CONTENT_DIR: ZPath.optional(),
  /** A second content folder (the e2e fixture course). */
  EXTRA_CONTENT_DIR: ZPath.optional(),
  /** Worker processes per instance (scripts/serve.ts; docs/performance.md before raising it). */
  WEB_CONCURRENCY: ZWholeNumber(1, 64, 1),
  /**
   * Each server process's V8 old-generation limit in MB (`--max-old-space-size`, set by npm start
   * and the bench; scripts/lib/server-node-args.ts). 0 leaves V8's default, sized from the machine's
   * memory (about 4 GB on 24 GiB), under which an instance grows to 500–700 MB under load:
   * docs/performance.md "Peak server RSS".
   */
  WEB_HEAP_MB: ZWholeNumber(0, 65_536, 192),
  /** The embedded database and generated secrets. */
  BACKBONE_DATA_DIR: ZPath.default(".data"),
  /** "1" keeps Node's source-map support on in the server (slower, ~100 MB more; for debugging). */
  BACKBONE_SOURCE_MAPS: z.enum(["0", "1"], "must be 1 (on) or 0 (off)").default("0"),
  /** The build folder (next.config.js reads it too): the e2e and benchmark builds use their own. */
  NEXT_DIST_DIR: ZPath.default(".next"),
  /** `npm run admin:create`: the new admin's password instead of a prompt. */
  ADMIN_PASSWORD: z.string().optional(),
});

const ZDatabaseUrl = z
  .string()
  .trim()
  .min(1)
  .refine((v) => /^postgres(ql)?:\/\//.test(v), { message: "must be a postgresql:// connection URL, e.g. postgresql://user:pass@host:5432/db" });

function requireProductionSecrets(env: { APP_MODE: "demo" | "production"; NEXTAUTH_SECRET?: string; NEXTAUTH_URL?: string; SMTP_URL?: string; SIGNING_KEY_PEM?: string }, ctx: z.RefinementCtx) {
  if (env.APP_MODE !== "production") return;
  for (const key of ["NEXTAUTH_SECRET", "NEXTAUTH_URL", "SMTP_URL", "SIGNING_KEY_PEM"] as const) {
    if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required when APP_MODE=production" });
  }
}

/** Every setting but the database (what the build, the content loader and serve.ts need). */
const ZSettings = ZSettingsObject.superRefine(requireProductionSecrets);
/** Every setting the running app needs. */
const ZEnv = ZSettingsObject.extend({ DATABASE_URL: ZDatabaseUrl }).superRefine(requireProductionSecrets);

export type TSettings = z.infer<typeof ZSettings>;
export type TEnv = z.infer<typeof ZEnv>;

type TEnvSource = Record<string, string | undefined>;

// An empty variable (`FOO=` in a shell or an .env file) means "not set", as in most tools.
function withoutEmpty(source: TEnvSource): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) if (value !== undefined && value !== "") out[key] = value;
  return out;
}

type TParsed<T> = { ok: true; env: T } | { ok: false; message: string };

function firstProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  const name = issue?.path.join(".") || "environment";
  return `${name} ${issue?.message ?? "is invalid"}`;
}

export function parseEnv(source: TEnvSource = process.env): TParsed<TEnv> {
  const result = ZEnv.safeParse(withoutEmpty(source));
  return result.success ? { ok: true, env: result.data } : { ok: false, message: firstProblem(result.error) };
}

export function parseSettings(source: TEnvSource = process.env): TParsed<TSettings> {
  const result = ZSettings.safeParse(withoutEmpty(source));
  return result.success ? { ok: true, env: result.data } : { ok: false, message: firstProblem(result.error) };
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

type TSettingName = keyof typeof ZSettingsObject.shape;
const settingCache = new Map<TSettingName, { raw: string | undefined; value: unknown }>();

/**
 * One setting, parsed by its schema above and cached until the variable changes: cheap enough for
 * every request (the client address is read per request). A bad value throws naming the variable;
 * `npm start` and serve.ts have already refused it at start-up.
 */
export function setting<K extends TSettingName>(name: K): TSettings[K] {
  const raw = process.env[name] === "" ? undefined : process.env[name];
  const hit = settingCache.get(name);
  if (hit && hit.raw === raw) return hit.value as TSettings[K];
  const result = ZSettingsObject.shape[name].safeParse(raw);
  if (!result.success) throw new Error(`Invalid configuration: ${name} ${result.error.issues[0]?.message ?? "is invalid"}`);
  settingCache.set(name, { raw, value: result.data });
  return result.data as TSettings[K];
}
