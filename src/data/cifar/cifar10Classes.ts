/**
 * The CIFAR-10 class names in canonical label order 0–9, as in the official release's
 * `batches.meta.txt` and every framework's loader.
 */
export const CIFAR10_CLASSES: readonly string[] = Object.freeze([
  'airplane',
  'automobile',
  'bird',
  'cat',
  'deer',
  'dog',
  'frog',
  'horse',
  'ship',
  'truck',
]);

/** Bytes per CIFAR binary record: 1 label byte + 3×32×32 pixel bytes (R plane, G plane, B plane). */
export const CIFAR_RECORD_BYTES = 1 + 3 * 32 * 32;
