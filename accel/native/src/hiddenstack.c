#include "narrowstack.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "batchnorm.h"
#include "gemm.h"
#include "sigmoid.h"
#include "tanh.h"

/* The matrix products are gp_sgemm (gemm.c) called as the reference's matMul and its gradients
   call it (see src/accel/wasmKernels/nativeMatMul.ts), the batch sums run in double in row order
   as the native Sum kernel's do, and the batch-norm steps are batchnorm.c's own, as the fused
   batch-norm kernels run them, and the activations are the kernels' own (sigmoid.c gives XNNPACK's
   sigmoid bits, tanh.c is the native Tanh kernel's): so the run gives the per-layer path's bits. */


/* out = h·W + b: the product rounded to float, then the bias added in float. */
static void linear(const float *h, const float *weight, const float *restrict bias, float *restrict out, size_t n, size_t w) {
  gp_sgemm(false, false, (int64_t)n, (int64_t)w, (int64_t)w, h, (int64_t)w, weight, (int64_t)w, out, (int64_t)w);
  for (size_t r = 0; r < n; r++)
    for (size_t j = 0; j < w; j++) out[r * w + j] = out[r * w + j] + bias[j];
}

static void activate(float *a, size_t count, NarrowActivation activation) {
  switch (activation) {
    case NARROW_SIGMOID:
      sigmoid_floats(a, a, count);
      break;
    case NARROW_TANH:
      tanh_floats(a, a, count);
      break;
    case NARROW_RELU:
      for (size_t i = 0; i < count; i++) a[i] = a[i] > 0.0f ? a[i] : 0.0f;
      break;
  }
}

/* t = g·f'(z) written from the activation's output a = f(z), in the float steps of tfjs's
   gradients: sigmoid g·(a·(1 − a)), tanh (1 − a²)·g, relu g·step(z). */
static void activation_grad(const float *restrict g, const float *restrict a, float *restrict t, size_t count,
                            NarrowActivation activation) {
  switch (activation) {
    case NARROW_SIGMOID:
      for (size_t i = 0; i < count; i++) t[i] = g[i] * (a[i] * (1.0f - a[i]));
      break;
    case NARROW_TANH:
      for (size_t i = 0; i < count; i++) t[i] = (1.0f - a[i] * a[i]) * g[i];
      break;
    case NARROW_RELU:
      for (size_t i = 0; i < count; i++) t[i] = g[i] * (a[i] > 0.0f ? 1.0f : 0.0f);
      break;
  }
}

int narrow_forward(const NarrowRun *run, NarrowLayer *layers, const float *x, float *y) {
  const size_t n = run->n, w = run->width, block = n * w;
  float *z = NULL;
  if (run->xHat != NULL && (z = malloc((block > 0 ? block : 1) * sizeof(float))) == NULL) return 0;
  const float *h = x;
  for (size_t i = 0; i < run->layers; i++) {
    const NarrowLayer *l = &layers[i];
    float *a = run->acts + i * block;
    if (z == NULL) {
      linear(h, l->weight, l->bias, a, n, w);
    } else {
      linear(h, l->weight, l->bias, z, n, w);
      if (!bn_forward(z, l->gamma, l->beta, a, run->xHat + i * block, l->mean, l->variance, run->std + i * w, n, w, run->eps)) {
        free(z);
        return 0;
      }
    }
    activate(a, block, run->activation);
    h = a;
  }
  memcpy(y, h, block * sizeof(float));
  free(z);
  return 1;
}

/* dW = hᵀ·dz, dh = dz·Wᵀ (sgemm), and db = Σ_rows dz in double. */
static void layer_grads(const float *h, const float *dz, const float *weight, double *restrict acc, float *dWeight,
                        float *restrict dBias, float *dh, size_t n, size_t w) {
  gp_sgemm(true, false, (int64_t)w, (int64_t)w, (int64_t)n, h, (int64_t)w, dz, (int64_t)w, dWeight, (int64_t)w);
  gp_sgemm(false, true, (int64_t)n, (int64_t)w, (int64_t)w, dz, (int64_t)w, weight, (int64_t)w, dh, (int64_t)w);
  memset(acc, 0, w * sizeof(double));
  for (size_t r = 0; r < n; r++)
    for (size_t j = 0; j < w; j++) acc[j] += dz[r * w + j];
  for (size_t j = 0; j < w; j++) dBias[j] = (float)acc[j];
}

int narrow_backward(const NarrowRun *run, NarrowLayer *layers, const float *x, const float *dy, float *dx) {
  const size_t n = run->n, w = run->width, block = n * w;
  float *scratch = malloc((3 * block + 1) * sizeof(float));
  double *acc = malloc((w + 1) * sizeof(double));
  if (scratch == NULL || acc == NULL) {
    free(scratch);
    free(acc);
    return 0;
  }
  /* g: the gradient at the current layer's output; t: at its activation's input; dz: at its linear output. */
  float *g = scratch, *t = scratch + block, *dz = scratch + 2 * block;
  memcpy(g, dy, block * sizeof(float));
  if (run->layers == 0) memcpy(dx, dy, block * sizeof(float));
  for (size_t i = run->layers; i-- > 0;) {
    NarrowLayer *l = &layers[i];
    const float *h = i == 0 ? x : run->acts + (i - 1) * block;
    activation_grad(g, run->acts + i * block, t, block, run->activation);
    const float *grad = t;
    if (run->xHat != NULL) {
      if (!bn_backward(t, run->xHat + i * block, run->std + i * w, l->gamma, dz, l->dGamma, l->dBeta, n, w)) {
        free(scratch);
        free(acc);
        return 0;
      }
      grad = dz;
    }
    layer_grads(h, grad, l->weight, acc, l->dWeight, l->dBias, i == 0 ? dx : g, n, w);
  }
  free(scratch);
  free(acc);
  return 1;
}
