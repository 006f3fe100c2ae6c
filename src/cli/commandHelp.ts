/** Each command's usage line and what it does, for `gradproof help` and `gradproof <command> --help`. */
export const COMMAND_HELP = {
  list: {
    usage: 'gradproof list [--json] [--config FILE]',
    does: "Lists the project's experiments (the report's, without a config file) with their section and description; --json: everything.",
  },
  run: {
    usage:
      'gradproof run <experiment> [--seed N] [--epochs E] [--limit N] [--data DIR] [--fetch] [--backend auto|node|wasm|cpu] [--wasm-threads N] [--cache DIR] [--no-cache] [--out FILE] [--json] [--config FILE]',
    does:
      'Trains one experiment and writes its run record (backend, versions and seed included). ' +
      'With --fetch, a missing data set is downloaded first (into --data DIR, else the user cache).',
  },
  data: {
    usage: 'gradproof data fetch gurmukhi|cifar10 [--data DIR] [--url URL] [--sha256 TRAIN,VAL | --md5 HEX]',
    does:
      'Downloads a data set from its pinned public source (resumable, checksum-verified) and unpacks it safely.\n' +
      'It goes into --data DIR, else the user cache ($XDG_CACHE_HOME/gradproof/data, ~/.cache/gradproof/data; on macOS\n' +
      '~/Library/Caches/gradproof/data), which run and reproduce search. gurmukhi: the train.zip and val.zip of the\n' +
      'Gurmukhi digits (sha256-pinned; --url names a folder holding both); cifar10: the official binary release (md5).',
  },
  gradcheck: {
    usage:
      'gradproof gradcheck <experiment> [--seed N] [--data DIR] [--backend auto|node|wasm|cpu] [--mode directional|elements] [--batch N] [--fetch] [--json] [--config FILE]',
    does: "Checks autodiff's gradients of an experiment's training loss against finite differences.",
  },
  reproduce: {
    usage:
      'gradproof reproduce [--only GLOB] [--seeds N] [--epochs E] [--limit N] [--protocol fresh|chained --order a,b,…] [--jobs J] [--data DIR] [--fetch] [--backend B] [--out DIR] [--shard k/n] [--verbose] [--config FILE]',
    does:
      'Runs the experiments (one child process per core; resumable), then writes the report card, plots and report.html; prints a summary of the card (--verbose: all of it) and exactly what it wrote. With --fetch, missing data sets are downloaded first.' +
      '\n\n--shard k/n (1 <= k <= n) runs one share of the (experiment, seed) jobs, dealt by expected cost the same way on\n' +
      'every machine (a chain of --protocol chained is one job), and records which shard in OUTDIR/shard.json; the card,\n' +
      'plots and report need every run, so a shard writes none unless it holds them all. Merge the shards with\n' +
      '  gradproof check --results SHARD_DIR...',
  },
  explain: {
    usage:
      'gradproof explain [--only GLOB] [--seeds N] [--families warm,carried,metrics,dropout=p:q] [--epochs E] [--limit N] [--data DIR] [--backend B] [--golden DIR] [--out DIR] [--shard k/n] [--top K] [--json] [--config FILE]',
    does:
      "Protocol forensics: searches the protocols that could have produced the report's figures, and ranks them.\n" +
      'It tries warm starts (the runs in chains, every arrangement, with a new or a carried optimiser), metric definitions\n' +
      '(eval-mode train accuracy, loss without penalty, last-batch gradient norm) and other dropout p, over --seeds (default 3);\n' +
      'scores each by the log-likelihood of the reported figures under its seed spread; prints the ranking, the best with its\n' +
      'evidence and how it compares with the protocol as written. Records go to --out (default results/explain; reused, so a\n' +
      'run resumes); the result to OUT/explain.json (with explain.md and explain.svg). `reproduce --out DIR` adds\n' +
      'DIR/explain/explain.json to its card and report.html. --shard k/n runs a share of the jobs; run again without it on the merged folder to score.\n' +
      'Figures beyond --epochs are left out: --epochs 2 --limit N is a cheap screen.',
  },
  check: {
    usage: 'gradproof check --results DIR... [--golden DIR] [--verbose | --json] [--config FILE]',
    does:
      'Holds run records against the golden bands and prints a summary of the card (--verbose: every entry; --json: the card as JSON); exit 1 when a gating figure misses its band.\n\n' +
      'Several folders (--results A B, or --results A --results B: the shards of `reproduce --shard`) merge into one\n' +
      'card: a record found twice with the same content (timing aside) counts once, one job with two different results\n' +
      'is an error naming both files. On stderr it says when records come from several gradproof versions or backends,\n' +
      'and when a sharded sweep lacks a shard or a run (exit 1). check writes no file.',
  },
  golden: {
    usage:
      'gradproof golden update --spread DIR [--report FILE] [--golden DIR] [--write] | golden init --log FILE --experiment ID [--section NAME] [--format auto|report|keras|csv] [--held-out val|test] [--run N] [--epochs 1,5,10|all|last] [--spread DIR] [--out FILE] [--force] [--config FILE]',
    does:
      "Rebuilds the golden files from the report's figures and a folder of multi-seed runs (update), or builds one from a training log (init).\n" +
      "init reads the report's epoch lines, Keras fit output or a metrics CSV (Lightning CSVLogger, any CSV with an epoch column);\n" +
      'every figure keeps its file, line and that line as its quote. val accuracy is read as testAcc (the held-out set; --held-out test\n' +
      'for a test column), percentages become fractions, epochs are numbered from 1. Without --spread the bands are placeholders that\n' +
      'do not gate; with --spread DIR (a reproduce folder of fresh seeds) they come from the run-to-run spread, as update sets them.\n' +
      'init writes no claims: ordering, range and restores claims stay hand-written. It refuses an existing --out (default\n' +
      'golden/<experiment>.json, in a project its golden folder) without --force.',
  },
  grade: {
    usage:
      'gradproof grade (--log FILE|DIR ... | --code FILE | --submissions DIR --out OUTDIR [--jobs N] [--shard k/n]) [--rubric FILE] [--out results.json] [--junit FILE] [--timeout S] [--memory MB] [--seed N] [--golden DIR] [--reveal-hidden] [--weak-sandbox] [--config FILE]',
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
      'gradproof bench [--json] [--backend auto|node|wasm|cpu] [--data DIR] [--repeats N] [--no-native] [--threads N] [--wasm-threads N] [--experiment ID]... [--against FILE]',
    does:
      'Measures training and evaluation throughput (examples/s, GFLOP/s, peak RSS) on the real data.\n' +
      "On wasm it also measures the products' ceiling (one thread's multiply-add peak × threads)\n" +
      'and shows GFLOP/s as a share of it.\n' +
      'With --against FILE (a JSON array of { experiment, phase?, examplesPerSecond }, e.g. what\n' +
      'bench/pytorchTrainSpeed.py --json prints, measured in the same sitting), each line also shows that figure and the\n' +
      'ratio to it.',
  },
} as const satisfies Record<string, { usage: string; does: string }>;
