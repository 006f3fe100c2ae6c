import type { Subset } from './Subset.js';

/** Labels and their one-hot rows for `examples`. */
export function labelsOf(subset: Subset, examples: Uint32Array): { labels: Int32Array; oneHot: Float32Array } {
  const classes = subset.data.classes.length;
  const labels = new Int32Array(examples.length);
  const oneHot = new Float32Array(examples.length * classes);
  examples.forEach((example, r) => {
    const label = subset.data.labels[example]!;
    labels[r] = label;
    oneHot[r * classes + label] = 1;
  });
  return { labels, oneHot };
}
