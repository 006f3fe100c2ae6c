/** An axis tick: `label` null means a minor tick (grid line only). */
export interface Tick {
  readonly value: number;
  readonly label: string | null;
}

/** A fitted axis: the domain it spans and the ticks to draw. */
export interface AxisTicks {
  readonly domain: readonly [number, number];
  readonly ticks: readonly Tick[];
}
