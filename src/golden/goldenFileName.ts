/** `gurmukhi/l2-dropout` → `gurmukhi-l2-dropout.json`; `cifar` → `cifar.json`. */
export function goldenFileName(experiment: string): string {
  return `${experiment.replace(/\//g, '-')}.json`;
}
