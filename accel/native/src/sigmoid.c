#include "sigmoid.h"
#include "floatbits.h"
#include <math.h>
#include <stdint.h>
#include <string.h>

/* tfjs's wasm backend computes Sigmoid with XNNPACK's 128-bit SIMD kernel (src/f32-vsigmoid,
   wasmsimd "rr2 p5 div"): σ(−|x|) = e/(1 + e) with e = exp(−|x|) from a range reduction by ln 2 in
   two parts and a degree-5 polynomial, flushed to 0 beyond the denormal cutoff, and 1 − σ(−|x|)
   for x ≥ 0. This is the same sequence of float32 operations, each a single IEEE rounding as
   wasm's are (the addon builds with -ffp-contract=off, so nothing fuses), so every input gives
   that kernel's bits: spec/accel/nativeAddon.spec.ts compares the two over a sweep of inputs. A
   libm exp in double, the earlier way, differed in the last bit often enough for ten layers to
   carry it. Branch-free, so the compiler vectorises it. */
static inline float sigmoid_one(float x) {
  const float magic_bias = 0x1.8000FEp23f; /* 1.5·2²³ + 127: n's low bits become the exponent of 2ⁿ */
  const float minus_log2e = -0x1.715476p+0f;
  const float ln2_hi = 0x1.62E400p-1f; /* ln 2 in two parts, the first exact in few bits */
  const float ln2_lo = 0x1.7F7D1Cp-20f;
  const float c5 = -0x1.0F9F9Cp-7f, c4 = 0x1.573A1Ap-5f, c3 = -0x1.555A80p-3f, c2 = 0x1.FFFDC6p-2f, c1 = -0x1.FFFFF6p-1f;
  const float denorm_cutoff = 0x1.5D589Ep+6f; /* beyond it exp(−z) is no longer a normal float */
  const float z = fabsf(x);
  float n = magic_bias + z * minus_log2e;
  const float s = bits_to_float(float_to_bits(n) << 23); /* 2ⁿ */
  n = n - magic_bias;
  float t = z + n * ln2_hi;
  t = t + n * ln2_lo;
  float p = c4 + t * c5;
  p = c3 + t * p;
  p = c2 + t * p;
  p = c1 + t * p;
  t = t * s;
  const float e = s + t * p;
  const float d = e + 1.0f;
  const float f = e / d;
  /* The two selects as bit masks over values computed unconditionally: a float select of an
     operation that might trap keeps GCC from vectorising the loop (it counts as control flow). */
  const uint32_t flushed = float_to_bits(f) & ~(0u - (uint32_t)(z > denorm_cutoff));
  const uint32_t negative = 0u - (float_to_bits(x) >> 31);
  const float upper = 1.0f - bits_to_float(flushed);
  return bits_to_float((flushed & negative) | (float_to_bits(upper) & ~negative));
}

__attribute__((target_clones("avx2", "default"))) void sigmoid_floats(const float *in, float *out, size_t n) {
  for (size_t i = 0; i < n; i++) out[i] = sigmoid_one(in[i]);
}
