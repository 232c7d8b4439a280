// Word lists the name finder leans on: titles, words that open sentences but are not names, words that
// make a capitalised phrase an organisation, and common given names (a person's first word). General
// English news vocabulary, not names taken from any article.

export const TITLES: Record<string, "m" | "f" | null> = {
  mr: "m",
  mrs: "f",
  ms: "f",
  miss: "f",
  sir: "m",
  lord: "m",
  lady: "f",
  dame: "f",
  dr: null,
  prof: null,
  professor: null,
  rev: null,
  reverend: null,
  baroness: "f",
  baron: "m",
  judge: null,
  justice: null,
  president: null,
  senator: null,
  governor: null,
  general: null,
  captain: null,
  commissioner: null,
  // Abbreviated titles of US, Indian, Australian and other house styles ("Sen. Mitch Hale", "Rep. Ana Ruiz").
  sen: null,
  rep: null,
  gov: null,
  gen: null,
  col: null,
  lt: null,
  sgt: null,
  capt: null,
  cmdr: null,
  adm: null,
  maj: null,
  supt: null,
  insp: null,
  det: null,
  pres: null,
  hon: null,
  fr: "m",
  // Honorifics of other languages that stand before a name as "Mr" does.
  alhaji: "m",
  alhaja: "f",
  mallam: "m",
  shri: "m",
  smt: "f",
  shrimati: "f",
  kumari: "f",
  sheikh: "m",
  herr: "m",
  frau: "f",
  monsieur: "m",
  madame: "f",
  mme: "f",
  senor: "m",
  señor: "m",
  senora: "f",
  señora: "f",
  datuk: null,
  dato: null,
  pastor: null,
  imam: "m",
  ustaz: "m",
};

/** Capitalised words that open sentences or headings and are never part of a name. */
export const NOT_NAME = new Set(
  (
    "a an the this that these those there here then than and but or nor so yet for if when while where whereas after before since " +
    "as at by in on of to from with without within into onto over under about above below between among through during despite " +
    "he she it they we i you his her its their our my your him them us me who whom whose which what why how " +
    "all any both each every few many most much more less some no not none one two three four five six seven eight nine ten " +
    "also already although because even however indeed instead meanwhile moreover nevertheless now only still thus " +
    "yesterday today tomorrow tonight last next earlier later first second third finally " +
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september " +
    "october november december mon tue wed thu fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec " +
    "according asked speaking writing said says told added other another such other's it's there's that's we're i'm " +
    "do does did has have had is are was were be been being will would can could should shall might must " +
    "let just like well yes mps mp bbc"
  ).split(" "),
);

/** A phrase with one of these words is an organisation, not a person. */
export const ORG_WORDS = new Set(
  (
    "alliance coalition confederation institute institution bank banks group council party ministry department office association union commission corporation " +
    "corp company co inc ltd plc llc university college school agency authority committee federation trust fund service services " +
    "society foundation organisation organization board court club league fc united city government parliament assembly " +
    "executive alliance fellowship network centre center partnership securities capital holdings industries motors airlines " +
    "airways stores networks studios records pictures entertainment communications systems technologies software labs laboratories media news press times post guardian telegraph herald " +
    "tories conservatives labour democrats republicans police army navy force forces treasury cabinet commons lords " +
    "congress senate reserve exchange market markets index forum council's oecd"
  ).split(" "),
);

/** Role words: "Chancellor Gordon Brown", "the prime minister", "Fiat chief executive". */
export const ROLE_WORDS = new Set(
  (
    "chancellor minister secretary president prime premier leader chairman chairwoman chair chief executive director " +
    "spokesman spokeswoman spokesperson mp mep senator governor mayor ambassador commissioner economist analyst " +
    "manager coach captain editor founder head boss professor lawyer judge officer official officials psychologist " +
    "general shadow deputy vice first foreign home health defence education culture sports trade industry justice " +
    "attorney chief-executive owner partner strategist researcher scientist expert campaigner activist adviser advisor " +
    "envoy representative spokesperson counsel prosecutor inspector superintendent constable king queen prince princess " +
    "cardinal archbishop bishop rabbi imam sheikh pope colonel lieutenant sergeant admiral commander detective sheriff " +
    "ceo cfo coo cto md cm pm mla mlas dj correspondent presenter columnist"
  ).split(" "),
);

