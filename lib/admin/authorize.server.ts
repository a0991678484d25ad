import "server-only";

// The admin check lives in lib/auth (one definition for every domain); re-exported for lib/admin.
export { assertAdmin } from "@/lib/auth/assert-admin.server";
