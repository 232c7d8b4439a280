// The nouns that tell what kind of speaker a description names: closed classes of English news writing, never
// names. "the cardinal", "the Everton defender" point back to a person; "the firm", "the former monopoly" to an
// organisation; "a spokesman for X" speaks for X; "X's lawyers", "a source close to X" speak about X but are
// not X; "analysts", "critics" are speakers the article does not name.
import { ROLE_WORDS } from "./names.ts";

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/** Someone who speaks for the body named beside them: "a BT spokesman", "a spokeswoman for the council". */
export const SPOKESPERSON = words("spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen representative");

/** Someone near a person or body who is not them: "his lawyer", "a source close to", "aides to". */
export const PROXY = words(`
  lawyer lawyers solicitor solicitors barrister barristers aide aides adviser advisers advisor advisors source sources
  friend friends ally allies insider insiders associate associates relative relatives family colleague colleagues
  supporter supporters critic critics rival rivals agent agents biographer daughter son wife husband mother father
  brother sister widow partner fans`);

/** People the article does not name, speaking as a group or anonymously: "analysts said", "one economist". */
export const UNNAMED = words(`
  analysts critics experts observers commentators campaigners officials economists opponents supporters residents
  witnesses people fans investors traders bankers dealers doctors scientists researchers protesters voters
  locals onlookers police teachers parents workers staff members users viewers listeners readers customers
  insiders sources observers`);

/** Nouns for an organisation: "the company", "the former monopoly", "the mining group". */
export const ORGANISATION = words(`
  company firm group bank government party ministry department agency union council club organisation organization
  association body regulator watchdog committee board institute institution centre center charity airline carrier
  retailer chain operator maker manufacturer producer supermarket insurer lender broadcaster network monopoly
  conglomerate corporation giant business team side federation league authority commission administration
  trust foundation alliance coalition campaign consortium exchange utility provider supplier publisher studio
  label newspaper paper magazine channel station service
`);

/** Nouns for a person: roles, trades, ranks, sports positions, family words ("the veteran midfielder"). */
export const PERSON = new Set([
  ...ROLE_WORDS,
  ...words(`
  man woman boy girl teenager youngster veteran star singer actor actress rapper musician artist writer author
  novelist poet comedian presenter host broadcaster journalist reporter correspondent producer designer architect dancer model
  player defender midfielder striker forward winger goalkeeper keeper captain skipper coach manager boss chief
  champion winner runner-up sprinter runner athlete swimmer cyclist rider driver boxer golfer batsman bowler
  all-rounder fly-half scrum-half full-back flanker pitcher quarterback
  bishop archbishop cardinal pope priest vicar rabbi imam cleric monk nun pastor chaplain
  colonel major general commander admiral lieutenant sergeant soldier officer detective inspector constable
  sheriff marshal pilot doctor surgeon nurse teacher headteacher headmaster headmistress pupil student academic
  scholar historian scientist researcher judge magistrate barrister prosecutor juror peer mp mep senator
  congressman congresswoman candidate politician campaigner activist protester victim survivor witness resident
  businessman businesswoman entrepreneur tycoon billionaire millionaire investor banker trader broker founder
  owner tenant farmer worker miner fan member mother father son daughter wife husband widow widower grandmother
  grandfather brother sister mum dad chairman chairwoman chair president premier chancellor monarch king queen
  prince princess duke duchess organiser organizer advocate negotiator mediator volunteer diplomat consultant
  lecturer specialist engineer photographer filmmaker film-maker commentator pundit critic paramedic firefighter
  lawmaker legislator councillor councilor`),
]);

/** "the 30-year-old", "the 24-year-old Briton": an age used as a description of a person. */
export const isAgeNoun = (w: string): boolean => /^\d+-year-old$|^(?:[a-z]+-)+year-old$/.test(w);

/** The gender a person noun carries, for pronouns: "the actress" is a woman. */
export function nounGender(w: string): "m" | "f" | null {
  if (/(?:woman|women|ess|wife|mother|daughter|sister|girl|queen|princess|duchess|widow|nun|grandmother|mum|chairwoman|spokeswoman)$/.test(w)) return "f";
  if (/(?:^man|[^o]man|men|husband|father|son|brother|boy|king|prince|duke|widower|monk|grandfather|dad|chairman|spokesman|businessman)$/.test(w)) return "m";
  return null;
}
