/* A float's bits and back, without breaking aliasing rules (memcpy compiles to a register move).
   The vectorised kernels select between float results by bit masks with these. */
#ifndef GRADPROOF_FLOATBITS_H
#define GRADPROOF_FLOATBITS_H
#include <stdint.h>
#include <string.h>

static inline float bits_to_float(uint32_t u) {
  float f;
  memcpy(&f, &u, sizeof f);
  return f;
}

static inline uint32_t float_to_bits(float f) {
  uint32_t u;
  memcpy(&u, &f, sizeof u);
  return u;
}
#endif
