import { afterEach, describe, expect, it } from "vitest";
import { parseEnv, parseSettings, setting } from "./env";

const DB = "postgresql://postgres@127.0.0.1:5432/app";
const PROD = { APP_MODE: "production", NEXTAUTH_SECRET: "x".repeat(32), NEXTAUTH_URL: "https://ce.example.com", SMTP_URL: "smtp://mail", SIGNING_KEY_PEM: "pem" };

describe("parseEnv: a bad value is refused with the variable's name", () => {
  it.each([
    [{ TRUSTED_PROXY_HOPS: "1x" }, "TRUSTED_PROXY_HOPS must be a whole number from 0 to 10"],
    [{ TRUSTED_PROXY_HOPS: "11" }, "TRUSTED_PROXY_HOPS must be a whole number from 0 to 10"],
    [{ TRUSTED_PROXY_HOPS: "-1" }, "TRUSTED_PROXY_HOPS must be a whole number from 0 to 10"],
    [{ MAIL_RATE_LIMIT_PER_HOUR: "twenty" }, "MAIL_RATE_LIMIT_PER_HOUR must be a whole number from 1 to 1000000000"],
    [{ MAIL_RATE_LIMIT_PER_HOUR: "0" }, "MAIL_RATE_LIMIT_PER_HOUR must be a whole number from 1 to 1000000000"],
    [{ VERIFY_RATE_LIMIT_PER_MINUTE: "2.5" }, "VERIFY_RATE_LIMIT_PER_MINUTE must be a whole number from 1 to 1000000000"],
    [{ VERIFY_CACHE_SECONDS: "3601" }, "VERIFY_CACHE_SECONDS must be a whole number from 0 to 3600"],
    [{ WEB_CONCURRENCY: "0" }, "WEB_CONCURRENCY must be a whole number from 1 to 64"],
    [{ WEB_CONCURRENCY: "auto" }, "WEB_CONCURRENCY must be a whole number from 1 to 64"],
    [{ PORT: "70000" }, "PORT must be a whole number from 1 to 65535"],
    [{ CONTENT_DIR: "   " }, "CONTENT_DIR must be a folder path"],
    [{ BACKBONE_SOURCE_MAPS: "yes" }, "BACKBONE_SOURCE_MAPS must be 1 (on) or 0 (off)"],
    [{ APP_MODE: "prod" }, "APP_MODE"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL must be a postgresql:// connection URL"],
    [{ NEXTAUTH_SECRET: "short" }, "NEXTAUTH_SECRET must be at least 32 characters"],
    [{ ...PROD, SMTP_URL: undefined }, "SMTP_URL is required when APP_MODE=production"],
  ])("%o", (vars, message) => {
    const result = parseEnv({ DATABASE_URL: DB, ...vars });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });
});

describe("parseEnv: defaults and accepted values", () => {
  it("fills every default", () => {
    const result = parseEnv({ DATABASE_URL: DB });
    expect(result).toMatchObject({
      ok: true,
      env: { PORT: 3000, HOSTNAME: "0.0.0.0", APP_MODE: "demo", TRUSTED_PROXY_HOPS: 0, MAIL_RATE_LIMIT_PER_HOUR: 20, VERIFY_RATE_LIMIT_PER_MINUTE: 60, VERIFY_CACHE_SECONDS: 10, WEB_CONCURRENCY: 1, BACKBONE_DATA_DIR: ".data", BACKBONE_SOURCE_MAPS: "0" },
    });
    if (result.ok) expect(result.env.CONTENT_DIR).toBeUndefined();
  });

  it.each([
    [{ TRUSTED_PROXY_HOPS: " 2 " }, { TRUSTED_PROXY_HOPS: 2 }],
    [{ VERIFY_CACHE_SECONDS: "0" }, { VERIFY_CACHE_SECONDS: 0 }],
    [{ MAIL_RATE_LIMIT_PER_HOUR: "1000000000" }, { MAIL_RATE_LIMIT_PER_HOUR: 1_000_000_000 }],
    // An empty variable is an unset one, not 0.
    [{ TRUSTED_PROXY_HOPS: "", MAIL_RATE_LIMIT_PER_HOUR: "" }, { TRUSTED_PROXY_HOPS: 0, MAIL_RATE_LIMIT_PER_HOUR: 20 }],
    [PROD, { APP_MODE: "production" }],
  ])("%o", (vars, expected) => {
    expect(parseEnv({ DATABASE_URL: DB, ...vars })).toMatchObject({ ok: true, env: expected });
  });

  it("an empty folder variable is unset", () => {
    const result = parseEnv({ DATABASE_URL: DB, EXTRA_CONTENT_DIR: "" });
    expect(result.ok && result.env.EXTRA_CONTENT_DIR).toBeUndefined();
  });

  it("parseSettings needs no DATABASE_URL; parseEnv does", () => {
    expect(parseSettings({}).ok).toBe(true);
    expect(parseEnv({})).toMatchObject({ ok: false, message: expect.stringContaining("DATABASE_URL") });
  });
});

describe("setting", () => {
  const saved = process.env.TRUSTED_PROXY_HOPS;
  afterEach(() => {
    if (saved === undefined) delete process.env.TRUSTED_PROXY_HOPS;
    else process.env.TRUSTED_PROXY_HOPS = saved;
  });

  it("follows the variable as it changes and names it when it is wrong", () => {
    delete process.env.TRUSTED_PROXY_HOPS;
    expect(setting("TRUSTED_PROXY_HOPS")).toBe(0);
    process.env.TRUSTED_PROXY_HOPS = "3";
    expect(setting("TRUSTED_PROXY_HOPS")).toBe(3);
    process.env.TRUSTED_PROXY_HOPS = "three";
    expect(() => setting("TRUSTED_PROXY_HOPS")).toThrow("Invalid configuration: TRUSTED_PROXY_HOPS must be a whole number from 0 to 10");
  });
});