/**
 * The words of a post's portfolio after "of" or "for": "Minister for Lands and Natural Resources", "Secretary of State
 * for Foreign Affairs", "Director of Public Prosecutions". A closed class of administrative nouns; the name of the
 * post's holder starts at the first word that is not one of them ("… Natural Resources Kweku Asoma Kyeremeh").
 */
export const PORTFOLIO_WORDS = new Set(
  (
    "state foreign affairs home internal interior justice defence defense finance economy economic planning development " +
    "trade industry commerce investment health education higher basic environment climate change energy power petroleum " +
    "oil gas mines mining minerals lands land natural resources water sanitation works housing transport transportation " +
    "roads highways aviation railways communications information culture arts tourism sport sports youth women gender " +
    "children family social welfare protection labour labor employment work pensions agriculture food fisheries forestry " +
    "rural urban local government regional integration international cooperation relations public service services " +
    "security national homeland science technology innovation digital budget treasury revenue customs immigration " +
    "citizenship veterans policing prisons corrections constitutional legal parliamentary cabinet europe european " +
    "external religious indigenous equality equalities disability small business enterprise skills training " +
    "universities schools communities community heritage media broadcasting telecommunications infrastructure human " +
    "rights consumer competition fiscal monetary policy financial prosecutions research operations strategy marketing " +
    "sales affairs administration humanitarian relief disaster management emergency safety crime police the and & of for"
  ).split(" "),
);

/** A small list of common given names (English and European), to tell "Hugh Richards" from "New York". */
export const GIVEN_NAMES = new Set(
  (
    "aaron adam adrian alan alastair albert alex alexander alexandra alfred ali alice alison alistair amanda amy andrea andrew andy angela " +
    "ann anna anne annie anthony antony antonio arnold arthur barbara barry ben benjamin bernard bill billy bob brian bruce carl carlos carol " +
    "caroline catherine charles charlie charlotte chris christian christine christopher claire clare colin craig daniel danny dave david " +
    "dean deborah denis dennis derek diana diane dominic donald doug douglas duncan ed eddie edward elizabeth emily emma eric frank " +
    "fred frederick gary gavin geoff geoffrey george gerald gerard gillian glenn gordon graham greg gregory hannah harold harriet harry " +
    "helen henry hilary hugh iain ian jack jackie jacques james jamie jan jane janet jason jean jeff jeremy jessica jim jimmy joan joe " +
    "john johnny jon jonathan jose joseph josh julia julian julie justin karen kate katherine kathryn keith kelly ken kenneth kevin kim " +
    "kirsty larry laura lawrence lee lewis linda lisa liz louise lucy luke malcolm marc marcus margaret maria mark martin mary matt " +
    "matthew maurice michael michelle mike miles nancy natalie neil nicholas nick nicola nigel norman oliver owen pamela pat patricia " +
    "patrick paul paula pauline peter phil philip philippe pierre rachel ralph ray raymond rebecca richard rick rob robert robin roger " +
    "ron ronald rose ross roy ruth ryan sally sam samuel sandra sarah scott sean sebastian sergio sharon simon sophie stephen steve " +
    "steven stuart sue susan tim timothy tom tony tracey trevor valerie vincent walter wayne william yvette zoe alain angela " +
    "gerhard silvio vladimir jacques nicolas francois françois hans klaus wolfgang juan carlos luis miguel giovanni giuseppe marco " +
    "ulrich dieter jurgen jürgen helmut hillary barack donald theresa boris jeremy ed nick vince harriet ken liam sadiq nicola alex"
  ).split(" "),
);

export const FEMALE_NAMES = new Set(
  (
    "alexandra alice alison amanda amy andrea angela ann anna anne annie barbara carol caroline catherine charlotte christine claire clare " +
    "deborah diana diane elizabeth emily emma gillian hannah harriet helen hilary jackie jane janet jessica joan julia julie karen " +
    "kate katherine kathryn kelly kirsty laura linda lisa liz louise lucy margaret maria mary michelle nancy natalie nicola pamela " +
    "patricia paula pauline rachel rebecca rose ruth sally sandra sarah sharon sophie sue susan tracey valerie yvette zoe theresa hillary"
  ).split(" "),
);

