// Money as news writes it, in every house style: a sign or code before the number ("£3.2m", "US$3bn",
// "A$1.2bn", "Rs 500 crore", "N5bn", "R2.3bn", "SSP 29.6bn", and this corpus's "USdollars 4m" where a "$"
// was once), or a currency named after it ("1.55bn euros", "5 billion yuan", "30 billion South Sudanese
// pounds", "551 billion SSP"). The unit is the ISO 4217 code when the text tells the currency; a currency
// word shared by several countries with no country named ("rupees", "pesos") stays a word.

const SIGNS: Record<string, string> = {
  "£": "GBP",
  "€": "EUR",
  "¥": "JPY",
  "₹": "INR",
  "₦": "NGN",
  "₩": "KRW",
  "₱": "PHP",
  "₺": "TRY",
  "₽": "RUB",
  "₪": "ILS",
  "₵": "GHS",
  // Ghana's own papers write the cedi "GH¢" or "GH₵".
  "gh¢": "GHS",
  "gh₵": "GHS",
  $: "USD",
  us$: "USD",
  hk$: "HKD",
  nz$: "NZD",
  a$: "AUD",
  au$: "AUD",
  c$: "CAD",
  ca$: "CAD",
  s$: "SGD",
  nt$: "TWD",
  r$: "BRL",
  z$: "ZWL",
  // This corpus wrote "$" as "dollars ", so "US$" became "USdollars" and "A$" "Adollars".
  dollars: "USD",
  usdollars: "USD",
  hkdollars: "HKD",
  nzdollars: "NZD",
  adollars: "AUD",
  cdollars: "CAD",
  sdollars: "SGD",
  euros: "EUR",
  pounds: "GBP",
  rs: "rupees",
  "rs.": "rupees",
  sh: "shillings",
  ksh: "KES",
  ush: "UGX",
  tsh: "TZS",
};

// ISO codes written as words of their own; only in capitals ("USD 4m", "551 billion SSP"), so that "try" or
// "php" in running text is not money. RMB is the usual name of the yuan's code.
const CODES = new Set(
  "USD EUR GBP JPY CNY RMB INR PKR LKR BDT NPR NGN ZAR KES UGX TZS GHS ETB SSP SDG EGP AUD NZD HKD SGD CHF SEK NOK DKK BRL MXN RUB KRW IDR MYR THB AED ILS".split(
    " ",
  ),
);
const CODE_ALIAS: Record<string, string> = { RMB: "CNY" };

/** A regex source for what may stand before an amount to make it money. */
export const CURRENCY_PREFIX = String.raw`GH[¢₵]\s?|(?:US|HK|NZ|AU|A|CA|C|S|NT|R|Z)?\$\s?|[£€¥₹₦₩₱₺₽₪₵]\s?|(?:US|HK|NZ|A|C|S)?dollars\s*|(?:euros|pounds)\s+|Rs\.?\s?|(?:K|U|T)?Sh\s?|[A-Z]{3}\s?(?=\d)|[RN](?=\d)`;

/**
 * The currency of a prefix as written, or null when it is not one here: an ISO code not in capitals or
 * not a currency, or the bare "R"/"N" of rand and naira without a scale or thousands ("R800" is a model).
 */
export function prefixCurrency(prefix: string, scaled: boolean, digits: string): string | null {
  const p = prefix.trim();
  const sign = SIGNS[p.toLowerCase()];
  if (sign) return /^[a-z]/.test(p) && /^(?:rs|sh|ksh|ush|tsh)/i.test(p) ? null : sign; // "Rs", "KSh" are capitalised
  if (/^[A-Za-z]{3}$/.test(p)) return p === p.toUpperCase() && CODES.has(p) ? (CODE_ALIAS[p] ?? p) : null;
  if (p === "R" || p === "N") return scaled || /\d,\d{3}/.test(digits) ? (p === "R" ? "ZAR" : "NGN") : null;
  return null;
}

