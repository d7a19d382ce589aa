/**
 * The trade words English- and Swedish-writing customers use for what a Finnish wholesaler's
 * catalog names in Finnish. Requests are translated to catalog words before they are
 * searched; no library knows this vocabulary, so it lives here as data.
 */
const VOCABULARY: [string, string][] = [
  // Fasteners
  ['hex(?:agon)?(?: head)? bolts?|sexkant(?:s)?skruv(?:ar)?', 'kuusioruuvi'],
  ['hex(?:agon)? nuts?|sexkantmutt(?:er|rar)', 'kuusiomutteri'],
  ['(?:nyloc|lock) nuts?|låsmutt(?:er|rar)', 'lukkomutteri'],
  ['flange nuts?|flänsmutt(?:er|rar)', 'laippamutteri'],
  ['socket (?:head )?(?:cap )?screws?|insexskruv(?:ar)?', 'kuusiokoloruuvi'],
  ['washers?|bricka|brickor', 'aluslevy'],
  ['threaded (?:rods?|bars?)|gängstänger|gängstång', 'kierretanko'],
  ['wedge anchors?|anchor bolts?|through bolts?|kilankare|expanderankare', 'kiila-ankkuri'],
  ['wood screws?|träskruv(?:ar)?', 'puuruuvi'],
  ['(?:deck(?:ing)?|terrace) screws?|trallskruv(?:ar)?', 'terassiruuvi'],
  ['hot[- ]dip(?:ped)? galv(?:ani[sz]ed|\\.)?|hdg|varmförzinkad|vfz', 'kuumasinkitty'],
  ['zinc[- ]plated|zinc|galvani[sz]ed|galv\\.?|elförzinkad|förzinkad|fzb', 'sinkitty'],
  ['stainless(?: steel)?|rostfri(?:tt|a)?', 'rst'],
  // Pipes, valves and fittings
  ['copper (?:pipes?|tubes?|tubing)|kopparrör(?:et|en)?', 'kupariputki'],
  ['hard|hårt|hård', 'kova'],
  ['soft|annealed|mjukt|mjuk', 'pehmeä'],
  ['ball valves?|kulventil(?:er)?', 'palloventtiili'],
  ['lever(?: handle)?|med spak|spak', 'vipukahva'],
  ['butterfly handle|fjärils(?:handtag|grepp)', 'perhoskahva'],
  ['f/f|female/female|fxf|inv\\.?/inv\\.?', 'sk/sk'],
  ['f/m|female/male|fxm|inv\\.?/utv\\.?', 'sk/uk'],
  ['m/m|male/male|mxm|utv\\.?/utv\\.?', 'uk/uk'],
  ['shut-?off valves?|stop valves?|gate valves?|avstängningsventil(?:er)?', 'sulkuventtiili'],
  ['check valves?|non-return valves?|backventil(?:er)?', 'takaiskuventtiili'],
  ['balancing valves?|injusteringsventil(?:er)?|stamregleringsventil(?:er)?', 'linjasäätöventtiili'],
  ['thermostatic (?:radiator )?valves?|trvs?|termostatventil(?:er)?', 'termostaattiventtiili'],
  ['straight|rak', 'suora'],
  ['angled?|vinkel', 'kulma'],
  ['press (?:elbows?|bends?)|pressvinkl(?:ar)?|pressvinkel|pressböj(?:ar)?', 'puristuskulma'],
  ['press tees?|press-t', 'puristus-T'],
  ['press (?:couplings?|sockets?)|pressmuff(?:ar)?|presskoppling(?:ar)?', 'puristusmuhvi'],
  ['press reducers?|pressreducering(?:ar)?', 'puristussupistus'],
  ['solder(?:ing)? elbows?|lödvinkl(?:ar)?|lödvinkel', 'juotoskulma'],
  ['solder(?:ing)? (?:couplings?|sockets?)|lödmuff(?:ar)?', 'juotosmuhvi'],
  ['radiators?|radiator(?:er|n)?|element(?:en)?', 'lämpöpatteri'],
  ['pipe insulation|rörisolering', 'putkieriste'],
  ['drain(?:age)? pipes?|avloppsrör', 'viemäriputki'],
  ['in protective conduit|i skyddsrör', 'suojaputkessa'],
  // Electrical
  ['(?:miniature )?circuit breakers?|mcbs?|dvärgbrytare|automatsäkring(?:ar)?', 'johdonsuojakatkaisija'],
  ['rcds?|rccbs?|residual current (?:devices?|circuit breakers?)|jordfelsbrytare', 'vikavirtasuojakytkin'],
  ['(\\d)[- ]?pol(?:e|ig)', '$1-napainen'],
  ['single[- ]pole', '1-napainen'],
  ['distribution boards?|consumer units?|gruppcentral(?:en)?', 'ryhmäkeskus'],
  ['socket outlets?|wall sockets?|(?:vägg)?uttag', 'pistorasia'],
  ['switch(?:es)?|strömbrytare', 'kytkin'],
  ['flush(?:[- ]mounted)?|infälld', 'uppo'],
  ['surface(?:[- ]mounted)?|utanpåliggande', 'pinta'],
  ['junction box(?:es)?|kopplingsdosa', 'jatkorasia'],
  ['cable lugs?|kabelsko(?:r)?', 'kaapelikenkä'],
  ['cable ties?|zip ties?|buntband', 'nippuside'],
  ['heat[- ]shrink(?: tub(?:e|ing))?|krympslang(?:ar)?', 'kutisteletku'],
  ['installation cable|installationskabel', 'asennuskaapeli'],
  ['black|svart', 'musta'],
  ['white|vit', 'valkoinen'],
];

const TRANSLATIONS = VOCABULARY.map(([words, catalog]) => [new RegExp(`(?<![\\p{L}\\d])(?:${words})(?![\\p{L}])`, 'giu'), catalog] as const);

/**
 * Thread ends as English catalogs write them, in capitals only: "mm" in lower case is millimetres.
 * F is female (sisäkierre, sk), M male (ulkokierre, uk).
 */
const THREAD_ENDS: [RegExp, string][] = [
  [/(?<![\p{L}\d])FF(?![\p{L}\d])/gu, 'sk/sk'],
  [/(?<![\p{L}\d])FM(?![\p{L}\d])/gu, 'sk/uk'],
  [/(?<![\p{L}\d])MF(?![\p{L}\d])/gu, 'uk/sk'],
  [/(?<![\p{L}\d])MM(?![\p{L}\d])/gu, 'uk/uk'],
];

export function toCatalogWords(text: string): string {
  const words = TRANSLATIONS.reduce((result, [pattern, catalog]) => result.replace(pattern, catalog), text);
  return THREAD_ENDS.reduce((result, [pattern, catalog]) => result.replace(pattern, catalog), words);
}
