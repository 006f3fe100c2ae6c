/*
 * gradproof's native kernels for the tfjs wasm backend: sgemm (gemm.c), a one-pass Adam update
 * and fused training kernels (batch norm, runs of hidden layers), all working in place on the
 * wasm heap (offsets are byte offsets into it), so no tensor data is copied between JavaScript,
 * wasm and C.
 */
#include <node_api.h>
#include <pthread.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include "adam.h"
#include "batchnorm.h"
#include "fmapeak.h"
#include "gemm.h"
#include "heap.h"
#include "hiddenstack.h"
#include "pixels.h"
#include "sigmoid.h"
#include "tanh.h"

/* Declared here rather than via OpenBLAS's headers, whose location varies between packages. */
extern int openblas_get_num_threads(void);
extern char *openblas_get_corename(void);

#define MAX_DIM 0x7fffffff


/* sgemm(heap, transA, transB, m, n, k, a, b, c, batch, strideA, strideB): c[i] = op(a[i])·op(b[i]), row-major,
   strides in floats (0 broadcasts an operand). */
static napi_value Sgemm(napi_env env, napi_callback_info info) {
  Call call;
  if (!call_begin(env, info, 12, &call)) return NULL;
  bool transA = false, transB = false;
  napi_get_value_bool(env, call.argv[1], &transA);
  napi_get_value_bool(env, call.argv[2], &transB);
  int ok = 1;
  int64_t m = arg_int(&call, 3, &ok), n = arg_int(&call, 4, &ok), k = arg_int(&call, 5, &ok);
  int64_t batch = arg_int(&call, 9, &ok), strideA = arg_int(&call, 10, &ok), strideB = arg_int(&call, 11, &ok);
  if (!ok) return NULL;
  if (m > MAX_DIM || n > MAX_DIM || k > MAX_DIM || batch < 1) {
    napi_throw_range_error(env, NULL, "gradproof_native.sgemm: dimensions out of range");
    return NULL;
  }
  float *a = arg_floats(&call, 6, strideA * (batch - 1) + m * k);
  float *b = a ? arg_floats(&call, 7, strideB * (batch - 1) + k * n) : NULL;
  float *c = b ? arg_floats(&call, 8, batch * m * n) : NULL;
  if (c == NULL) return NULL;
  if (k == 0) {
    memset(c, 0, (size_t)(batch * m * n) * sizeof(float));
    return NULL;
  }
  for (int64_t i = 0; i < batch; i++)
    gp_sgemm(transA, transB, m, n, k, a + i * strideA, transA ? m : k, b + i * strideB, transB ? k : n, c + i * m * n, n);
  return NULL;
}

/* c[r][j] += bias[j] (when bias is not NULL), then max(c, 0) when relu; restrict (bias never lies in c) lets it vectorise. */
static void bias_relu(float *restrict c, const float *restrict bias, int64_t rows, int64_t cols, bool relu) {
  for (int64_t r = 0; r < rows; r++) {
    float *restrict row = c + r * cols;
    if (bias != NULL)
      for (int64_t j = 0; j < cols; j++) row[j] = row[j] + bias[j];
    if (relu)
      for (int64_t j = 0; j < cols; j++) row[j] = row[j] > 0.0f ? row[j] : 0.0f;
  }
}

/* Σ of n floats in double, four interleaved partial sums (vectorisable, fixed order). */
static double sum_row(const float *restrict x, int64_t n) {
  double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
  int64_t i = 0;
  for (; i + 4 <= n; i += 4) {
    a0 += x[i];
    a1 += x[i + 1];
    a2 += x[i + 2];
    a3 += x[i + 3];
  }
  for (; i < n; i++) a0 += x[i];
  return (a0 + a1) + (a2 + a3);
}

/* acc[k] += x[i][k] over all rows, row by row. */
static void sum_columns(const float *restrict x, double *restrict acc, int64_t rows, int64_t cols) {
  for (int64_t i = 0; i < rows; i++) {
    const float *restrict row = x + i * cols;
    for (int64_t k = 0; k < cols; k++) acc[k] += row[k];
  }
}

