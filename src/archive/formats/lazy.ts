// The parsers of the richer formats, loaded on their first use: `newsbot extract` of a plain-text file (and
// a folder of text only) never pays their start-up, about 0.2 s of CPU for yaml, fast-xml-parser and
// node-html-parser together. Each package's CommonJS build is the same release as its ES module.
import { createRequire } from "node:module";

const load = createRequire(import.meta.url);

/** `get()` loads the module on the first call and returns the same one after. */
function lazy<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load(name) as T);
}

export const yaml = lazy<typeof import("yaml")>("yaml");
export const xmlParser = lazy<typeof import("fast-xml-parser")>("fast-xml-parser");
export const htmlParser = lazy<typeof import("node-html-parser")>("node-html-parser");
