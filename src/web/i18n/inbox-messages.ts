import type { WorkspaceLanguage } from '../../accounts/user.js';
import type { Problem } from '../../workflow/run-view.js';

type Counted = (count: number) => string;

/** "1 line …" or "3 lines …": the count's own noun in each language. */
const lines = (one: string, many: string, tail: string): Counted => (n) => (n === 1 ? `1 ${one} ${tail}` : `${n} ${many} ${tail}`);

/** The inbox's texts: a table of their own, joined into each language's messages. */
const en = {
  inboxTitle: 'Inbox',
  filters: 'Filters',
  onlyMine: 'Only mine',
  status: 'Status',
  anyStatus: 'Any status',
  anyCustomer: 'Any customer',
  mailbox: 'Mailbox',
  anyMailbox: 'Any mailbox',
  receivedFrom: 'Received from',
  receivedTo: 'Received until',
  searchInbox: 'Search subject, sender, customer',
  applyFilters: 'Show',
  clearFilters: 'Clear',
  toCheck: 'To check',
  noneMine: 'Your account is not linked to a salesperson in the ERP, so no request is yours. Ask an admin to check your email address.',
  noRuns: 'No requests match.',
  runCount: (total: number) => (total === 1 ? '1 request' : `${total} requests`),
  pages: 'Pages',
  previousPage: 'Previous',
  nextPage: 'Next',
  pageOf: (page: number, pages: number) => `Page ${page} of ${pages}`,
  reasonSeeNotes: 'see what processing noted',
  reasons: {
    no_product: lines('line', 'lines', 'without a product'),
    unsure_product: lines('product', 'products', 'to check'),
    no_quantity: lines('line', 'lines', 'without a quantity'),
    unsure_quantity: lines('quantity', 'quantities', 'to check'),
    not_priced: lines('line', 'lines', 'without a price'),
    no_customer: () => 'customer unknown',
    no_salesperson: () => 'no salesperson',
    not_an_rfq: () => 'not a request',
    failed: () => 'processing failed',
    no_lines: () => 'no lines read',
  } satisfies Record<Problem, Counted>,
};

export type InboxMessages = typeof en;

const fi: InboxMessages = {
  inboxTitle: 'Saapuneet',
  filters: 'Rajaus',
  onlyMine: 'Vain omat',
  status: 'Tila',
  anyStatus: 'Kaikki tilat',
  anyCustomer: 'Kaikki asiakkaat',
  mailbox: 'Postilaatikko',
  anyMailbox: 'Kaikki postilaatikot',
  receivedFrom: 'Saapunut alkaen',
  receivedTo: 'Saapunut viimeistään',
  searchInbox: 'Hae aiheesta, lähettäjästä, asiakkaasta',
  applyFilters: 'Näytä',
  clearFilters: 'Tyhjennä',
  toCheck: 'Tarkistettavaa',
  noneMine: 'Tunnustasi ei ole liitetty toiminnanohjauksen myyjään, joten mikään pyyntö ei ole sinun. Pyydä ylläpitäjää tarkistamaan sähköpostiosoitteesi.',
  noRuns: 'Ei pyyntöjä näillä ehdoilla.',
  runCount: (total) => (total === 1 ? '1 pyyntö' : `${total} pyyntöä`),
  pages: 'Sivut',
  previousPage: 'Edellinen',
  nextPage: 'Seuraava',
  pageOf: (page, pages) => `Sivu ${page} / ${pages}`,
  reasonSeeNotes: 'katso käsittelyn huomiot',
  reasons: {
    no_product: lines('rivi', 'riviä', 'ilman tuotetta'),
    unsure_product: lines('tuote', 'tuotetta', 'tarkistettava'),
    no_quantity: lines('rivi', 'riviä', 'ilman määrää'),
    unsure_quantity: lines('määrä', 'määrää', 'tarkistettava'),
    not_priced: lines('rivi', 'riviä', 'ilman hintaa'),
    no_customer: () => 'asiakas tuntematon',
    no_salesperson: () => 'ei myyjää',
    not_an_rfq: () => 'ei pyyntö',
    failed: () => 'käsittely epäonnistui',
    no_lines: () => 'rivejä ei luettu',
  },
};

const sv: InboxMessages = {
  inboxTitle: 'Inkorg',
  filters: 'Filter',
  onlyMine: 'Bara mina',
  status: 'Status',
  anyStatus: 'Alla statusar',
  anyCustomer: 'Alla kunder',
  mailbox: 'Brevlåda',
  anyMailbox: 'Alla brevlådor',
  receivedFrom: 'Mottagen från',
  receivedTo: 'Mottagen till och med',
  searchInbox: 'Sök i ämne, avsändare, kund',
  applyFilters: 'Visa',
  clearFilters: 'Rensa',
  toCheck: 'Att kontrollera',
  noneMine: 'Ditt konto är inte kopplat till en säljare i affärssystemet, så ingen förfrågan är din. Be en administratör kontrollera din e-postadress.',
  noRuns: 'Inga förfrågningar matchar.',
  runCount: (total) => (total === 1 ? '1 förfrågan' : `${total} förfrågningar`),
  pages: 'Sidor',
  previousPage: 'Föregående',
  nextPage: 'Nästa',
  pageOf: (page, pages) => `Sida ${page} av ${pages}`,
  reasonSeeNotes: 'se vad behandlingen noterade',
  reasons: {
    no_product: lines('rad', 'rader', 'utan produkt'),
    unsure_product: lines('produkt', 'produkter', 'att kontrollera'),
    no_quantity: lines('rad', 'rader', 'utan antal'),
    unsure_quantity: lines('antal', 'antal', 'att kontrollera'),
    not_priced: lines('rad', 'rader', 'utan pris'),
    no_customer: () => 'okänd kund',
    no_salesperson: () => 'ingen säljare',
    not_an_rfq: () => 'ingen förfrågan',
    failed: () => 'behandlingen misslyckades',
    no_lines: () => 'inga rader lästa',
  },
};

export const INBOX_MESSAGES: Record<WorkspaceLanguage, InboxMessages> = { en, fi, sv };
