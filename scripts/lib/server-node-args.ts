// The Node flags every production server process starts with (npm start, the bench, the topology
// test): one place, so what is measured is what is deployed.
//
// Why a heap limit by default: V8 sizes the old generation from the machine's memory (about 4 GB
// on 24 GiB) and, under a steady allocation rate, lets it grow far past what is live before a full
// collection. An instance serving a few hundred requests a second then sits at 500–700 MB of
// resident memory of which a third is live. With the limit it collects sooner and stays near
// 250 MB (docs/performance.md "Peak server RSS"). An operator's own NODE_OPTIONS limit wins.

/** `--max-old-space-size=<WEB_HEAP_MB>` unless NODE_OPTIONS already sets one, or WEB_HEAP_MB is 0. */
export function serverNodeArgs(env: { WEB_HEAP_MB: number; NODE_OPTIONS?: string | undefined }): string[] {
  if (env.WEB_HEAP_MB === 0) return [];
  if (/--max-old-space-size[=\s]/.test(env.NODE_OPTIONS ?? "")) return [];
  return [`--max-old-space-size=${env.WEB_HEAP_MB}`];
}
