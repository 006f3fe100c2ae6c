#include "pixels.h"

void gather_pixels(float *restrict out, const uint8_t *restrict images, const uint32_t *restrict examples, size_t rows,
                   size_t features, const float *restrict lut) {
  for (size_t r = 0; r < rows; r++) {
    const uint8_t *restrict src = images + (size_t)examples[r] * features;
    float *restrict dst = out + r * features;
    for (size_t f = 0; f < features; f++) dst[f] = lut[src[f]];
  }
}
