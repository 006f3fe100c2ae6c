/* A run of L consecutive hidden layers over n rows, forward and backward in one call each way:
   the per-layer chain linear → batch norm (optional) → activation of src/models/Mlp.ts, whose
   tfjs reference src/ops/hiddenStack.ts holds. The first layer's product h·W₀ is not part of the
   run: the caller multiplies it (as a matMul whose gradient tfjs computes only where needed, so
   the input gradient of a run starting at the net's input, a product as large as the first
   layer's forward one, is never paid for) and the run starts from it. */
#ifndef GRADPROOF_HIDDENSTACK_H
#define GRADPROOF_HIDDENSTACK_H
#include <stddef.h>

/* The activations src/models/activate.ts knows, in the order the addon's callers pass them. */
typedef enum { STACK_SIGMOID = 0, STACK_TANH = 1, STACK_RELU = 2 } StackActivation;

/* One layer's buffers. Forward reads weight (widths[i-1]×widths[i]; NULL for layer 0), bias,
   gamma, beta and writes mean, variance; backward reads weight and gamma and writes dWeight
   (NULL for layer 0), dBias, dGamma, dBeta. Batch-norm entries are NULL when the run has none. */
typedef struct {
  const float *weight, *bias, *gamma, *beta;
  float *mean, *variance;
  float *dWeight, *dBias, *dGamma, *dBeta;
} StackLayer;

/* The run's shape and the tensors saved between the passes: widths[i] is layer i's output width
   (L entries); acts holds every layer's output, layer after layer (n·Σwidths floats), xHat batch
   norm's normalised input in the same layout and std its σ (Σwidths), or NULL without it. */
typedef struct {
  size_t n, layers;
  const size_t *widths;
  StackActivation activation;
  float eps;
  float *acts, *xHat, *std;
} StackRun;

/* y (n×widths[L-1]) from z = h·W₀ (n×widths[0]); fills run->acts (and xHat, std, each layer's mean
   and variance). Returns 0 when scratch memory cannot be allocated. */
int stack_forward(const StackRun *run, StackLayer *layers, const float *z, float *y);
/* From dy (n×widths[L-1]) and the forward pass's saved tensors: dz (the gradient at z) and every
   layer's parameter gradients. Returns 0 when scratch memory cannot be allocated. */
int stack_backward(const StackRun *run, StackLayer *layers, const float *dy, float *dz);
#endif
