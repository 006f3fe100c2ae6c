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
      'gradproof reproduce [--only GLOB] [--seeds N] [--epochs E] [--limit N] [--protocol fresh|chained --order a,b,…] [--jobs J] [--data DIR] [--backend B] [--out DIR] [--verbose]',
    does: 'Runs the experiments (one child process per core; resumable), then writes the report card, plots and report.html; prints a summary of the card (--verbose: all of it) and exactly what it wrote.',
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
      'gradproof grade (--log FILE|DIR ... | --code FILE | --submissions DIR --out OUTDIR [--jobs N] [--shard k/n]) [--rubric FILE] [--out results.json] [--junit FILE] [--timeout S] [--memory MB] [--seed N] [--golden DIR] [--reveal-hidden] [--weak-sandbox]',
    does:
      "Grades a student's training log or code against the rubric (Gradescope results.json, JUnit).\n" +
      'Code runs in a bubblewrap sandbox (namespaces, its own uid, no sockets, rlimits, a memory cgroup); where\n' +
      'bubblewrap cannot run, grading code is refused unless --weak-sandbox (Node permission model only) is given.\n\n' +
      'A class at once: gradproof grade --submissions DIR --out OUTDIR [--jobs N] [--shard k/n --seed N] [--junit NAME.xml]\n' +
      'DIR holds one entry per student: a code module (alice.mjs, id alice) or a folder (id = its name) with its\n' +
      'submission.* (or regularizers.*, or its only module), its logs (*.md, *.txt, *.log), run records (*.json) and runs/.\n' +
      'Writes OUTDIR/<id>/results.json and OUTDIR/gradebook.csv; a rerun skips students already graded with the same\n' +
      'hand-in and settings. Exit 1 when a student could not be graded at all. Shards of a class, one gradebook:\n' +
      '  gradproof grade merge OUTDIR... --out gradebook.csv',
  },
  bench: {
    usage:
      'gradproof bench [--json] [--backend auto|node|wasm|cpu] [--data DIR] [--repeats N] [--no-native] [--threads N] [--wasm-threads N] [--experiment ID]...',
    does: 'Measures training and evaluation throughput (examples/s, GFLOP/s, peak RSS) on the real data.',
  },
} as const satisfies Record<string, { usage: string; does: string }>;
