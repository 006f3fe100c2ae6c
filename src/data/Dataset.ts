/**
 * A labelled image data set held as raw bytes: `images` is N×C×H×W uint8 (CHW order, as
 * PyTorch's ToTensor gives), `labels` is N class indices. Normalisation happens per batch
 * (see `batchTensors`), so a full CIFAR-10 stays at 180 MB instead of 720 MB of float32.
 */
export interface Dataset {
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
  readonly count: number;
  readonly channels: number;
  readonly height: number;
  readonly width: number;
  /** Class names in label order. */
  readonly classes: readonly string[];
  /** Where it came from, for run records and error messages. */
  readonly source: string;
  /**
   * Pixel byte → input value: 256 entries for every channel alike, or 256 per channel
   * (channel-major); absent = INPUT_LUT (ToTensor then Normalize(0.5, 0.5)). Set by the
   * experiment's `normalize` (see normalizationLut).
   */
  readonly inputLut?: Float32Array;
}
