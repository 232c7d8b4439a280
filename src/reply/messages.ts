// Every message the bot says about the user's input, its own state or its buttons, in one place, so wording
// stays the same across the terminal, Slack and Discord, and tests can import the exact text.
import { longDate, monthName, type PeriodError } from "../search/period.ts";

export const Messages = {
  unknownCommand: (name: string) => `There is no /${name} command. Try /help for the list.`,
  queryTooLong: (max: number) => `That query is too long: ask in at most ${max} characters (a name, a topic or a few words).`,
  emptyQuery: (command: string) => `/${command} needs something to look for.`,
  nothingFor: (what: string) => `Nothing for “${what}”.`,
  didYouMean: "Did you mean:",
  noQuotesBy: (name: string) => `No quotes by ${name} in the archive; here are quotes that mention them.`,
  speakerUnsure: "speaker unsure",
  internalError: "Something went wrong on our side while answering; it has been logged. Please try again.",
  noSearchableWords: "That query has no words to search for: try a name, a topic or a few words.",
  /** "12 results"; "50+ results" when the command read as many as it reads at most. */
  resultCount: (paging: { total: number; capped?: boolean }) =>
    `${paging.total}${paging.capped ? "+" : ""} result${paging.total === 1 && !paging.capped ? "" : "s"}`,
  /** "Page 2 of 5". */
  page: (paging: { page: number; pages: number }) => `Page ${paging.page} of ${paging.pages}`,
  emptyArchive: "The archive has no articles yet: add files to the articles folder (see /help).",

  // Notes on how a query was read.
  alsoSearchedFor: (corrections: { typed: string; used: string }[]) =>
    `Also searched for ${corrections.map((c) => `“${c.used}” (you typed “${c.typed}”)`).join(", ")}.`,
  closestName: (who: string, query: string) => `Showing results for ${who} (closest name to “${query}”).`,
  closestNameTo: (query: string) => `Showing the closest name to “${query}”.`,
  manyPeople: (query: string, count: number, shown: number, names: string[]) =>
    `“${query}” could be any of ${count} people: showing the ${shown} most written about (${names.join(", ")}). Ask with the full name to narrow it.`,
  somePeople: (query: string, names: string[]) => `“${query}” could be ${names.join(", ")}: showing all. Ask with the full name to narrow it.`,
  anyOfPeople: (query: string, count: number) => `“${query}” could be any of ${count} people.`,
  noQuotesByOrAbout: (who: string, when = "") => `No quotes by or about ${who} in the archive${when}.`,
  nothingByOrAboutOn: (who: string, topic: string, when = "") => `Nothing by or about ${who} on “${topic}” in the archive${when}.`,
  someWordsFigures: (query: string) => `No figure matches every word of “${query}”; these match some of them.`,
  someWordsArticles: (query: string) => `No article has every word of “${query}”; these have some of them.`,
  nothingToCheck: 'I found no quotation (in “curly” or "straight" marks) and no figure (money, a percentage, a count) to check in that text.',
  notAPeriod: (query: string) => `“${query}” is not a period: give 24h, 3d, 2w or a date such as 2026-03-01.`,
  nothingNew: (period: string) => `Nothing new in the archive ${period}.`,

  // Periods ("since march") and a person on a topic ("sturgeon on PIP").
  periodUnreadable: (phrase: string) => `I cannot read a date in “${phrase}”: try since march, since 2016-03-01, until 18 March 2016, last 30 days or in 2005.`,
  periodInFuture: (phrase: string) => `“${phrase}” starts in the future: nothing in the archive can be from then.`,
  periodBackwards: (phrase: string) => `“${phrase}” ends before it starts: put the earlier date first.`,
  /** The one-line message for a period that cannot be used. */
  period: (e: PeriodError): string =>
    e.kind === "unreadable"
      ? Messages.periodUnreadable(e.phrase)
      : e.kind === "future"
        ? Messages.periodInFuture(e.phrase)
        : Messages.periodBackwards(e.phrase),
  periodOnly: (command: string) => `/${command} needs something to look for before the period: /${command} sturgeon since march.`,
  emptyTopic: (command: string, person: string) => `On what? Add a topic after “on”: /${command} ${person} on PIP.`,
  nobodyNamed: (name: string) => `No one called “${name}” in the archive.`,
  /** Above what a person said on a topic: how many quotes have it in their words, and how many come from articles about it. */
  saidOnSummary: (who: string, topic: string, own: number, inArticles: number) =>
    [
      own
        ? `${own} quote${own === 1 ? "" : "s"} with “${topic}” in ${who}’s words or the sentence around them`
        : `None of ${who}’s quotes has “${topic}” in their words or the sentence around them`,
      inArticles ? `${own ? "then " : ""}${inArticles} from articles about it` : "",
    ]
      .filter(Boolean)
      .join(", ") + ".",
  nothingSaidOn: (who: string, topic: string) => `${who} said nothing on “${topic}” in the archive; here are quotes on it that mention them.`,
  /** Under a person in /who: "Most quoted on: PIP (4 quotes), housing benefit (2 quotes)." */
  mostQuotedOn: (topics: { text: string; quotes: number }[]) =>
    `Most quoted on: ${topics.map((t) => `${t.text} (${t.quotes} quote${t.quotes === 1 ? "" : "s"})`).join(", ")}.`,
  nothingOnTopic: (who: string, topic: string, when = "") => `No quotes by ${who} on “${topic}” in the archive${when}.`,
  nothingBy: (who: string, when = "") => `No quotes by ${who} in the archive${when}.`,
  timelineTitle: (who: string, topic: string | null, when: string) => `${topic ? `${who} on “${topic}”` : who}, month by month${when}`,
  /** Above a timeline: "12 quotes in 5 months, the first in January 2016." */
  timelineSummary: (quotes: number, months: number, first: string) =>
    `${quotes} quote${quotes === 1 ? "" : "s"} in ${months} month${months === 1 ? "" : "s"}, the first in ${monthName(first)}; each month with its most telling quote.`,
  /** A month of a timeline, above its most telling quote: "March 2016 · 4 quotes". */
  timelineMonth: (month: string, quotes: number) => `${monthName(month)} · ${quotes} quote${quotes === 1 ? "" : "s"}`,
  /** Under a figure that other sources give differently: "£4.4bn (Institute for Fiscal Studies) · £1.3bn (Department for Work and Pensions): sources disagree". */
  sourcesDisagree: (values: { text: string; claimedBy: string | null }[]) =>
    `${values.map((v) => (v.claimedBy ? `${v.text} (${v.claimedBy})` : v.text)).join(" · ")}: sources disagree`,
  /** Said where a period or a timeline placed an article with no date. */
  undated: "Articles without a date (plain text files) count from the day they were added to the archive.",
  /** "in 4 articles, first reported 18 March 2016 in", before the first article (linked by each renderer). */
  firstReported: (articles: number, date: string | null) => `in ${articles} articles, first reported ${date ? `${longDate(date)} ` : ""}in`,
  /** Before the other articles that have the quotation. */
  alsoIn: "also in",
  partOf: "part of a longer quotation",
  quotedInPart: "quoted in part",

  // Chat: what an adapter says while, or instead of, answering.
  working: "Looking in the archive…",
  failed: "Sorry, that did not work: something went wrong on our side and it has been logged. Please try again.",
  /** A button whose answer can no longer be redone (its long query was forgotten). */
  answerExpired: "This answer has expired: ask again.",
  /** A button value that is not ours, or no longer readable. */
  buttonExpired: "This button has expired: ask again.",
  unknownButton: "This button is no longer in use: ask again.",
  unknownInteraction: "newsbot does not know that one. Try /help.",
  sharedBy: (userId: string) => `Shared by <@${userId}>`,
  /** Slack: results left out of a message, which its More button shows. */
  notShown: (n: number) => `${n} more result${n === 1 ? "" : "s"} not shown here: press More or narrow the question.`,
  /** Discord: results left out of an embed, counted in its footer. */
  notShownShort: (n: number, paged: boolean) => `${n} more not shown${paged ? "" : " — narrow the query"}`,
  /** After a quotation cut to fit a message (Slack, where it links to the article). */
  quoteContinues: "… (quote continues in the article)",
  /** After a quotation cut to fit an embed field (Discord). */
  continues: "… (continues in the article)",
  buttons: { share: "Share", shareInChannel: "Share in channel", more: "More", previous: "Previous", next: "Next" },

  // The terminal chat.
  nextPage: "type /more for the next page",
  nothingMore: "Nothing more to show.",
  /** The terminal's greeting: what is in the archive, and a first command of each kind to try. */
  welcome: (stats: { articles: number; quotes: number; figures: number }, folder: string, examples: string[]) =>
    `newsbot — ${stats.articles} articles, ${stats.quotes} quotes, ${stats.figures} figures from ${folder}\n` +
    `Try ${examples.join(", ")} or /help. /quit to leave.`,
} as const;
