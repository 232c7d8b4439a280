// Every message the bot says about the user's input or its own state, in one place, so wording stays
// consistent across platforms and tests can import the exact text.
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
  emptyArchive: "The archive has no articles yet: add files to the articles folder (see /help).",
} as const;
