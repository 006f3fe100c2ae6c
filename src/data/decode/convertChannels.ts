import { UsageError } from '../../errors/UsageError.js';
import type { DecodedImage } from './DecodedImage.js';

/**
 * `convertChannels(image, channels)`: the image with 1 or 3 channels, HWC as before.
 * - RGB → gray as PIL's `convert('L')`: L = ⌊(299·R + 587·G + 114·B) / 1000⌋ (integer
 *   arithmetic, so results match PIL to the level).
 * - Gray → RGB by replicating the level into R, G and B.
 * Returns the same object when it already has `channels` channels.
 */
export function convertChannels(image: DecodedImage, channels: 1 | 3): DecodedImage {
  if (channels !== 1 && channels !== 3) {
    throw new UsageError(`convertChannels: channels must be 1 or 3, got ${String(channels)}`);
  }
  if (image.channels === channels) return image;
  const pixels = image.width * image.height;
  const src = image.data;
  const data = new Uint8Array(pixels * channels);
  if (channels === 1) {
    for (let i = 0; i < pixels; i++) {
      data[i] = Math.floor((src[i * 3]! * 299 + src[i * 3 + 1]! * 587 + src[i * 3 + 2]! * 114) / 1000);
    }
  } else {
    for (let i = 0; i < pixels; i++) data[i * 3] = data[i * 3 + 1] = data[i * 3 + 2] = src[i]!;
  }
  return { width: image.width, height: image.height, channels, data };
}