/* biasRelu(heap, c, rows, cols, bias, relu): c[r][j] += bias[j] (bias 0 = none), then max(c, 0) when relu. */
static napi_value BiasRelu(napi_env env, napi_callback_info info) {
  Call call;
  if (!call_begin(env, info, 6, &call)) return NULL;
  int ok = 1;
  int64_t rows = arg_int(&call, 2, &ok), cols = arg_int(&call, 3, &ok), biasOffset = arg_int(&call, 4, &ok);
  bool relu = false;
  napi_get_value_bool(env, call.argv[5], &relu);
  if (!ok) return NULL;
  float *c = arg_floats(&call, 1, rows * cols);
  float *bias = biasOffset == 0 ? NULL : arg_floats(&call, 4, cols);
  if (c == NULL || (biasOffset != 0 && bias == NULL)) return NULL;
  bias_relu(c, bias, rows, cols, relu);
  return NULL;
}

/* sum(heap, x, out, outer, inner, leading): leading = 0 sums each row of an outer×inner block
   (out[i] = Σ_k x[i][k]); leading = 1 sums each column (out[k] = Σ_i x[i][k]). Accumulates in
   double, in a fixed order, so results are deterministic and at least as accurate as float32 sums. */
static napi_value Sum(napi_env env, napi_callback_info info) {
  Call call;
  if (!call_begin(env, info, 6, &call)) return NULL;
  int ok = 1;
  int64_t outer = arg_int(&call, 3, &ok), inner = arg_int(&call, 4, &ok);
  bool leading = false;
  napi_get_value_bool(env, call.argv[5], &leading);
  if (!ok) return NULL;
  const float *x = arg_floats(&call, 1, outer * inner);
  float *out = x ? arg_floats(&call, 2, leading ? inner : outer) : NULL;
  if (out == NULL) return NULL;
  if (leading) {
    double *acc = calloc((size_t)(inner > 0 ? inner : 1), sizeof(double));
    if (acc == NULL) {
      napi_throw_error(env, NULL, "gradproof_native.sum: out of memory");
      return NULL;
    }
    sum_columns(x, acc, outer, inner);
    for (int64_t k = 0; k < inner; k++) out[k] = (float)acc[k];
    free(acc);
  } else {
    for (int64_t i = 0; i < outer; i++) out[i] = (float)sum_row(x + i * inner, inner);
  }
  return NULL;
}

/* Σ x² of n floats in double, four interleaved partial sums (vectorisable, fixed order). */
static double sum_squares(const float *restrict x, int64_t n) {
  double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
  int64_t i = 0;
  for (; i + 4 <= n; i += 4) {
    const double x0 = x[i], x1 = x[i + 1], x2 = x[i + 2], x3 = x[i + 3];
    a0 += x0 * x0;
    a1 += x1 * x1;
    a2 += x2 * x2;
    a3 += x3 * x3;
  }
  for (; i < n; i++) a0 += (double)x[i] * x[i];
  return (a0 + a1) + (a2 + a3);
}

/* sumSquares(heap, x, n) → Σ x[i]² over n floats, squared and accumulated in double. */
static napi_value SumSquares(napi_env env, napi_callback_info info) {
  Call call;
  if (!call_begin(env, info, 3, &call)) return NULL;
  int ok = 1;
  int64_t n = arg_int(&call, 2, &ok);
  if (!ok) return NULL;
  const float *x = arg_floats(&call, 1, n);
  if (x == NULL) return NULL;
  napi_value result;
  napi_create_double(env, sum_squares(x, n), &result);
  return result;
}

/* gatherPixels(heap, out, images, features, examples, lut): out[r][f] = lut[images[examples[r]·features + f]],
   the batch's network input written straight onto the heap. */