/** A capitalised phrase ending in one of these is a law, an event, a prize or a place, never a speaker. */
export const THING_WORDS = new Set(
  (
    "act acts bill bills law laws treaty treaties charter directive regulation olympics olympic games cup championship " +
    "championships marathon grand prix open trophy prize prizes award awards festival show series street road avenue square " +
    "bridge station airport hospital day week year christmas easter budget budgets report code strategy plan programme " +
    "program war wars election elections summit conference temple cathedral shrine gurdwara"
  ).split(" "),
);

/** Places: a run made of these names a country or city, which may speak as a state but never as a person. */
export const PLACE_WORDS = new Set(
  (
    "britain england scotland wales ireland europe america africa asia australia canada china japan india russia france " +
    "germany italy spain iraq iran israel london paris washington brussels berlin moscow beijing tokyo edinburgh glasgow " +
    "cardiff belfast york manchester birmingham liverpool athens rome madrid dublin"
  ).split(" "),
);

/**
 * Nationalities, as adjectives and as nouns for a person: "Russian Elena Dementieva", "Spaniard Rafael Nadal". In
 * front of a name they describe the person and are not part of the name (in front of a body's name they are:
 * "British Airways", "Welsh Assembly Government"). A closed class: one or two words per country.
 */
export const NATIONALITIES = new Set(
  (
    "afghan albanian algerian american andorran angolan argentine argentinian armenian australian austrian azerbaijani " +
    "bahraini bangladeshi barbadian belarusian belgian belizean beninese bhutanese bolivian bosnian botswanan brazilian " +
    "british briton bruneian bulgarian burkinabe burmese burundian cambodian cameroonian canadian chadian chilean chinese " +
    "colombian congolese croat croatian cuban cypriot czech dane danish djiboutian dominican dutch dutchman dutchwoman " +
    "ecuadorean ecuadorian egyptian emirati english englishman englishwoman eritrean estonian ethiopian fijian filipino " +
    "finn finnish french frenchman frenchwoman gabonese gambian georgian german ghanaian greek grenadian guatemalan guinean " +
    "guyanese haitian honduran hungarian icelandic icelander indian indonesian iranian iraqi irish irishman irishwoman " +
    "israeli italian ivorian jamaican japanese jordanian kazakh kenyan korean kosovan kuwaiti kyrgyz laotian latvian " +
    "lebanese liberian libyan lithuanian luxembourger macedonian malagasy malawian malaysian maldivian malian maltese " +
    "mauritanian mauritian mexican moldovan monegasque mongolian montenegrin moroccan mozambican namibian nepalese nepali " +
    "nicaraguan nigerian nigerien norwegian omani pakistani palestinian panamanian paraguayan peruvian pole polish " +
    "portuguese qatari romanian russian rwandan salvadorean samoan saudi scot scots scottish senegalese serb serbian " +
    "singaporean slovak slovakian slovenian slovene somali spaniard spanish sudanese surinamese swazi swede swedish swiss " +
    "syrian taiwanese tajik tanzanian thai togolese tongan trinidadian tunisian turk turkish turkmen ugandan ukrainian " +
    "uruguayan uzbek venezuelan vietnamese welsh welshman welshwoman yemeni zambian zimbabwean kiwi aussie " +
    "south-african new-zealander sri-lankan northern-irish costa-rican puerto-rican sierra-leonean saudi-arabian " +
    "south-korean north-korean east-timorese south-sudanese new-yorker londoner"
  )
    .split(" ")
    .map((w) => w.replace("-", " ")),
);

/** The titles of peers, who may be named with a territorial designation: "Lord Nicholls of Birkenhead". */
export const PEER_TITLES = ["Lord", "Lady", "Baroness", "Baron", "Viscount", "Earl"];
const PEER = PEER_TITLES.join("|");
/** A peer's title straight before a name. */
export const PEER_BEFORE = new RegExp(`\\b(?:${PEER})\\s+$`);
/** A peer's title, name and "of" straight before a designation. */
export const PEER_DESIGNATION = new RegExp(`\\b(?:${PEER}) \\p{Lu}[\\p{L}'’-]+ of\\s+$`, "u");
