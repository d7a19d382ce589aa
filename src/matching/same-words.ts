/**
 * Words that catalogs and customers write differently for one thing, made one word on both
 * sides: materials and finishes (a "sinkitty" nut is the "Zn" one, a "haponkestävä" bolt the
 * "A4" one), colours, the trade's abbreviations ("valk", "maad", "pallov"), and the Swedish
 * and English names of parts whose Finnish name is one word. Folded spellings (ä as a, ö as o, å as a). No
 * library knows this vocabulary, so it lives here as data.
 */
const COLOURS: [string, string[]][] = [
  ['valkoinen', ['valk', 'valkoista', 'valkoisia', 'white', 'vit', 'vitt', 'vita']],
  ['musta', ['mustaa', 'mustia', 'black', 'svart', 'svarta']],
  ['sininen', ['sin', 'sinista', 'blue', 'bla']],
  ['ruskea', ['rusk', 'ruskeaa', 'brown', 'brun', 'bruna']],
  ['harmaa', ['harm', 'grey', 'gray', 'gra']],
  ['punainen', ['pun', 'punaista', 'red', 'rod', 'roda']],
  ['oranssi', ['orange']],
  ['hopea', ['hopeinen', 'silver', 'silvrig', 'silverfargad']],
  ['tiilenpunainen', ['tegelrod', 'tiilenpun']],
  ['keltavihrea', ['keltvihr', 'yellowgreen', 'gulgron', 'keltavihreaa']],
  ['keltainen', ['kelt', 'keltaista', 'yellow', 'gul', 'gula']],
  ['vihrea', ['vihr', 'vihreaa', 'green', 'gron', 'grona']],
  // Clear is a colour as a sealant or a tie is sold: a white one is not the clear one.
  ['lapikuultava', ['lapikuultavaa', 'lapinakyva', 'transparent', 'genomskinlig', 'genomskinligt']],
];

/** The colours, as one word each: a colour asked for that a product does not have is another product. */
export const COLOUR_WORDS: ReadonlySet<string> = new Set(COLOURS.map(([word]) => word));

const SAME_WORD: [string, string[]][] = [
  ...COLOURS,
  // Materials and finishes
  ['zn', ['sinkitty', 'sinkitetty', 'sinkityt', 'sinkittyja', 'sink', 'sahkosinkitty', 'forzinkad', 'forzinkade', 'forzinkat', 'elforzinkad', 'forsinket', 'elforsinket', 'zinc', 'zinkki', 'galvanised', 'galvanized', 'galv', 'fzb']],
  ['hdg', ['kuumasinkitty', 'kuumasinkitetty', 'kuumasinkityt', 'kuumasink', 'varmforzinkad', 'varmforzinkade', 'varmforzinkat', 'varmforz', 'varmforsinket', 'vfz', 'tzn']],
  ['a4', ['haponkestava', 'haponkestavaa', 'syrafast', 'syrafasta', 'acidproof']],
  ['rst', ['ruostumaton', 'ruostumattomasta', 'ruostumattomat', 'rostfri', 'rostfritt', 'rostfria', 'stainless', 'inox']],
  ['messinki', ['messinkia', 'messinkinen', 'massing', 'massings', 'brass']],
  ['cu', ['kupari', 'kuparia', 'kuparinen', 'kuparille', 'koppar', 'copper']],
  ['hf', ['halogeeniton', 'halogenfri', 'halogenfree']],
  ['itseliimautuva', ['itseliimautuvaa', 'itseliimautuvat', 'sjalvhaftande', 'selfadhesive']],
  // Abbreviations and the trade's synonyms
  ['maadoitettu', ['maad', 'maadoitettua', 'maadoitetut', 'jordat', 'jordad', 'jordade', 'earthed', 'grounded']],
  ['palloventtiili', ['pallov', 'palloventtiilit', 'palloventtiileita']],
  // Every expansion vessel sold today is a membrane one: "kalvopaisunta-astia" names no other product.
  ['paisunta', ['kalvopaisunta']],
  // The long word is the one kept: a typo in it ("pristus") is still found, as in no short one.
  ['puristus', ['press', 'pressi']],
  ['kuusiokoloruuvi', ['kuusiokolo', 'kuusiokoloa', 'kuusiokoloruuveja', 'kuusiokoloruuvia']],
  ['johdonsuojakatkaisija', ['johdonsuoja', 'johdonsuojat', 'johdonsuojia', 'johdonsuojakatkaisijat', 'dvargbrytare', 'automatsakring', 'mcb', 'mcbs']],
  ['vikavirtasuojakytkin', ['vikavirtasuoja', 'vikavirtasuojat', 'vikavirtakytkin', 'jordfelsbrytare', 'rccb', 'rccbs', 'rcd', 'rcds']],
  ['kytkin', ['kytkimet', 'kytkimia', 'strombrytare', 'switch', 'switches']],
  ['uppo', ['uppoasennus', 'infalld', 'infallt', 'flush']],
  ['pinta', ['utanpaliggande', 'surface']],
  ['kulma', ['elbow', 'elbows', 'boj', 'bojar', 'vinkel', 'kulmia', 'kulmat']],
  ['haara', ['tee', 'tees', 'haaroja', 'grenror']],
  ['muhvi', ['muhveja', 'muhvit', 'muff', 'muffar', 'coupling', 'couplings', 'socket']],
  ['nippa', ['nipple', 'nipples', 'nippel', 'nipplar', 'nippoja']],
  ['tulppa', ['plug', 'plugs', 'plugg', 'pluggar', 'tulppia']],
  ['kannake', ['kannakkeet', 'clamp', 'clamps', 'klammer', 'rorklammer', 'rorklamma']],
  ['putkikannake', ['putkikannakkeet', 'putkikannakkeita']],
  ['mutteri', ['mutterit', 'muttereita', 'mutter', 'muttrar', 'muttere', 'nut', 'nuts']],
  ['ruuvi', ['ruuvit', 'ruuveja', 'skruv', 'skruvar', 'screw', 'screws']],
  ['pultti', ['pultit', 'pultteja', 'bult', 'bultar', 'bolt', 'bolts']],
  ['letku', ['letkut', 'slang', 'slangar', 'hose', 'hoses']],
  ['pumppu', ['pump', 'pumps', 'pumpar']],
  ['suora', ['suoria', 'suorat', 'straight', 'rak', 'raka']],
  ['vipukahva', ['vipu', 'vipukahvalla', 'lever', 'spak', 'spakgrepp']],
  ['lammitys', ['lammitykseen', 'lammitykselle', 'lammityspuolelle', 'heating', 'varme']],
];

