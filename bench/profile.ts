// Pieces of a query timed alone (CPU ms), for RESULTS.md's causes: `node bin/run-ts.js bench/profile.ts DB`.
import { openSqliteStore } from "../src/archive/sqlite/store.ts";
import { Lookup } from "../src/search/lookup.ts";

const store = openSqliteStore(process.argv[2]);
const cpu =
  <T>(label: string, f: () => T | Promise<T>) =>
  async () => {
    const c = process.cpuUsage();
    const r = await f();
    const u = process.cpuUsage(c);
    console.log(`${label}: ${((u.user + u.system) / 1000).toFixed(1)} ms CPU`);
    return r;
  };
const entries = await cpu("store.names()", () => store.names())();
console.log(`name entries: ${entries.length}`);
const lookup = new Lookup(store);
await cpu("lookup.refresh() (acronyms)", () => lookup.refresh())();
const [top] = await store.rankedIdentities(1);
for (const p of ["bl", "blai", "kenn", "sm"]) await cpu(`names.suggest("${p}", 25)`, () => lookup.names.suggest(p, 25))();
for (const q of ["blair", "blari", "kenedy", "zzzzzz"]) await cpu(`names.match("${q}")`, () => lookup.names.match(q))();
for (const w of ["government", "govenment", "prices", "pricse"]) await cpu(`lookup.topic("${w}")`, () => lookup.topic(w))();
await cpu(`store.termsStartingWith("g", 2000)`, () => store.termsStartingWith("g", 2000))();
await cpu(`store.quotesBy(["${top.name}"], 200)`, () => store.quotesBy(top.members, 200))();
await store.close();