static napi_value GatherPixels(napi_env env, napi_callback_info info) {
  Call call;
  if (!call_begin(env, info, 6, &call)) return NULL;
  int ok = 1;
  int64_t features = arg_int(&call, 3, &ok);
  if (!ok) return NULL;
  const uint8_t *images = NULL;
  const uint32_t *examples = NULL;
  const float *lut = NULL;
  size_t imageCount = 0, rows = 0, lutCount = 0;
  if (!typed_array(&call, 2, napi_uint8_array, (void **)&images, &imageCount) ||
      !typed_array(&call, 4, napi_uint32_array, (void **)&examples, &rows) ||
      !typed_array(&call, 5, napi_float32_array, (void **)&lut, &lutCount))
    return NULL;
  if (lutCount != 256) {
    napi_throw_range_error(env, NULL, "gradproof_native.gatherPixels: the lookup table must hold 256 floats");
    return NULL;
  }
  float *out = arg_floats(&call, 1, (int64_t)rows * features);
  if (out == NULL) return NULL;
  for (size_t r = 0; r < rows; r++) {
    if ((uint64_t)examples[r] * (uint64_t)features + (uint64_t)features > imageCount) {
      char msg[128];
      snprintf(msg, sizeof msg, "gradproof_native.gatherPixels: example %u lies outside %zu images of %lld bytes",
               examples[r], features > 0 ? imageCount / (size_t)features : 0, (long long)features);
      napi_throw_range_error(env, NULL, msg);
      return NULL;
    }
  }
  gather_pixels(out, images, examples, rows, (size_t)features, lut);
  return NULL;
}

/* f(heap, x, out, n): out[i] = f(x[i]) for an elementwise kernel f (x and out may be the same floats). */
static napi_value elementwise(napi_env env, napi_callback_info info, void (*f)(const float *, float *, size_t)) {
  Call call;
  if (!call_begin(env, info, 4, &call)) return NULL;
  int ok = 1;
  int64_t n = arg_int(&call, 3, &ok);
  if (!ok) return NULL;
  const float *x = arg_floats(&call, 1, n);
  float *out = x ? arg_floats(&call, 2, n) : NULL;
  if (out == NULL) return NULL;
  f(x, out, (size_t)n);
  return NULL;
}

/* tanh(heap, x, out, n): out[i] = tanh(x[i]), see tanh.c. */
static napi_value Tanh(napi_env env, napi_callback_info info) { return elementwise(env, info, tanh_floats); }

/* sigmoid(heap, x, out, n): out[i] = σ(x[i]) with the bits of tfjs's wasm Sigmoid kernel, see sigmoid.c. */
static napi_value Sigmoid(napi_env env, napi_callback_info info) { return elementwise(env, info, sigmoid_floats); }

/* bnForward(heap, x, gamma, beta, y, xHat, mean, variance, std, n, c, eps): batch norm's training pass. */
static napi_value BnForward(napi_env env, napi_callback_info info) {
  Call call;
  if (!call_begin(env, info, 12, &call)) return NULL;
  int ok = 1;
  int64_t n = arg_int(&call, 9, &ok), c = arg_int(&call, 10, &ok);
  double eps = arg_num(&call, 11, &ok);
  if (!ok) return NULL;
  const int64_t sizes[8] = {n * c, c, c, n * c, n * c, c, c, c};
  float *p[8];
  if (!arg_float_list(&call, 1, 8, sizes, p)) return NULL;
  if (!bn_forward(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], (size_t)n, (size_t)c, (float)eps))
    napi_throw_error(env, NULL, "gradproof_native.bnForward: out of memory");
  return NULL;
}

/* bnBackward(heap, dy, xHat, std, gamma, dx, dGamma, dBeta, n, c): gradients of the training pass. */
static napi_value BnBackward(napi_env env, napi_callback_info info) {
  Call call;
  if (!call_begin(env, info, 10, &call)) return NULL;
  int ok = 1;
  int64_t n = arg_int(&call, 8, &ok), c = arg_int(&call, 9, &ok);
  if (!ok) return NULL;
  const int64_t sizes[7] = {n * c, n * c, c, c, n * c, c, c};
  float *p[7];
  if (!arg_float_list(&call, 1, 7, sizes, p)) return NULL;
  if (!bn_backward(p[0], p[1], p[2], p[3], p[4], p[5], p[6], (size_t)n, (size_t)c))
    napi_throw_error(env, NULL, "gradproof_native.bnBackward: out of memory");
  return NULL;
}

