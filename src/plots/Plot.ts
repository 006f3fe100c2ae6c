/** What a plot shows; the file name ends in it (`cifar-sigmoid-vg.layers.png`). */
export type PlotKind = 'layers' | 'depth' | 'curves' | 'activations' | 'overlay';

/** One rendered chart, ready to write or inline. */
export interface Plot {
  /** Stable file stem, e.g. `cifar-sigmoid-vg.layers`, `cifar-sigmoid.depth`, `gurmukhi.overlay`. */
  readonly name: string;
  readonly kind: PlotKind;
  /** Which section of the report it belongs to: Q1, Q2, or a project's experiment namespace. */
  readonly section: string;
  /** Experiment ids it draws. */
  readonly experiments: readonly string[];
  /** One line saying what the chart shows, for captions and alt text. */
  readonly caption: string;
  readonly svg: string;
}
