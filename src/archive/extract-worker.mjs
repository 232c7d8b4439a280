// An extraction thread for src/archive/extract-pool.ts: article records in, one message per extracted
// article out (so the pool can bound each article's time and abandon just the one that overruns). The rules
// are pure functions of the text, so each core can run them; the archive keeps its single writer on the
// main thread. Plain JavaScript so that it starts under any loader: it registers tsx for the rules.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { extractArticle } = await import("../extract/index.ts");
const { articleTerms } = await import("./terms.ts");

parentPort.on("message", ({ records }) => {
  for (const record of records) {
    let result;
    try {
      result = { extraction: extractArticle(record), terms: articleTerms(record.title, record.paragraphs) };
    } catch (e) {
      result = { error: String(e?.stack ?? e) };
    }
    parentPort.postMessage({ result });
  }
});
// Ready once the rules are loaded: the pool starts an article's clock only then.
parentPort.postMessage({ ready: true });
