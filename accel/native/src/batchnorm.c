#include "batchnorm.h"
#include <math.h>
#include <stdlib.h>

int bn_forward(const float *restrict x, const float *restrict gamma, const float *restrict beta, float *restrict y,
               float *restrict xHat, float *restrict mean, float *restrict variance, float *restrict std, size_t n, size_t c,
               float eps) {
  double *sum = calloc(c > 0 ? c : 1, sizeof(double));
  if (sum == NULL) return 0;
  for (size_t r = 0; r < n; r++)
    for (size_t j = 0; j < c; j++) sum[j] += x[r * c + j];
  for (size_t j = 0; j < c; j++) {
    mean[j] = (float)(sum[j] / (double)n);
    sum[j] = 0;
  }
  for (size_t r = 0; r < n; r++)
    for (size_t j = 0; j < c; j++) {
      const double d = (double)x[r * c + j] - (double)mean[j];
      sum[j] += d * d;
    }
  for (size_t j = 0; j < c; j++) {
    variance[j] = (float)(sum[j] / (double)n);
    std[j] = (float)sqrt((double)(variance[j] + eps));
  }
  free(sum);
  for (size_t r = 0; r < n; r++)
    for (size_t j = 0; j < c; j++) {
      const size_t i = r * c + j;
      const float h = (x[i] - mean[j]) / std[j];
      xHat[i] = h;
      y[i] = h * gamma[j] + beta[j];
    }
  return 1;
}

int bn_backward(const float *restrict dy, const float *restrict xHat, const float *restrict std, const float *restrict gamma,
                float *restrict dx, float *restrict dGamma, float *restrict dBeta, size_t n, size_t c) {
  double *acc = calloc(4 * (c > 0 ? c : 1), sizeof(double));
  float *means = malloc(2 * (c > 0 ? c : 1) * sizeof(float));
  if (acc == NULL || means == NULL) {
    free(acc);
    free(means);
    return 0;
  }
  double *sumG = acc, *sumGx = acc + c, *sumDy = acc + 2 * c, *sumDyX = acc + 3 * c;
  for (size_t r = 0; r < n; r++)
    for (size_t j = 0; j < c; j++) {
      const size_t i = r * c + j;
      const float g = dy[i] * gamma[j];
      sumG[j] += g;
      sumGx[j] += (float)(g * xHat[i]);
      sumDy[j] += dy[i];
      sumDyX[j] += (float)(dy[i] * xHat[i]);
    }
  float *meanG = means, *meanGx = means + c;
  for (size_t j = 0; j < c; j++) {
    meanG[j] = (float)(sumG[j] / (double)n);
    meanGx[j] = (float)(sumGx[j] / (double)n);
    dGamma[j] = (float)sumDyX[j];
    dBeta[j] = (float)sumDy[j];
  }
  for (size_t r = 0; r < n; r++)
    for (size_t j = 0; j < c; j++) {
      const size_t i = r * c + j;
      const float g = dy[i] * gamma[j];
      dx[i] = ((g - meanG[j]) - xHat[i] * meanGx[j]) / std[j];
    }
  free(acc);
  free(means);
  return 1;
}
