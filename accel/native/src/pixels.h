/* Batch assembly: bytes of stored images → normalised float32 network input. */
#ifndef GRADPROOF_PIXELS_H
#define GRADPROOF_PIXELS_H
#include <stddef.h>
#include <stdint.h>

/* out[r·features + f] = lut[images[examples[r]·features + f]] for r < rows; the caller checks bounds. */
void gather_pixels(float *out, const uint8_t *images, const uint32_t *examples, size_t rows, size_t features,
                   const float *lut);
#endif