/* The shape arguments shared by stackForward and stackBackward (argv[2..5]: n, widths, activation,
   batchNorm) and their offset list (argv[1], a Uint32Array of `fixed` + 6·layers byte offsets); the
   widths are copied to `widths` (a malloc'd array for the caller to free). 0 (and throws) when any
   is out of range. */
static int stack_call(Call *call, const char *api, size_t fixed, StackRun *run, size_t **widths, bool *batchNorm,
                      const uint32_t **at) {
  int ok = 1;
  int64_t n = arg_int(call, 2, &ok), act = arg_int(call, 4, &ok);
  if (!ok) return 0;
  napi_get_value_bool(call->env, call->argv[5], batchNorm);
  const uint32_t *ws = NULL;
  size_t layers = 0, count = 0;
  if (!typed_array(call, 3, napi_uint32_array, (void **)&ws, &layers)) return 0;
  char msg[192];
  int64_t total = 0;
  bool empty = false;
  for (size_t i = 0; i < layers; i++) total += ws[i], empty |= ws[i] == 0;
  if (n > MAX_DIM || layers < 1 || layers > 4096 || empty || total > MAX_DIM || act > STACK_RELU) {
    snprintf(msg, sizeof msg,
             "gradproof_native.%s: expects 1..4096 layer widths, each at least 1, activation 0..2, got n %lld, %zu widths, "
             "activation %lld",
             api, (long long)n, layers, (long long)act);
    napi_throw_range_error(call->env, NULL, msg);
    return 0;
  }
  if (!typed_array(call, 1, napi_uint32_array, (void **)at, &count)) return 0;
  if (count != fixed + 6 * layers) {
    snprintf(msg, sizeof msg, "gradproof_native.%s: expects %zu offsets for %zu layers, got %zu", api, fixed + 6 * layers, layers, count);
    napi_throw_range_error(call->env, NULL, msg);
    return 0;
  }
  if ((*widths = malloc(layers * sizeof **widths)) == NULL) {
    snprintf(msg, sizeof msg, "gradproof_native.%s: out of memory", api);
    napi_throw_error(call->env, NULL, msg);
    return 0;
  }
  for (size_t i = 0; i < layers; i++) (*widths)[i] = ws[i];
  *run = (StackRun){(size_t)n, layers, *widths, (StackActivation)act, 0.0f, NULL, NULL, NULL};
  return 1;
}

/* Pointers for offsets at[first..first+count) with sizes[i] floats each (a size of 0 skips the
   entry, leaving NULL); 0 (and throws) at the first bad one. */
static int stack_floats(Call *call, const char *api, const uint32_t *at, size_t first, size_t count, const int64_t *sizes,
                        float **out) {
  for (size_t i = 0; i < count; i++) {
    out[i] = NULL;
    if (sizes[i] > 0 && (out[i] = heap_floats(call, at[first + i], sizes[i], api, first + i)) == NULL) return 0;
  }
  return 1;
}

/* Each layer's six tensors, at offsets at[first + 6i ..]: a forward pass's (weight, bias, gamma,
   beta, mean, variance) or a backward pass's (weight, gamma, dWeight, dBias, dGamma, dBeta), of the
   sizes layer i's widths give (no weight or dWeight for layer 0, no batch-norm entries without
   it). A calloc'd array for the caller to free, or NULL after throwing. */
