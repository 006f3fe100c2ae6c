#include "adam.h"
#include <math.h>

/* The element update, shared by every loop below so they cannot drift apart. */
#define ADAM_ELEMENT(P, G, M, V, POUT, MOUT, VOUT)        \
  do {                                                   \
    const float gi = (G);                                \
    const float m1 = (M) * b1 + gi * c1;                 \
    const float v1 = (V) * b2 + (gi * gi) * c2;          \
    const float denom = sqrtf(v1) / bc2 + eps;           \
    (POUT) = (P) - (m1 / denom) * step;                  \
    (MOUT) = m1;                                         \
    (VOUT) = v1;                                         \
  } while (0)

#define ADAM_SCALARS                                                          \
  const float b1 = s->beta1, c1 = s->oneMinusBeta1, b2 = s->beta2, c2 = s->oneMinusBeta2; \
  const float bc2 = s->bc2Sqrt, eps = s->eps, step = s->stepSize

/* In place on four distinct arrays: restrict lets the compiler vectorise (AVX2 where the CPU has it). */
__attribute__((target_clones("avx2", "default"))) static void adam_in_place(float *restrict p, const float *restrict g,
                                                                           float *restrict m, float *restrict v, size_t n,
                                                                           const AdamScalars *s) {
  ADAM_SCALARS;
  for (size_t i = 0; i < n; i++) ADAM_ELEMENT(p[i], g[i], m[i], v[i], p[i], m[i], v[i]);
}

/* Seven distinct arrays. */
__attribute__((target_clones("avx2", "default"))) static void adam_out_of_place(
    const float *restrict p, const float *restrict g, const float *restrict m, const float *restrict v,
    float *restrict pOut, float *restrict mOut, float *restrict vOut, size_t n, const AdamScalars *s) {
  ADAM_SCALARS;
  for (size_t i = 0; i < n; i++) ADAM_ELEMENT(p[i], g[i], m[i], v[i], pOut[i], mOut[i], vOut[i]);
}

/* Any other aliasing: scalar, element by element, which is safe however the arrays overlap index-wise. */
static void adam_scalar(const float *p, const float *g, const float *m, const float *v, float *pOut, float *mOut,
                        float *vOut, size_t n, const AdamScalars *s) {
  ADAM_SCALARS;
  for (size_t i = 0; i < n; i++) {
    const float pi = p[i], gv = g[i], mi = m[i], vi = v[i];
    float po, mo, vo;
    ADAM_ELEMENT(pi, gv, mi, vi, po, mo, vo);
    pOut[i] = po;
    mOut[i] = mo;
    vOut[i] = vo;
  }
}

static int disjoint(const float *a, const float *b, size_t n) { return a + n <= b || b + n <= a; }

void adam_step(const float *p, const float *g, const float *m, const float *v, float *pOut, float *mOut, float *vOut,
               size_t n, const AdamScalars *s) {
  const float *ins[4] = {p, g, m, v};
  const float *outs[3] = {pOut, mOut, vOut};
  int distinctIns = 1, distinctAll = 1;
  for (int i = 0; i < 4; i++)
    for (int j = i + 1; j < 4; j++) distinctIns &= disjoint(ins[i], ins[j], n);
  for (int i = 0; i < 3; i++) {
    for (int j = 0; j < 4; j++) distinctAll &= disjoint(outs[i], ins[j], n);
    for (int j = i + 1; j < 3; j++) distinctAll &= disjoint(outs[i], outs[j], n);
  }
  if (distinctIns && pOut == p && mOut == m && vOut == v) {
    adam_in_place(pOut, g, mOut, vOut, n, s);
  } else if (distinctIns && distinctAll) {
    adam_out_of_place(p, g, m, v, pOut, mOut, vOut, n, s);
  } else {
    adam_scalar(p, g, m, v, pOut, mOut, vOut, n, s);
  }
}