const FORMS = new Map(SAME_WORD.flatMap(([word, forms]) => forms.map((form) => [form, word] as const)));

/** Two-word names, met as a word and the next one. */
const PAIRS = new Map<string, string>([
  ['halogen free', 'hf'],
  ['hot dip', 'hdg'],
  ['hot dipped', 'hdg'],
  ['acid proof', 'a4'],
  ['self adhesive', 'itseliimautuva'],
  ['yellow green', 'keltavihrea'],
  ['kelt vihr', 'keltavihrea'],
  ['brick red', 'tiilenpunainen'],
]);
const PAIR_STARTS = new Set([...PAIRS.keys()].map((pair) => pair.split(' ')[0]!));
/** "not self-adhesive", "ei itseliimautuva", "utan spak": the word after is what is not wanted. */
const NEGATIONS = new Set(['not', 'non', 'without', 'ei', 'ilman', 'inte', 'ej', 'utan']);
/** "a4" is a size token like "M8" (the catalog's "A4-70" is read so), not a word. */
const SIZE_LIKE = new Set(['a4']);
const STAINLESS_GRADES = new Set(['a2', 'a4']);

/**
 * Words with their same words made one: word by word, as a product name is read a million
 * times when the index is built, and a rewrite of the whole text would cost each one a copy.
 */
export function withSameWords(words: string[], numbers: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i += 1) {
    if (NEGATIONS.has(words[i]!)) {
      i += PAIR_STARTS.has(words[i + 1] ?? '') && PAIRS.has(`${words[i + 1]} ${words[i + 2]}`) ? 2 : 1;
      continue;
    }
    const pair = PAIR_STARTS.has(words[i]!) && i + 1 < words.length ? PAIRS.get(`${words[i]} ${words[i + 1]}`) : undefined;
    const same = pair ?? FORMS.get(words[i]!);
    if (pair) i += 1;
    // "hot-dip galvanised" is one finish, not HDG and Zn.
    if (pair === 'hdg' && FORMS.get(words[i + 1] ?? '') === 'zn') i += 1;
    const word = same ?? words[i]!;
    (SIZE_LIKE.has(word) ? numbers : out).push(word);
  }
  // "RST A2" is the A2: the grade says it all, and a name that gives only the grade lacks no word.
  return numbers.some((n) => STAINLESS_GRADES.has(n)) ? out.filter((w) => w !== 'rst') : out;
}
