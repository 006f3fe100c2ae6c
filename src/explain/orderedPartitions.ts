/**
 * Every way to arrange `items` into a set of chains (ordered lists; the set itself unordered),
 * each once: the item i either starts a new chain or goes into any place of an existing one.
 * There are Lah-number many: 1, 3, 13, 73, 501 for 1…5 items. Chains are listed by their first
 * item's place in `items`, so equal inputs give equal outputs.
 */
export function orderedPartitions<T>(items: readonly T[]): T[][][] {
  let result: T[][][] = [[]];
  for (const item of items) {
    const next: T[][][] = [];
    for (const chains of result) {
      next.push([...chains.map((c) => [...c]), [item]]);
      chains.forEach((chain, ci) => {
        for (let at = 0; at <= chain.length; at++) {
          next.push(chains.map((c, j) => (j === ci ? [...c.slice(0, at), item, ...c.slice(at)] : [...c])));
        }
      });
    }
    result = next;
  }
  const rank = new Map(items.map((x, i) => [x, i]));
  return result.map((chains) => [...chains].sort((a, b) => rank.get(a[0]!)! - rank.get(b[0]!)!));
}
