// Every message the bot says about the user's input, its own state or its buttons, in one place, so wording
// stays the same across the terminal, Slack and Discord, and tests can import the exact text.
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
  resultCount: (paging: { total: number; capped?: boolean }) => `${paging.total}${paging.capped ? "+" : ""} result${paging.total === 1 && !paging.capped ? "" : "s"}`,
  /** "Page 2 of 5". */
  page: (paging: { page: number; pages: number }) => `Page ${paging.page} of ${paging.pages}`,
  emptyArchive: "The archive has no articles yet: add files to the articles folder (see /help).",

  // Notes on how a query was read.
  alsoSearchedFor: (corrections: { typed: string; used: string }[]) => `Also searched for ${corrections.map((c) => `“${c.used}” (you typed “${c.typed}”)`).join(", ")}.`,
  closestName: (who: string, query: string) => `Showing results for ${who} (closest name to “${query}”).`,
  closestNameTo: (query: string) => `Showing the closest name to “${query}”.`,
  manyPeople: (query: string, count: number, shown: number, names: string[]) =>
    `“${query}” could be any of ${count} people: showing the ${shown} most written about (${names.join(", ")}). Ask with the full name to narrow it.`,
  somePeople: (query: string, names: string[]) => `“${query}” could be ${names.join(", ")}: showing all. Ask with the full name to narrow it.`,
  anyOfPeople: (query: string, count: number) => `“${query}” could be any of ${count} people.`,
  noQuotesByOrAbout: (who: string) => `No quotes by or about ${who} in the archive.`,
  someWordsFigures: (query: string) => `No figure matches every word of “${query}”; these match some of them.`,
  someWordsArticles: (query: string) => `No article has every word of “${query}”; these have some of them.`,
  nothingToCheck: "I found no quotation (in “curly” or \"straight\" marks) and no figure (money, a percentage, a count) to check in that text.",
  notAPeriod: (query: string) => `“${query}” is not a period: give 24h, 3d, 2w or a date such as 2026-03-01.`,
  nothingNew: (period: string) => `Nothing new in the archive ${period}.`,

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
