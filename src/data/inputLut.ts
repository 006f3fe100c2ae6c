/**
 * Pixel byte → network input, in float32 as torchvision computes it:
 * ToTensor (v/255) then Normalize(mean 0.5, std 0.5): (v/255 − 0.5)/0.5, each step rounded to float32.
 * A table rather than arithmetic so every path (JS, the native addon) gives the same bits.
 */
export const INPUT_LUT: Float32Array = (() => {
  const lut = new Float32Array(256);
  for (let v = 0; v < 256; v++) lut[v] = Math.fround(Math.fround(Math.fround(v / 255) - 0.5) / 0.5);
  return lut;
})();
