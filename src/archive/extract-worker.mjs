// An extraction thread for syncFolder (src/archive/ingest.ts): article records in, extractions out. The
// rules are pure functions of the text, so each core can run them; the archive keeps its single writer on
// the main thread. Plain JavaScript so that it starts under any loader: it registers tsx for the rules.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { extractArticle } = await import("../extract/index.ts");
const { articleTerms } = await import("./terms.ts");

parentPort.on("message", ({ id, records }) => {
  const results = records.map((record) => {
    try {
      return { extraction: extractArticle(record), terms: articleTerms(record.title, record.paragraphs) };
    } catch (e) {
      return { error: String(e?.stack ?? e) };
    }
  });
  parentPort.postMessage({ id, results });
});
