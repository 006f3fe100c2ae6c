import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PNG } from 'pngjs';
import { createRng } from '../../src/random/Rng';

/** Classes of the generated digits-like set: where the bright bar is. */
export const BAR_CLASSES = ['left', 'middle', 'right'] as const;

/**
 * Writes `<root>/<split>/<class>/<n>.png`: 8×8 grayscale images whose class is which third of
 * the image holds a bright vertical bar, under seeded noise (learnable, not trivially: the bar
 * is dimmed and the background noisy). `perClass` images per class and split.
 */
export async function writeBarImages(root: string, perClass: { train: number; test: number }, seed = 7): Promise<void> {
  const rng = createRng(seed, 'bar-images');
  for (const split of ['train', 'test'] as const) {
    for (const [label, name] of BAR_CLASSES.entries()) {
      const dir = path.join(root, split, name);
      await mkdir(dir, { recursive: true });
      for (let n = 0; n < perClass[split]; n++) {
        const png = new PNG({ width: 8, height: 8, colorType: 0, inputColorType: 0, inputHasAlpha: false });
        const gray = new Uint8Array(64);
        for (let y = 0; y < 8; y++) {
          for (let x = 0; x < 8; x++) {
            const inBar = Math.floor((x * 3) / 8) === label;
            gray[y * 8 + x] = Math.min(255, Math.floor(rng.next() * 140) + (inBar ? 90 : 0));
          }
        }
        await writeFile(path.join(dir, `${n}.png`), PNG.sync.write(Object.assign(png, { data: Buffer.from(gray) }), { colorType: 0, inputColorType: 0, inputHasAlpha: false }));
      }
    }
  }
}

/** A project file declaring `hw/tanh3`: a three-layer tanh MLP on the bar images in `bars/`. */
export function barProject(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    experiments: [
      {
        id: 'hw/tanh3',
        description: 'Bars, a three-layer tanh MLP',
        dataset: { kind: 'image-folder', root: 'bars', channels: 1, height: 8, width: 8 },
        model: { inputSize: 64, hidden: [32, 16], outputSize: 3, activation: 'tanh', init: 'xavier' },
        optimizer: { kind: 'adam', lr: 0.01 },
        epochs: 3,
        batchSize: 16,
        ...overrides,
      },
    ],
  };
}
