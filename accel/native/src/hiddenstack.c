#include "hiddenstack.h"
#include "floatbits.h"
#include <math.h>
#include <stdint.h>
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

static void activate(float *a, size_t count, StackActivation activation) {
  switch (activation) {
    case STACK_SIGMOID:
      sigmoid_floats(a, a, count);
      break;
    case STACK_TANH:
      tanh_floats(a, a, count);
      break;
    case STACK_RELU:
      for (size_t i = 0; i < count; i++) a[i] = a[i] > 0.0f ? a[i] : 0.0f;
      break;
  }
}

/* t = g·f'(z) written from the activation's output a = f(z), in the float steps of tfjs's
   gradients: sigmoid g·(a·(1 − a)), tanh (1 − a²)·g, relu g·step(z). */
static void activation_grad(const float *restrict g, const float *restrict a, float *restrict t, size_t count,
                            StackActivation activation) {
  switch (activation) {
    case STACK_SIGMOID:
      for (size_t i = 0; i < count; i++) t[i] = g[i] * (a[i] * (1.0f - a[i]));
      break;
    case STACK_TANH:
      for (size_t i = 0; i < count; i++) t[i] = (1.0f - a[i] * a[i]) * g[i];
      break;
    case STACK_RELU:
      /* g·1 or g·0 (not 0: a negative g gives −0, as tfjs's multiply does), both computed and
         the one kept chosen by a bit mask: a float select of an operation that might trap keeps
         GCC from vectorising the loop. */
      for (size_t i = 0; i < count; i++) {
        const uint32_t keep = 0u - (uint32_t)(a[i] > 0.0f);
        t[i] = bits_to_float((float_to_bits(g[i] * 1.0f) & keep) | (float_to_bits(g[i] * 0.0f) & ~keep));
      }
      break;
  }
}

/* Where layer i's rows start in acts and xHat (n·Σ_{j<i} widths[j]) and in std (Σ_{j<i} widths[j]). */
static size_t offset_of(const StackRun *run, size_t i) {
  size_t at = 0;
  for (size_t j = 0; j < i; j++) at += run->widths[j];
  return at;
}

static size_t widest(const StackRun *run) {
  size_t w = 1;
  for (size_t i = 0; i < run->layers; i++) w = run->widths[i] > w ? run->widths[i] : w;
  return w;
}

/* out = h·W (the product rounded to float, as the reference's matMul), then + b in float; for
   layer 0, whose product the caller made, out = z + b. */
static void linear(const float *h, const float *weight, const float *restrict bias, float *out, size_t n, size_t in,
                   size_t w) {
  if (weight != NULL) {
    gp_sgemm(false, false, (int64_t)n, (int64_t)w, (int64_t)in, h, (int64_t)in, weight, (int64_t)w, out, (int64_t)w);
    h = out;
  }
  for (size_t r = 0; r < n; r++)
    for (size_t j = 0; j < w; j++) out[r * w + j] = h[r * w + j] + bias[j];
}

int stack_forward(const StackRun *run, StackLayer *layers, const float *z0, float *y) {
  const size_t n = run->n;
  float *z = NULL;
  if (run->xHat != NULL && (z = malloc(n * widest(run) * sizeof(float))) == NULL) return 0;
  const float *h = z0;
  size_t in = 0;
  for (size_t i = 0; i < run->layers; i++) {
    const StackLayer *l = &layers[i];
    const size_t w = run->widths[i], at = offset_of(run, i);
    float *a = run->acts + n * at;
    if (z == NULL) {
      linear(h, l->weight, l->bias, a, n, in, w);
    } else {
      linear(h, l->weight, l->bias, z, n, in, w);
      if (!bn_forward(z, l->gamma, l->beta, a, run->xHat + n * at, l->mean, l->variance, run->std + at, n, w, run->eps)) {
        free(z);
        return 0;
      }
    }
    activate(a, n * w, run->activation);
    h = a;
    in = w;
  }
  memcpy(y, h, n * in * sizeof(float));
  free(z);
  return 1;
}

/* db = Σ_rows dz in double; for a layer with a weight, dW = hᵀ·dz and dh = dz·Wᵀ (sgemm), as the
   reference's matMul gradient calls them. */
static void layer_grads(const float *h, const float *dz, const float *weight, double *restrict acc, float *dWeight,
                        float *restrict dBias, float *dh, size_t n, size_t in, size_t w) {
  if (weight != NULL) {
    gp_sgemm(true, false, (int64_t)in, (int64_t)w, (int64_t)n, h, (int64_t)in, dz, (int64_t)w, dWeight, (int64_t)w);
    gp_sgemm(false, true, (int64_t)n, (int64_t)in, (int64_t)w, dz, (int64_t)w, weight, (int64_t)w, dh, (int64_t)in);
  }
  memset(acc, 0, w * sizeof(double));
  for (size_t r = 0; r < n; r++)
    for (size_t j = 0; j < w; j++) acc[j] += dz[r * w + j];
  for (size_t j = 0; j < w; j++) dBias[j] = (float)acc[j];
}

int stack_backward(const StackRun *run, StackLayer *layers, const float *dy, float *dz0) {
  const size_t n = run->n, wide = widest(run), block = n * wide;
  float *scratch = malloc((4 * block + 1) * sizeof(float));
  double *acc = malloc((wide + 1) * sizeof(double));
  if (scratch == NULL || acc == NULL) {
    free(scratch);
    free(acc);
    return 0;
  }
  /* g: the gradient at the current layer's output; t: at its activation's input; dz: at its
     linear output; the layer's dh goes to the fourth block, then becomes the next g. */
  float *g = scratch, *t = scratch + block, *dz = scratch + 2 * block, *dh = scratch + 3 * block;
  if (run->layers > 0) memcpy(g, dy, n * run->widths[run->layers - 1] * sizeof(float));
  for (size_t i = run->layers; i-- > 0;) {
    StackLayer *l = &layers[i];
    const size_t w = run->widths[i], at = offset_of(run, i), in = i == 0 ? 0 : run->widths[i - 1];
    activation_grad(g, run->acts + n * at, t, n * w, run->activation);
    const float *grad = t;
    if (run->xHat != NULL) {
      if (!bn_backward(t, run->xHat + n * at, run->std + at, l->gamma, dz, l->dGamma, l->dBeta, n, w)) {
        free(scratch);
        free(acc);
        return 0;
      }
      grad = dz;
    }
    const float *h = i == 0 ? NULL : run->acts + n * offset_of(run, i - 1);
    layer_grads(h, grad, i == 0 ? NULL : l->weight, acc, l->dWeight, l->dBias, dh, n, in, w);
    if (i == 0) {
      memcpy(dz0, grad, n * w * sizeof(float));
    } else {
      float *swap = g;
      g = dh;
      dh = swap;
    }
  }
  free(scratch);
  free(acc);
  return 1;
}
