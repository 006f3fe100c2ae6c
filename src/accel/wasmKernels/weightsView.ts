import type { TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

// The wasm backend caches one packed XNNPACK operator per (b data id, bias id, activation) and
// ignores b's shape. tf.reshape shares data ids, so a reshaped view of the same weights would
// silently reuse the operator packed for the old shape. We remember the [k, n] each data id was
// first multiplied as and hand a private copy to XNNPACK when a view disagrees.
const firstShape = new WeakMap<object, string>();

/**
 * `b` (shape [1, k, n]) as it may safely be given to XNNPACK's fully-connected path; a copy,
 * pushed onto `owned`, when b's data was already used there with a different [k, n].
 */
export function weightsView(backend: BackendWasm, b: TensorInfo, owned: TensorInfo[]): TensorInfo {
  const key = b.shape.slice(-2).join('x');
  const seen = firstShape.get(b.dataId);
  if (seen === undefined) {
    firstShape.set(b.dataId, key);
    return b;
  }
  if (seen === key) return b;
  // A real copy into a new buffer: the Identity kernel shares buffers (see sharedIdentity).
  const copy = backend.makeOutput(b.shape.slice(), b.dtype);
  backend.typedArrayFromHeap(copy).set(backend.typedArrayFromHeap(b));
  owned.push(copy);
  return copy;
}
