// The web server (scripts/e2e-server.ts) prepares the database and the build; nothing else is
// shared between specs: each one seeds its own users (e2e/fixtures.ts).
export default async function globalSetup() {}
