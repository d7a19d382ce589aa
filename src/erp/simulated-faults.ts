/** A fault waiting in a simulator for the calls it is meant for: those `match` finds (all when null), `count` more times. */
export interface WaitingFault {
  match: RegExp | null;
  count: number;
}

/** The first waiting fault meant for this call, counted down and dropped once used up; the ERP simulators share it. */
export function takeOne<T extends WaitingFault>(list: T[], call: string): T | null {
  const at = list.findIndex((entry) => entry.match === null || entry.match.test(call));
  if (at < 0) return null;
  const entry = list[at]!;
  entry.count -= 1;
  if (entry.count === 0) list.splice(at, 1);
  return entry;
}
