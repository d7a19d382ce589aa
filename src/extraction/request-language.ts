import type { DocumentLanguage } from '../answer/document-language.js';

/**
 * The words that give a request's language away: the short ones every sentence has, and the
 * trade's greetings, asks and sign-offs. A request is mostly product codes and sizes, which say
 * nothing; these few words are what is left to go by. Hand-written rather than a language
 * detection library: those guess among a hundred languages from character statistics, which
 * a list of "Cu-putki 15x1 10 kpl" lines defeats; we choose among three.
 */
const WORDS: Record<DocumentLanguage, readonly string[]> = {
  fi: ['ja', 'on', 'ei', 'että', 'tai', 'kpl', 'hinta', 'hintaa', 'tarjous', 'tarjousta', 'tarjouspyyntö', 'pyydämme', 'pyytäisin', 'kiitos', 'terveisin', 'ystävällisin', 'hei', 'moi', 'voisitteko', 'olisi', 'meille', 'kanssa', 'myös', 'mutta', 'tämä', 'nämä', 'toimitus', 'toimitusaika', 'seuraavat', 'seuraavista', 'tarvitsemme', 'työmaalle', 'kiitoksia'],
  sv: ['och', 'är', 'att', 'det', 'för', 'med', 'till', 'vi', 'ni', 'på', 'av', 'som', 'inte', 'offert', 'offerten', 'hej', 'tack', 'hälsningar', 'vänliga', 'skulle', 'kunna', 'följande', 'leverans', 'leveranstid', 'önskar', 'st', 'pris', 'behöver', 'bygget'],
  en: ['the', 'and', 'to', 'of', 'for', 'we', 'you', 'please', 'quote', 'quotation', 'would', 'could', 'regards', 'thanks', 'thank', 'hi', 'hello', 'following', 'kind', 'need', 'is', 'are', 'with', 'our', 'your', 'delivery', 'price', 'pcs'],
};

const LANGUAGE_OF = new Map<string, DocumentLanguage[]>();
for (const [language, words] of Object.entries(WORDS) as [DocumentLanguage, readonly string[]][]) {
  for (const word of words) LANGUAGE_OF.set(word, [...(LANGUAGE_OF.get(word) ?? []), language]);
}

/** Fewer telling words than this, or a tie, and the language is not known. */
const MIN_WORDS = 2;

/** The language a request is written in, among Finnish, Swedish and English; null when its words do not tell. */
export function requestLanguage(text: string): DocumentLanguage | null {
  const counts: Record<DocumentLanguage, number> = { fi: 0, sv: 0, en: 0 };
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    for (const language of LANGUAGE_OF.get(word) ?? []) counts[language] += 1;
  }
  const [best, second] = (Object.entries(counts) as [DocumentLanguage, number][]).sort((a, b) => b[1] - a[1]);
  if (best![1] < MIN_WORDS || best![1] === second![1]) return null;
  return best![0];
}
