/* Batch norm's training pass over an n×c row-major block, in the operation order of
   src/accel/kernels/batchNormMath.ts (column sums in double, rounded once; float32 steps). */
#ifndef GRADPROOF_BATCHNORM_H
#define GRADPROOF_BATCHNORM_H
#include <stddef.h>

/* Returns 0 when scratch memory cannot be allocated. */
int bn_forward(const float *x, const float *gamma, const float *beta, float *y, float *xHat, float *mean, float *variance,
               float *std, size_t n, size_t c, float eps);
int bn_backward(const float *dy, const float *xHat, const float *std, const float *gamma, float *dx, float *dGamma,
                float *dBeta, size_t n, size_t c);
#endif
