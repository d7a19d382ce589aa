/** The units customers and catalogs write, in fi, sv and en, mapped to the seller's unit codes. */
const UNIT_ALIASES: Record<string, string[]> = {
  // A tube of sealant or a cartridge is one of what it is sold as.
  kpl: ['kpl', 'kappale', 'kappaletta', 'pcs', 'pc', 'pce', 'piece', 'pieces', 'st', 'stk', 'styck', 'stycken', 'ea', 'each', 'tuubi', 'tuubia', 'putkilo', 'putkiloa', 'patruuna', 'patruunaa', 'tube', 'tubes', 'tub', 'tuber', 'cartridge', 'cartridges'],
  pr: ['pr', 'paria', 'pair', 'pairs', 'par'],
  m: ['m', 'metri', 'metriä', 'metria', 'metrejä', 'mtr', 'meter', 'meters', 'metres', 'metre'],
  // A can of glycol or paint is a pack of the litres it holds.
  pkt: ['pkt', 'paketti', 'pakettia', 'pack', 'packs', 'paket', 'pkg', 'fpk', 'förpackning', 'förpackningar', 'pss', 'pussi', 'pussia', 'bag', 'bags', 'påse', 'påsar', 'can', 'cans', 'kanisteri', 'kanisteria', 'dunk', 'dunkar', 'burk', 'burkar'],
  rll: ['rll', 'rulla', 'rullaa', 'rullia', 'roll', 'rolls', 'rulle', 'rullar', 'coil', 'coils', 'kieppi', 'kieppiä'],
  // A drum holds far more than a coil (500 m of cable, not 100 m): the two are never the same pack.
  kela: ['kela', 'kelaa', 'kelat', 'reel', 'reels', 'drum', 'drums', 'trumma', 'trummor'],
  ltk: ['ltk', 'laatikko', 'laatikkoa', 'rasia', 'rasiaa', 'box', 'boxes', 'låda', 'lådor', 'ask', 'askar'],
  // Not "bar": that is also a pressure ("PN16, 10 bar"). "20 putkea (2 m)" counts lengths of pipe or insulation.
  tnk: ['tnk', 'tanko', 'tankoa', 'tankoja', 'putkea', 'bars', 'length', 'lengths', 'stång', 'stänger', 'längd', 'längder'],
  l: ['l', 'litra', 'litraa', 'litre', 'liter', 'liters'],
  kg: ['kg', 'kilo', 'kiloa'],
  set: ['set', 'sarja', 'sarjaa', 'sats', 'satser', 'sets'],
};

const BY_ALIAS = new Map(Object.entries(UNIT_ALIASES).flatMap(([unit, aliases]) => aliases.map((a) => [a, unit] as const)));

/** Longest first, so "metriä" is not read as "m" followed by text. */
export const UNIT_PATTERN = [...BY_ALIAS.keys()].sort((a, b) => b.length - a.length).join('|');

export function normalizeUnit(unit: string): string | null {
  return BY_ALIAS.get(unit.toLowerCase().replace(/\.$/, '')) ?? null;
}
