#include "adam.h"
#include <math.h>

void adam_step(const float *p, const float *g, const float *m, const float *v, float *pOut, float *mOut, float *vOut,
               size_t n, const AdamScalars *s) {
  const float b1 = s->beta1, c1 = s->oneMinusBeta1, b2 = s->beta2, c2 = s->oneMinusBeta2;
  const float bc2 = s->bc2Sqrt, eps = s->eps, step = s->stepSize;
  for (size_t i = 0; i < n; i++) {
    const float gi = g[i];
    const float m1 = m[i] * b1 + gi * c1;
    const float v1 = v[i] * b2 + (gi * gi) * c2;
    const float denom = sqrtf(v1) / bc2 + eps;
    pOut[i] = p[i] - (m1 / denom) * step;
    mOut[i] = m1;
    vOut[i] = v1;
  }
}