// Currency words, each with the code it has when no country is named (null: several countries use it).
const WORDS: Record<string, string | null> = {
  dollar: "USD",
  euro: "EUR",
  pound: "GBP",
  sterling: "GBP",
  yen: "JPY",
  yuan: "CNY",
  renminbi: "CNY",
  rupee: null,
  rupiah: "IDR",
  baht: "THB",
  rand: "ZAR",
  naira: "NGN",
  peso: null,
  real: "BRL",
  reais: "BRL",
  rouble: "RUB",
  ruble: "RUB",
  franc: null,
  krona: "SEK",
  kronor: "SEK",
  krone: null,
  kroner: null,
  dinar: null,
  dirham: null,
  riyal: null,
  ringgit: "MYR",
  shekel: "ILS",
  lira: "TRY",
  zloty: "PLN",
  forint: "HUF",
  koruna: "CZK",
  won: "KRW",
  shilling: null,
  cedi: "GHS",
  kwacha: null,
  birr: "ETB",
  cent: null,
};
// A country named before the word: "Australian dollars", "South Sudanese pounds", "Indian rupees".
const NATIONAL: Record<string, string> = {
  "us dollar": "USD",
  "u.s. dollar": "USD",
  "american dollar": "USD",
  "australian dollar": "AUD",
  "canadian dollar": "CAD",
  "hong kong dollar": "HKD",
  "new zealand dollar": "NZD",
  "singapore dollar": "SGD",
  "taiwan dollar": "TWD",
  "new taiwan dollar": "TWD",
  "taiwanese dollar": "TWD",
  "zimbabwe dollar": "ZWL",
  "zimbabwean dollar": "ZWL",
  "jamaican dollar": "JMD",
  "namibian dollar": "NAD",
  "egyptian pound": "EGP",
  "lebanese pound": "LBP",
  "syrian pound": "SYP",
  "sudanese pound": "SDG",
  "south sudanese pound": "SSP",
  "irish pound": "IEP",
  "cypriot pound": "CYP",
  "british pound": "GBP",
  "indian rupee": "INR",
  "pakistani rupee": "PKR",
  "sri lankan rupee": "LKR",
  "nepalese rupee": "NPR",
  "mexican peso": "MXN",
  "philippine peso": "PHP",
  "argentine peso": "ARS",
  "chilean peso": "CLP",
  "colombian peso": "COP",
  "swiss franc": "CHF",
  "danish krone": "DKK",
  "danish kroner": "DKK",
  "norwegian krone": "NOK",
  "norwegian kroner": "NOK",
  "swedish krona": "SEK",
  "swedish kronor": "SEK",
  "kenyan shilling": "KES",
  "ugandan shilling": "UGX",
  "tanzanian shilling": "TZS",
  "iraqi dinar": "IQD",
  "kuwaiti dinar": "KWD",
  "saudi riyal": "SAR",
  "qatari riyal": "QAR",
  "uae dirham": "AED",
  "moroccan dirham": "MAD",
  "south korean won": "KRW",
  "chinese yuan": "CNY",
  "japanese yen": "JPY",
  "south african rand": "ZAR",
  "nigerian naira": "NGN",
  "russian rouble": "RUB",
  "turkish lira": "TRY",
  "brazilian real": "BRL",
  "ghanaian cedi": "GHS",
  "zambian kwacha": "ZMW",
  "malawian kwacha": "MWK",
};
const PLURAL = /^(?:dollars|euros|pounds|rupees|pesos|roubles|rubles|francs|dinars|dirhams|riyals|shekels|shillings|cedis|cents|lire)$/;
const SINGULAR = (w: string) => (PLURAL.test(w) ? w.slice(0, -1) : w === "lire" ? "lira" : w);
// Words that are currencies only after a scale: "1.2 trillion won", "30 billion South Sudanese pound", "a 4bn-euro hole".
// ("80 euro each" is money too, but "70 euro cents" are cents.)
const NEEDS_SCALE = /^(?:won|real|pound|rupee|peso|rouble|ruble|franc|dinar|dirham|riyal|shekel|shilling|cedi|cent)$/;

