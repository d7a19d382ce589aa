/**
 * The trade words English- and Swedish-writing (and Norwegian-writing) customers use for what a Finnish wholesaler's
 * catalog names in Finnish. Requests are translated to catalog words before they are
 * searched; no library knows this vocabulary, so it lives here as data.
 */
const VOCABULARY: [string, string][] = [
  // Fasteners
  ['hex(?:agon)?(?: head)? bolts?|sexkant(?:s)?skruv(?:ar)?|sekskantskruer?', 'kuusioruuvi'],
  ['hex(?:agon)? nuts?|sexkantmutt(?:er|rar)', 'kuusiomutteri'],
  ['(?:nyloc|lock) nuts?|låsmutt(?:er|rar)', 'lukkomutteri'],
  ['flange nuts?|flänsmutt(?:er|rar)', 'laippamutteri'],
  ['socket (?:head )?(?:cap )?screws?|insexskruv(?:ar)?', 'kuusiokoloruuvi'],
  ['(?:flat |plain )?washers?|(?:plan)?bricka|(?:plan)?brickor|skiver?', 'aluslevy'],
  ['threaded (?:rods?|bars?)|gängstänger|gängstång|gjengestenger|gjengestang', 'kierretanko'],
  ['wedge anchors?|anchor bolts?|through bolts?|kilankare|expanderankare', 'kiila-ankkuri'],
  ['wood screws?|träskruv(?:ar)?', 'puuruuvi'],
  ['carriage bolts?|coach bolts?|slätkupiga skruvar|slätkupig skruv|vagnsbult(?:ar)?', 'lukkopultti'],
  // The Swedish "fransk skruv" is a hex-headed wood screw (DIN 571), not a carriage bolt.
  ['lag screws?|coach screws?|franska skruvar|fransk skruv|sexkant(?:s)?träskruv(?:ar)?', 'kuusiopuuruuvi'],
  ['(?:with|med) (?:a )?(?:nuts?|mutter|muttrar)', 'mutterilla'],
  ['roofing screws?|takskruv(?:ar)?', 'kattoruuvi'],
  ['chemical anchors?|kemankare|kemiskt ankare', 'kemiallinen ankkuri'],
  ['frame plugs?|frame anchors?|ramplugg(?:ar)?', 'runkotulppa'],
  ['wall plugs?|expansionsplugg(?:ar)?', 'tulppa'],
  ['drop-in anchors?|slagankare', 'lyöntiankkuri'],
  ['channel nuts?|spring nuts?|skenmutt(?:er|rar)', 'kiskomutteri'],
  ['pipe (?:clamps?|clips?)|rörklamm(?:er|or)|rørklammer', 'putkikannake'],
  ['without rubber(?: lining)?|utan gummi', 'ilman kumia'],
  ['with rubber(?: lining)?|med gummi', 'kumilla'],
  // "for 35 mm pipe", "for the 16x2.0 pipe": which pipe a part is for is its size, not a pipe asked for.
  ['(?<=(?:for|för|till) (?:the )?\\d[\\d.,x×]{0,8} ?(?:mm )?)(?:pipes?|rör)', ''],
  ['strut channels?|installation rails?|montageskenor|montageskena', 'asennuskisko'],
  ['coupling nuts?|long nuts?|skarvmutt(?:er|rar)', 'jatkomutteri'],
  // A nut named by no kind is the hex nut; a compound ("lukkomutteri", "kopplingsmutter") names its kind.
  ['mutter|muttrar|mutterit?|muttereita|muttereja|mutre|mutrer', 'kuusiomutteri'],
  ['work gloves?|arbetshandsk(?:e|ar)', 'työkäsine'],
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
  ['pre-?settable|förinställbara?', 'esisäädettävä'],
  ['straight (?:couplings?|connectors?)|rak koppling', 'suora liitin'],
  ['straight|rak', 'suora'],
  ['angled?|vinkel', 'kulma'],
  ['press (?:elbows?|bends?)|pressvinkl(?:ar)?|pressvinkel|pressböj(?:ar)?', 'puristuskulma'],
  // A soil pipe's bend; a pipe fitting's is an elbow ("kulma"), caught by the entries before.
  ['(?<=(?:HT|KG)[- ])bends?', 'käyrä'],
  ['press tees?|press-t', 'puristus-T'],
  ['press (?:couplings?|sockets?)|pressmuff(?:ar)?|presskoppling(?:ar)?', 'puristusmuhvi'],
  ['press reducers?|pressreducering(?:ar)?', 'puristussupistus'],
  ['solder(?:ing)? elbows?|lödvinkl(?:ar)?|lödvinkel', 'juotoskulma'],
  ['solder(?:ing)? (?:couplings?|sockets?)|lödmuff(?:ar)?', 'juotosmuhvi'],
  ['thermostatic heads?|termostathuvud(?:en)?', 'termostaattiosa'],
  ['lockshield valves?', 'paluuventtiili'],
  ['radiator valves?|radiatorventil(?:er)?', 'patteriventtiili'],
  ['safety valves?|säkerhetsventil(?:er)?', 'varoventtiili'],
  ['washing machine valves?|tvättmaskinsventil(?:er)?', 'pesukoneventtiili'],
  ['radiators?|radiator(?:er|n)?|element(?:en)?', 'lämpöpatteri'],
  ['circulat(?:or|ion|ing) pumps?|cirkulationspump(?:ar|en)?', 'kiertovesipumppu'],
  ['expansion (?:vessels?|tanks?)|expansionskärl(?:et)?', 'paisunta-astia'],
  ['pex[- ]pipes? in (?:a )?conduit|pex[- ]rör i skyddsrör|rör[- ]i[- ]rör', 'PEX-putki suojaputkessa'],
  ['pressure gauges?|manometer|manometers', 'painemittari'],
  ['propylene glycol|propylenglykol', 'propyleeniglykoli'],
  ['flexible hoses?|flexslang(?:ar)?', 'joustoletku'],
  ['(?:underfloor|floor) heating manifolds?|golvvärmefördelare', 'lattialämmitysjakotukki'],
  ['(?<=\\d ?)(?:circuits?|kretsar|krets)', 'piiri'],
  ['(?:with )?flow ?meters?|(?:med )?flödesmätare', 'virtausmittarein'],
  ['multilayer (?:composite )?pipes?|composite pipes?|kompositrör|flerskiktsrör', 'komposiittiputki'],
  ['eurocone|eurokon', 'eurokartio'],
  ['compression (?:fittings?|adapters?|couplings?)|klämkoppling(?:ar)?', 'puserrusliitin'],
  // "female" holds "male": each is one word, so that a male adapter never stands in for a female one.
  ['female (?:thread(?:ed)? )?adapters?|female threads?|inv(?:\\.|ändig) gänga', 'sisäkierre'],
  ['male (?:thread(?:ed)? )?adapters?|male threads?|utv(?:\\.|ändig) gänga', 'ulkokierre'],
  ['pipe clamps?|rörklammer|rörklammor', 'putkikannake'],
  ['t-rör|t-stycke', 'T-haara'],
  ['cleaning eyes?|rensrör', 'puhdistusyhde'],
  ['slip couplings?|skjutmuff(?:ar)?', 'liukumuhvi'],
  ['(?:ptfe|thread) tapes?|gängtejp', 'PTFE-kierreteippi'],
  ['duct tapes?|vävtejp', 'ilmastointiteippi'],
  ['masking tapes?|maskeringstejp', 'maalarinteippi'],
  ['pipe insulation|rörisolering', 'putkieriste'],
  ['drain(?:age)? pipes?|avloppsrör', 'viemäriputki'],
  ['in protective conduit|i skyddsrör', 'suojaputkessa'],
  // Electrical
  ['(?:miniature )?circuit breakers?|mcbs?|dvärgbrytare|automatsäkring(?:ar)?', 'johdonsuojakatkaisija'],
  ['rcds?|rccbs?|residual current (?:devices?|circuit breakers?)|jordfelsbrytare', 'vikavirtasuojakytkin'],
  ['distribution boards?|consumer units?|gruppcentral(?:en)?', 'ryhmäkeskus'],
  ['socket outlets?|wall sockets?|(?:vägg)?uttag', 'pistorasia'],
  ['(?:two|2)-way switch(?:es)?|trappströmbrytare|kopplare 6', 'vaihtokytkin'],
  ['switch disconnectors?|isolators?|lastfrånskiljare', 'kuormanerotin'],
  ['switch(?:es)?|strömbrytare', 'kytkin'],
  ['flush(?:[- ]mounted)?|infälld', 'uppo'],
  ['surface(?:[- ]mounted)?|utanpåliggande', 'pinta'],
  ['junction box(?:es)?|kopplingsdosa', 'jatkorasia'],
  ['cable lugs?|kabelsko(?:r)?', 'kaapelikenkä'],
  ['cable ties?|zip ties?|buntband', 'nippuside'],
  ['lever connectors?|kopplingsklämm(?:a|or)', 'pikaliitin'],
  ['din rails?|din-skenor|din-skena', 'DIN-kisko'],
  ['extension (?:cords?|leads?)|skarvsladd(?:ar)?', 'jatkojohto'],
  ['cable trunking|cable ducts?|kabelkanal(?:er)?', 'johtokanava'],
  ['single[- ]core (?:wire|cable)', 'MK'],
  ['led (?:bulbs?|lamps?)|led-lamp(?:a|or)', 'LED-lamppu'],
  ['led panels?|led-panel(?:er)?', 'LED-paneeli'],
  ['ceiling (?:lights?|luminaires?)|plafond(?:er)?|taklampa|takarmatur(?:er)?', 'kattovalaisin'],
  ['emergency (?:exit )?(?:signs?|lights?|luminaires?)|nödljus|nödutgångsskylt(?:ar)?', 'opastevalaisin'],
  ['dimmers?', 'himmennin'],
  ['motion (?:sensors?|detectors?)|rörelsevakt(?:er)?|rörelsedetektor(?:er)?', 'liiketunnistin'],
  ['smoke (?:detectors?|alarms?)|brandvarnare', 'palovaroitin'],
  ['heating mats?|värmematt(?:a|or)', 'lämpömatto'],
  ['heat[- ]shrink(?: tub(?:e|ing))?|krympslang(?:ar)?', 'kutisteletku'],
  ['installation cable|installationskabel', 'asennuskaapeli'],
  ['black|svart', 'musta'],
  ['white|vit', 'valkoinen'],
];

/**
 * One pattern with a group per entry, so that a request is read once rather than once per
 * entry; where two entries start at the same place, the one listed first wins ("two-way
 * switch" before "switch"). Entries group with (?:…) only.
 */
const TRANSLATIONS = new RegExp(`(?<![\\p{L}\\d])(?:${VOCABULARY.map(([words]) => `(${words})`).join('|')})(?![\\p{L}])`, 'giu');
const CATALOG_WORDS = VOCABULARY.map(([, catalog]) => catalog);

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

/** Only the thread ends: what the request says as written, in the catalog's way of saying FF or MM. */
export function withThreadEnds(text: string): string {
  return THREAD_ENDS.reduce((result, [pattern, catalog]) => result.replace(pattern, catalog), text);
}

export function toCatalogWords(text: string): string {
  return withThreadEnds(text.replace(TRANSLATIONS, (...groups: unknown[]) => CATALOG_WORDS[groups.slice(1, 1 + CATALOG_WORDS.length).findIndex((g) => g !== undefined)]!));
}
