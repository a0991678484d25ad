import type { TestProject } from "vitest/node";
import { ensureTemplateDatabase, resolveTestServer } from "./pg-server";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await resolveTestServer();
  project.provide("pgAdminUrl", server.adminUrl);
  project.provide("pgTemplate", await ensureTemplateDatabase(server.adminUrl));
  return async () => {
    await server.stop?.();
  };
}
