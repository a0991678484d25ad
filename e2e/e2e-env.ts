// Shared by the e2e server and the specs (which run in other processes): the database name is
// derived from the port so every process finds the same one without passing state around.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
export const E2E_SECRET = "e2e-only-secret-not-for-production-0123456789";

export function e2eAdminUrl(): string {
  return process.env.TEST_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
}

export function e2eDatabaseUrl(): string {
  const url = new URL(e2eAdminUrl());
  url.pathname = `/backbone_e2e_${E2E_PORT}`;
  return url.toString();
}
