#include "narrowstack.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "batchnorm.h"
#include "tanh.h"

/* Every sum (a row's dot product over the width, a column's over the batch) accumulates in double
   in a fixed order and is rounded once, so results do not depend on threads or vector width. The
   batch-norm steps are batchnorm.c's own, the ones its fused kernels use on this path. */

/* out = h·W + b: each product rounded once to float, then the bias added in float, as the
   reference's matMul and add round. */
static void linear(const float *restrict h, const float *restrict weight, const float *restrict bias, float *restrict out,
                   size_t n, size_t w) {
  double acc[NARROW_MAX_WIDTH];
  for (size_t r = 0; r < n; r++) {
    for (size_t j = 0; j < w; j++) acc[j] = 0;
    for (size_t k = 0; k < w; k++) {
      const double hk = h[r * w + k];
      for (size_t j = 0; j < w; j++) acc[j] += hk * weight[k * w + j];
    }
    for (size_t j = 0; j < w; j++) out[r * w + j] = (float)acc[j] + bias[j];
  }
}

static void activate(float *a, size_t count, NarrowActivation activation) {
  switch (activation) {
    case NARROW_SIGMOID:
      for (size_t i = 0; i < count; i++) a[i] = (float)(1.0 / (1.0 + exp(-(double)a[i])));
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

/* dW = hᵀ·dz and db = Σ_rows dz, over the batch in row order. */
static void param_grads(const float *restrict h, const float *restrict dz, double *restrict acc, float *restrict dWeight,
                        float *restrict dBias, size_t n, size_t w) {
  memset(acc, 0, (w * w + w) * sizeof(double));
  double *restrict db = acc + w * w;
  for (size_t r = 0; r < n; r++) {
    const float *restrict dzr = dz + r * w;
    for (size_t k = 0; k < w; k++) {
      const double hk = h[r * w + k];
      for (size_t j = 0; j < w; j++) acc[k * w + j] += hk * dzr[j];
    }
    for (size_t j = 0; j < w; j++) db[j] += dzr[j];
  }
  for (size_t i = 0; i < w * w; i++) dWeight[i] = (float)acc[i];
  for (size_t j = 0; j < w; j++) dBias[j] = (float)db[j];
}

/* dh = dz·Wᵀ, through Wᵀ laid out in `wt` so the inner loop runs along contiguous rows. */
static void input_grad(const float *restrict dz, const float *restrict weight, float *restrict wt, float *restrict dh, size_t n,
                       size_t w) {
  for (size_t k = 0; k < w; k++)
    for (size_t j = 0; j < w; j++) wt[j * w + k] = weight[k * w + j];
  double acc[NARROW_MAX_WIDTH];
  for (size_t r = 0; r < n; r++) {
    for (size_t k = 0; k < w; k++) acc[k] = 0;
    for (size_t j = 0; j < w; j++) {
      const double g = dz[r * w + j];
      for (size_t k = 0; k < w; k++) acc[k] += g * wt[j * w + k];
    }
    for (size_t k = 0; k < w; k++) dh[r * w + k] = (float)acc[k];
  }
}

int narrow_backward(const NarrowRun *run, NarrowLayer *layers, const float *x, const float *dy, float *dx) {
  const size_t n = run->n, w = run->width, block = n * w;
  float *scratch = malloc((3 * block + w * w + 1) * sizeof(float));
  double *acc = malloc((w * w + w + 1) * sizeof(double));
  if (scratch == NULL || acc == NULL) {
    free(scratch);
    free(acc);
    return 0;
  }
  /* g: the gradient at the current layer's output; t: at its activation's input; dz: at its linear output. */
  float *g = scratch, *t = scratch + block, *dz = scratch + 2 * block, *wt = scratch + 3 * block;
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
    param_grads(h, grad, acc, l->dWeight, l->dBias, n, w);
    input_grad(grad, l->weight, wt, i == 0 ? dx : g, n, w);
  }
  free(scratch);
  free(acc);
  return 1;
}
