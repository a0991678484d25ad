import { buildApp } from "./lib/build-app";

// `npm run build`: the production build of the app (type-checked), with the stamp npm start
// compares against the sources. npm run build compiles the scripts first (scripts/compile-scripts.mjs).
const code = await buildApp(process.env);
process.exit(code);
