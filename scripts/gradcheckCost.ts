// Times a default gradient check (checkGradients, directional mode) of a ~100k-parameter model:
// a 256→256→128→10 MLP (99 978 parameters), mean cross-entropy + L2 on a seeded batch of 32, once
// with tanh (smooth) and once with ReLU. Prints wall time, evaluations of f and per-tensor
// resolution. No assertion: a measurement for the note.
//   node --import tsx scripts/gradcheckCost.ts [wasm|cpu|auto] [batch]
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../src/backend/initBackend.js';
import { checkGradients } from '../src/gradcheck/checkGradients.js';
import { trainingLossTarget } from '../src/gradcheck/trainingLossTarget.js';
import { Mlp } from '../src/models/Mlp.js';
import type { Activation } from '../src/models/MlpConfig.js';
import { createRng } from '../src/random/Rng.js';

const choice = (process.argv[2] ?? 'wasm') as 'wasm' | 'cpu' | 'auto';
const batch = Number(process.argv[3] ?? 32);
const info = await initBackend(choice);
console.log(`backend ${info.name} ${info.kernelPatches.join(' ')}`.trim());

for (const activation of ['tanh', 'relu'] as Activation[]) {
  const model = Mlp.create({ inputSize: 256, hidden: [256, 128], outputSize: 10, activation, batchNorm: false, init: 'xavier', dropout: 0 }, createRng(0, 'init'));
  const rng = createRng(0, 'gradcheck-cost/batch');
  const x = tf.tensor2d(Float32Array.from({ length: batch * 256 }, () => rng.normal()), [batch, 256]);
  const y = tf.oneHot(tf.tensor1d(Array.from({ length: batch }, () => rng.int(10)), 'int32'), 10).toFloat() as tf.Tensor2D;
  const target = trainingLossTarget(model, x, y, [{ kind: 'l2', rate: 1e-4 }], []);
  let evaluations = 0;
  const counted = { ...target, f: (p: readonly tf.Tensor[]) => (evaluations++, target.f(p)) };
  const parameters = target.params.reduce((s, p) => s + p.size, 0);
  for (let i = 0; i < 3; i++) tf.dispose(target.f(target.params)); // warm-up: kernels, wasm code
  evaluations = 0;
  const start = performance.now();
  const report = checkGradients(counted);
  const seconds = (performance.now() - start) / 1000;
  const tensors = report.tensors.map((t) => `${t.name} ${t.estimate ? `res ${t.estimate.resolution.toFixed(3)}` : ''}`.trim()).join(', ');
  console.log(
    `${activation}: ${parameters} parameters, default check ${seconds.toFixed(2)} s, ${evaluations} evaluations of f ` +
      `(${((seconds * 1000) / evaluations).toFixed(1)} ms each), ok ${report.ok}, unresolved [${(report.unresolved ?? []).join(', ')}]\n  ${tensors}`,
  );
  tf.dispose([x, y]);
  model.dispose();
}
