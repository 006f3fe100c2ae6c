import type { RunRecord } from '../record/RunRecord.js';
import { runKey, type RunNode } from './runKey.js';

/** Records of the search by run (runKey) and seed. */
export class RunStore {
  private readonly byKey = new Map<string, Map<number, RunRecord>>();

  add(node: RunNode, record: RunRecord): void {
    const key = runKey(node);
    let seeds = this.byKey.get(key);
    if (!seeds) this.byKey.set(key, (seeds = new Map()));
    seeds.set(record.seed, record);
  }

  /** The node's records, by seed order. */
  get(node: RunNode): RunRecord[] {
    return [...(this.byKey.get(runKey(node))?.values() ?? [])].sort((a, b) => a.seed - b.seed);
  }

  /**
   * A store of records as they come (fresh or chained, from explain or `reproduce --protocol
   * chained`): each under its chain up to itself, its optimiser, and the chosen dropout — give
   * records of one dropout value only.
   */
  static of(records: readonly RunRecord[]): RunStore {
    const store = new RunStore();
    for (const r of records) {
      const prefix = r.chain ? r.chain.order.slice(0, r.chain.position + 1) : [r.experiment];
      store.add({ prefix, optimizer: r.chain?.optimizer ?? 'new' }, r);
    }
    return store;
  }
}