static StackLayer *stack_layers(Call *call, const char *api, const uint32_t *at, size_t first, const StackRun *run, bool bn,
                                bool forward) {
  StackLayer *layers = calloc(run->layers, sizeof *layers);
  if (layers == NULL) {
    char msg[64];
    snprintf(msg, sizeof msg, "gradproof_native.%s: out of memory", api);
    napi_throw_error(call->env, NULL, msg);
    return NULL;
  }
  for (size_t i = 0; i < run->layers; i++) {
    const int64_t w = (int64_t)run->widths[i], product = i == 0 ? 0 : (int64_t)run->widths[i - 1] * w, norm = bn ? w : 0;
    const int64_t sizes[6] = {product, forward ? w : norm, forward ? norm : product, forward ? norm : w, norm, norm};
    float *p[6];
    if (!stack_floats(call, api, at, first + 6 * i, 6, sizes, p)) {
      free(layers);
      return NULL;
    }
    layers[i] = forward ? (StackLayer){p[0], p[1], p[2], p[3], p[4], p[5], NULL, NULL, NULL, NULL}
                        : (StackLayer){p[0], NULL, p[1], NULL, NULL, NULL, p[2], p[3], p[4], p[5]};
  }
  return layers;
}

/* The floats one row of every layer's output takes together: Σ widths. */
static int64_t stack_total(const StackRun *run) {
  int64_t total = 0;
  for (size_t i = 0; i < run->layers; i++) total += (int64_t)run->widths[i];
  return total;
}

/* stackForward(heap, at, n, widths, activation, batchNorm, eps), at = [z, y, acts, xHat, std, then
   per layer weight, bias, gamma, beta, mean, variance]; stackBackward(heap, at, n, widths,
   activation, batchNorm), at = [dy, acts, xHat, std, dz, then per layer weight, gamma, dWeight,
   dBias, dGamma, dBeta] (see hiddenstack.h). One body: the passes differ in their arguments'
   order and in which stack_* function runs. */
static napi_value stack_pass(napi_env env, napi_callback_info info, bool forward) {
  const char *api = forward ? "stackForward" : "stackBackward";
  Call call;
  StackRun run;
  size_t *widths = NULL;
  bool bn = false;
  const uint32_t *at = NULL;
  if (!call_begin(env, info, forward ? 7 : 6, &call) || !stack_call(&call, api, 5, &run, &widths, &bn, &at)) return NULL;
  int ok = 1;
  if (forward) run.eps = (float)arg_num(&call, 6, &ok);
  const int64_t n = (int64_t)run.n, total = stack_total(&run);
  const int64_t first = n * (int64_t)widths[0], last = n * (int64_t)widths[run.layers - 1];
  const int64_t saved[3] = {n * total, bn ? n * total : 0, bn ? total : 0}; /* acts, xHat, std */
  const int64_t sizes[5] = {forward ? first : last, forward ? last : saved[0], forward ? saved[0] : saved[1],
                            forward ? saved[1] : saved[2], forward ? saved[2] : first};
  const int acts = forward ? 2 : 1;
  float *io[5];
  StackLayer *layers = NULL;
  if (ok && stack_floats(&call, api, at, 0, 5, sizes, io)) {
    run.acts = io[acts], run.xHat = io[acts + 1], run.std = io[acts + 2];
    layers = stack_layers(&call, api, at, 5, &run, bn, forward);
    if (layers != NULL && !(forward ? stack_forward(&run, layers, io[0], io[1]) : stack_backward(&run, layers, io[0], io[4]))) {
      char msg[64];
      snprintf(msg, sizeof msg, "gradproof_native.%s: out of memory", api);
      napi_throw_error(env, NULL, msg);
    }
  }
  free(layers);
  free(widths);
  return NULL;
}

static napi_value StackForward(napi_env env, napi_callback_info info) { return stack_pass(env, info, true); }

static napi_value StackBackward(napi_env env, napi_callback_info info) { return stack_pass(env, info, false); }