const CURRENCY_WORD = new RegExp(
  String.raw`^(?:${Object.keys(WORDS).join("|")}|dollars|euros|pounds|rupees|pesos|roubles|rubles|francs|kronor|kroner|dinars|dirhams|riyals|shekels|shillings|cedis|cents|lire|reais)$`,
  "i",
);
const COUNTRY_WORD = /^(?:[A-Z][a-z]+|US|U\.S\.|UAE)$/;

/** The currency named after an amount, and how many characters it takes; null when none is. */
export function currencyAfter(rest: string, scaled: boolean): { unit: string; length: number } | null {
  const words = /^[\s-]?(U\.S\.|\p{L}+)(?:\s(U\.S\.|\p{L}+))?(?:\s(\p{L}+))?/u.exec(rest);
  if (!words) return null;
  // The currency is the first word, or follows one or two words of a country in capitals ("South Sudanese pounds").
  const at = [1, 2, 3].find((i) => words[i] && (CURRENCY_WORD.test(words[i]) || CODES.has(words[i])) && words.slice(1, i).every((w) => COUNTRY_WORD.test(w)));
  if (!at) return null;
  const word = words[at];
  const country = words.slice(1, at).join(" ");
  const length = rest.indexOf(word) + word.length;
  if (CODES.has(word)) return country ? null : { unit: CODE_ALIAS[word] ?? word, length };
  const w = word.toLowerCase();
  const one = SINGULAR(w);
  if (w === one && ((NEEDS_SCALE.test(one) && !scaled) || /^\s?cents?\b/.test(rest.slice(length)))) return null;
  if (one === "cent") return country ? null : { unit: "cents", length };
  // A currency several countries use keeps its plural name: "shillings", "rupees", "kroner".
  if (!country) return { unit: WORDS[one] ?? (one === "krone" ? "kroner" : w !== one || /(?:er|a)$/.test(w) ? w : `${one}s`), length };
  const national = NATIONAL[`${country.toLowerCase()} ${one}`] ?? NATIONAL[`${country.toLowerCase()} ${w}`];
  // A country this table does not know keeps its words ("Fijian dollars"), never the pound or dollar of another.
  return { unit: national ?? `${country} ${w}`.toLowerCase(), length };
}

/** True for a unit that is an amount of money. */
export function isMoney(unit: string): boolean {
  return /^[A-Z]{3}$/.test(unit) || /^(?:rupees|pesos|francs|dinars|dirhams|riyals|shillings|kroner|krone|kwacha|cents|\w+ (?:dollars|pounds))$/.test(unit);
}

const RATE = new RegExp(
  String.raw`^\s(?:per|to the|to one|to a|against the)\s((?:(?:[A-Z][a-z]+|U\.?S\.?)\s){0,2}(?:dollar|euro|pound|yen|yuan|rupee|rand|naira|franc|rouble|ruble|peso|won|real|shilling|cedi|lira))(?![\p{L}])`,
  "u",
);
// Currency words that are also common English words ("the real reason", "won", "per cent") name no currency here.
const QUOTED = new RegExp(
  String.raw`\b(${Object.keys(WORDS)
    .filter((w) => !/^(?:real|won|cent)$/.test(w))
    .join("|")})(?:e?s)?\b`,
  "gi",
);

/**
 * An exchange rate given as a bare number: "the yuan is pegged at 8.28 to the US dollar" is 8.28 yuan per US
 * dollar; the currency quoted is the last one the paragraph named before the number. Null when it names none.
 */
export function exchangeRate(before: string, rest: string): { unit: string; per: string; length: number } | null {
  const m = RATE.exec(rest);
  if (!m) return null;
  const per = m[1];
  let quoted: string | null = null;
  for (const q of before.matchAll(QUOTED)) quoted = q[1].toLowerCase();
  if (!quoted || quoted === per.split(" ").pop()!.toLowerCase() || quoted === "cent") return null;
  const one = SINGULAR(quoted);
  return { unit: WORDS[one] ?? `${one}s`, per, length: m[0].length };
}
