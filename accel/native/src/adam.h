#ifndef GRADPROOF_ADAM_H
#define GRADPROOF_ADAM_H
#include <stddef.h>

/* Adam's per-step scalars, already rounded to float32 as tfjs rounds scalar operands. */
typedef struct {
  float beta1, oneMinusBeta1, beta2, oneMinusBeta2, bc2Sqrt, eps, stepSize;
} AdamScalars;

/*
 * One Adam step over n elements, in the exact float32 operation order of gradproof's Adam.ts:
 *   m1 = m*b1 + g*(1-b1);  v1 = v*b2 + (g*g)*(1-b2);  p1 = p - (m1 / (sqrt(v1)/bc2Sqrt + eps)) * stepSize
 * Outputs may alias inputs. Built with -ffp-contract=off so no multiply-add is fused, which
 * keeps the result bit-identical to the op-by-op update whatever vector width is used.
 */
void adam_step(const float *p, const float *g, const float *m, const float *v, float *pOut, float *mOut, float *vOut,
               size_t n, const AdamScalars *s);
#endif