/* adam(heap, p, g, m, v, pOut, mOut, vOut, n, beta1, 1-beta1, beta2, 1-beta2, bc2Sqrt, eps, stepSize). */
static napi_value Adam(napi_env env, napi_callback_info info) {
  Call call;
  if (!call_begin(env, info, 16, &call)) return NULL;
  int ok = 1;
  int64_t n = arg_int(&call, 8, &ok);
  double s[7];
  for (int i = 0; i < 7; i++) s[i] = arg_num(&call, 9 + (size_t)i, &ok);
  if (!ok) return NULL;
  float *ptr[7];
  for (int i = 0; i < 7; i++) {
    ptr[i] = arg_floats(&call, 1 + (size_t)i, n);
    if (ptr[i] == NULL) return NULL;
  }
  AdamScalars scalars = {(float)s[0], (float)s[1], (float)s[2], (float)s[3], (float)s[4], (float)s[5], (float)s[6]};
  adam_step(ptr[0], ptr[1], ptr[2], ptr[3], ptr[4], ptr[5], ptr[6], (size_t)n, &scalars);
  return NULL;
}

/* The one argument of a call that takes a positive integer, or 0 after throwing `message`. */
static int64_t positive_argument(napi_env env, napi_callback_info info, const char *message) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  int64_t value = 0;
  if (argc < 1 || napi_get_value_int64(env, argv[0], &value) != napi_ok || value < 1) {
    napi_throw_range_error(env, NULL, message);
    return 0;
  }
  return value;
}

/* OpenBLAS has one thread count for the whole process, while each worker thread of a Node
   process loads the addon afresh (its own env) and sets a count for its own products. Two envs
   asking for different counts would each multiply with whichever was set last, and their run
   records would name the wrong count (and so promise the wrong bits). So a count is claimed per
   env, and an env may not set one that differs from another live env's claim. */
static pthread_mutex_t threads_lock = PTHREAD_MUTEX_INITIALIZER;
static int threads_claims = 0; /* live envs holding a claim */
static int threads_claimed = 0; /* the count they hold */

/* An env's claim: the count it set, 0 for none. Freed, and released, when the env goes. */
typedef struct {
  int count;
} ThreadsClaim;

static void release_claim(ThreadsClaim *claim) {
  pthread_mutex_lock(&threads_lock);
  if (claim->count > 0) threads_claims--;
  claim->count = 0;
  pthread_mutex_unlock(&threads_lock);
}

static void finalize_claim(napi_env env, void *data, void *hint) {
  (void)env, (void)hint;
  release_claim(data);
  free(data);
}

static ThreadsClaim *claim_of(napi_env env) {
  ThreadsClaim *claim = NULL;
  if (napi_get_instance_data(env, (void **)&claim) == napi_ok && claim != NULL) return claim;
  claim = calloc(1, sizeof *claim);
  if (claim != NULL && napi_set_instance_data(env, claim, finalize_claim, NULL) != napi_ok) {
    free(claim);
    claim = NULL;
  }
  return claim;
}

/* setThreads(n): OpenBLAS's thread count for this env's later calls (see the claims above). */
static napi_value SetThreads(napi_env env, napi_callback_info info) {
  const int64_t n = positive_argument(env, info, "gradproof_native.setThreads: expected a positive integer");
  if (n == 0) return NULL;
  char msg[320];
  if (n > 4096) {
    snprintf(msg, sizeof msg, "gradproof_native.setThreads: at most 4096 threads, got %lld", (long long)n);
    napi_throw_range_error(env, NULL, msg);
    return NULL;
  }
  ThreadsClaim *claim = claim_of(env);
  if (claim == NULL) {
    napi_throw_error(env, NULL, "gradproof_native.setThreads: out of memory");
    return NULL;
  }
  pthread_mutex_lock(&threads_lock);
  const int others = threads_claims - (claim->count > 0 ? 1 : 0);
  if (others > 0 && threads_claimed != (int)n) {
    const int held = threads_claimed;
    pthread_mutex_unlock(&threads_lock);
    snprintf(msg, sizeof msg,
             "gradproof_native.setThreads: OpenBLAS has one thread count per process, and another thread of this process "
             "multiplies with %d; got %lld. Ask for %d here too, or run each in a process of its own (vitest's forks pool)",
             held, (long long)n, held);
    napi_throw_range_error(env, NULL, msg);
    return NULL;
  }
  if (claim->count == 0) threads_claims++;
  claim->count = (int)n;
  threads_claimed = (int)n;
  gp_gemm_set_threads((int)n);
  pthread_mutex_unlock(&threads_lock);
  return NULL;
}

