/* A run of L narrow hidden layers (width w ≤ NARROW_MAX_WIDTH, fan-in = fan-out) over an n×w
   row-major block, forward and backward in one call: the per-layer chain linear → batch norm
   (optional) → activation of src/models/Mlp.ts, whose tfjs reference src/ops/narrowStack.ts holds. */
#ifndef GRADPROOF_NARROWSTACK_H
#define GRADPROOF_NARROWSTACK_H
#include <stddef.h>

#define NARROW_MAX_WIDTH 64

/* The activations src/models/activate.ts knows, in the order the addon's callers pass them. */
typedef enum { NARROW_SIGMOID = 0, NARROW_TANH = 1, NARROW_RELU = 2 } NarrowActivation;

/* One layer's buffers. Forward reads weight (w×w), bias, gamma, beta and writes mean, variance;
   backward reads weight and gamma and writes dWeight, dBias, dGamma, dBeta. Batch-norm entries
   are NULL when the run has none. */
typedef struct {
  const float *weight, *bias, *gamma, *beta;
  float *mean, *variance;
  float *dWeight, *dBias, *dGamma, *dBeta;
} NarrowLayer;

/* The run's shape and the tensors saved between the passes: acts holds each layer's output
   (L×n×w), xHat and std batch norm's normalised input (L×n×w) and σ (L×w), or NULL without it. */
typedef struct {
  size_t n, width, layers;
  NarrowActivation activation;
  float eps;
  float *acts, *xHat, *std;
} NarrowRun;

/* y (n×w) from x (n×w); fills run->acts (and xHat, std, each layer's mean and variance). Returns 0
   when scratch memory cannot be allocated. */
int narrow_forward(const NarrowRun *run, NarrowLayer *layers, const float *x, float *y);
/* From dy (n×w) and the forward pass's saved tensors: dx and every layer's parameter gradients.
   Returns 0 when scratch memory cannot be allocated. */
int narrow_backward(const NarrowRun *run, NarrowLayer *layers, const float *x, const float *dy, float *dx);
#endif
