/** Each command's usage line and what it does, for `gradproof help` and `gradproof <command> --help`. */
export const COMMAND_HELP = {
  list: { usage: 'gradproof list [--json]', does: "Lists the report's experiments with their data set, model and protocol." },
  run: {
    usage:
      'gradproof run <experiment> [--seed N] [--epochs E] [--limit N] [--data DIR] [--backend auto|node|wasm|cpu] [--wasm-threads N] [--cache DIR] [--no-cache] [--out FILE] [--json]',
    does: 'Trains one experiment and writes its run record (backend, versions and seed included).',
  },
  data: {
    usage: 'gradproof data fetch cifar10 [--data DIR] [--url URL]',
    does: 'Downloads the official CIFAR-10 binary release (md5-checked, resumable) and unpacks it under DIR.',
  },
  gradcheck: {
    usage:
      'gradproof gradcheck <experiment> [--seed N] [--data DIR] [--backend auto|node|wasm|cpu] [--mode directional|elements] [--batch N] [--json]',
    does: "Checks autodiff's gradients of an experiment's training loss against finite differences.",
  },
  reproduce: {
    usage:
      'gradproof reproduce [--only GLOB] [--seeds N] [--epochs E] [--limit N] [--protocol fresh|chained --order a,b,…] [--jobs J] [--data DIR] [--backend B] [--out DIR]',
    does: 'Runs the experiments (one child process per core; resumable), then writes the report card, plots and report.html.',
  },
  check: {
    usage: 'gradproof check --results DIR [--golden DIR] [--json]',
    does: 'Holds run records against the golden bands; exit 1 when a gating figure misses its band.',
  },
  golden: {
    usage: 'gradproof golden update --spread DIR [--report FILE] [--golden DIR] [--write]',
    does: "Rebuilds the golden files from the report's figures and a folder of multi-seed runs.",
  },
  grade: {
    usage:
      'gradproof grade (--log FILE|DIR ... | --code FILE) [--rubric FILE] [--out results.json] [--junit FILE] [--timeout S] [--memory MB] [--golden DIR] [--reveal-hidden]',
    does: "Grades a student's training log or code against the rubric (Gradescope results.json, JUnit).",
  },
  bench: {
    usage:
      'gradproof bench [--json] [--backend auto|node|wasm|cpu] [--data DIR] [--repeats N] [--no-native] [--threads N] [--wasm-threads N] [--experiment ID]...',
    does: 'Measures training and evaluation throughput (examples/s, GFLOP/s, peak RSS) on the real data.',
  },
} as const satisfies Record<string, { usage: string; does: string }>;