/* releaseThreads(): gives up this env's claim (it no longer multiplies in the addon). */
static napi_value ReleaseThreads(napi_env env, napi_callback_info info) {
  (void)info;
  ThreadsClaim *claim = NULL;
  if (napi_get_instance_data(env, (void **)&claim) == napi_ok && claim != NULL) release_claim(claim);
  return NULL;
}

static void set_string(napi_env env, napi_value obj, const char *key, const char *value) {
  napi_value v;
  napi_create_string_utf8(env, value != NULL ? value : "", NAPI_AUTO_LENGTH, &v);
  napi_set_named_property(env, obj, key, v);
}

/* fmaPeak(rounds): { gflops, vector }, one thread's multiply-add throughput in registers (fmapeak.c). */
static napi_value FmaPeakProbe(napi_env env, napi_callback_info info) {
  const int64_t rounds = positive_argument(env, info, "gradproof_native.fmaPeak: expected a positive number of rounds");
  if (rounds == 0) return NULL;
  const FmaPeak peak = fma_peak((long)rounds);
  napi_value obj, gflops;
  napi_create_object(env, &obj);
  napi_create_double(env, peak.gflops, &gflops);
  napi_set_named_property(env, obj, "gflops", gflops);
  set_string(env, obj, "vector", peak.vector);
  return obj;
}

/* info(): { library, config, core, threads }. */
static napi_value Info(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value obj, threads;
  napi_create_object(env, &obj);
  set_string(env, obj, "library", gp_gemm_library());
  set_string(env, obj, "config", gp_gemm_config());
  set_string(env, obj, "core", openblas_get_corename());
  napi_create_int32(env, openblas_get_num_threads(), &threads);
  napi_set_named_property(env, obj, "threads", threads);
  return obj;
}

static napi_value Init(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
      {"sgemm", NULL, Sgemm, NULL, NULL, NULL, napi_default, NULL},
      {"biasRelu", NULL, BiasRelu, NULL, NULL, NULL, napi_default, NULL},
      {"adam", NULL, Adam, NULL, NULL, NULL, napi_default, NULL},
      {"sum", NULL, Sum, NULL, NULL, NULL, napi_default, NULL},
      {"sumSquares", NULL, SumSquares, NULL, NULL, NULL, napi_default, NULL},
      {"gatherPixels", NULL, GatherPixels, NULL, NULL, NULL, napi_default, NULL},
      {"tanh", NULL, Tanh, NULL, NULL, NULL, napi_default, NULL},
      {"sigmoid", NULL, Sigmoid, NULL, NULL, NULL, napi_default, NULL},
      {"bnForward", NULL, BnForward, NULL, NULL, NULL, napi_default, NULL},
      {"bnBackward", NULL, BnBackward, NULL, NULL, NULL, napi_default, NULL},
      {"stackForward", NULL, StackForward, NULL, NULL, NULL, napi_default, NULL},
      {"stackBackward", NULL, StackBackward, NULL, NULL, NULL, napi_default, NULL},
      {"setThreads", NULL, SetThreads, NULL, NULL, NULL, napi_default, NULL},
      {"releaseThreads", NULL, ReleaseThreads, NULL, NULL, NULL, napi_default, NULL},
      {"info", NULL, Info, NULL, NULL, NULL, napi_default, NULL},
      {"fmaPeak", NULL, FmaPeakProbe, NULL, NULL, NULL, napi_default, NULL},
  };
  napi_define_properties(env, exports, sizeof props / sizeof props[0], props);
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
