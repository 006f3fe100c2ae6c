/* pthread_sigmask and sigset_t under -std=c11. */
#define _POSIX_C_SOURCE 200809L
#include "gemm.h"
#include <stdio.h>

/* Declared here rather than via cblas.h, whose location varies between BLAS packages. */
enum { CblasRowMajor = 101, CblasNoTrans = 111, CblasTrans = 112 };
extern void cblas_sgemm(int order, int transA, int transB, int m, int n, int k, float alpha, const float *a, int lda,
                        const float *b, int ldb, float beta, float *c, int ldc);
extern void openblas_set_num_threads(int n);
extern char *openblas_get_config(void);

#ifdef GRADPROOF_DNNL
#include <pthread.h>
#include <signal.h>

/* oneDNN's row-major sgemm and version (dnnl.h, declared here like cblas_sgemm). */
extern int dnnl_sgemm(char transa, char transb, int64_t m, int64_t n, int64_t k, float alpha, const float *a, int64_t lda,
                      const float *b, int64_t ldb, float beta, float *c, int64_t ldc);
extern void omp_set_num_threads(int n);
typedef struct {
  int major, minor, patch;
  const char *hash;
  unsigned cpu_runtime, gpu_runtime;
} dnnl_version_t;
extern const dnnl_version_t *dnnl_version(void);

/* Which library multiplies a product of this shape: oneDNN's JIT sgemm where it beat OpenBLAS's
   on the shapes the report's nets multiply (x·W, dy·Wᵀ and the smaller xᵀ·dy), OpenBLAS for
   tiny products (its call costs less) and for a weight gradient xᵀ·dy with a large output (the
   first layer's), where OpenBLAS was faster. A fixed rule of the shape, never a timing, so the
   same shapes always take the same library and the same bits. */
static bool use_dnnl(bool transA, int64_t m, int64_t n, int64_t k) {
  if (m * n * k < (1 << 16)) return false;
  if (transA && m * n >= (1 << 20)) return false;
  return true;
}

/* oneDNN 2.x's JIT'd sgemm kernels point rsp into a heap buffer while they run (oneDNN issue
   4845, fixed upstream in 3.11.2; Debian ships 2.6): a signal handled on this thread meanwhile
   (the V8 profiler's SIGPROF under node --cpu-prof, a handler a program installs for SIGINT,
   SIGTERM or SIGUSR2) writes its frame over malloc's bookkeeping, and the process aborts later
   or computes garbage. So every blockable signal waits, or is taken by another thread, while
   oneDNN multiplies. Its OpenMP threads are started inside such a call, so they inherit the
   full mask and never take one. spec/accel/nativeSignals.spec.ts holds this. */
static void dnnl_sgemm_masked(char transa, char transb, int64_t m, int64_t n, int64_t k, const float *a, int64_t lda,
                              const float *b, int64_t ldb, float *c, int64_t ldc) {
  sigset_t all, old;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, &old);
  dnnl_sgemm(transa, transb, m, n, k, 1.0f, a, lda, b, ldb, 0.0f, c, ldc);
  pthread_sigmask(SIG_SETMASK, &old, NULL);
}
#endif

void gp_sgemm(bool transA, bool transB, int64_t m, int64_t n, int64_t k, const float *a, int64_t lda, const float *b,
              int64_t ldb, float *c, int64_t ldc) {
#ifdef GRADPROOF_DNNL
  if (use_dnnl(transA, m, n, k)) {
    dnnl_sgemm_masked(transA ? 'T' : 'N', transB ? 'T' : 'N', m, n, k, a, lda, b, ldb, c, ldc);
    return;
  }
#endif
  cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans, (int)m, (int)n, (int)k,
              1.0f, a, (int)lda, b, (int)ldb, 0.0f, c, (int)ldc);
}

void gp_gemm_set_threads(int n) {
  openblas_set_num_threads(n);
#ifdef GRADPROOF_DNNL
  /* oneDNN's sgemm runs on OpenMP's threads: the same count. */
  omp_set_num_threads(n);
#endif
}

const char *gp_gemm_library(void) {
#ifdef GRADPROOF_DNNL
  return "openblas+onednn";
#else
  return "openblas";
#endif
}

const char *gp_gemm_config(void) {
#ifdef GRADPROOF_DNNL
  static char config[512];
  const dnnl_version_t *v = dnnl_version();
  snprintf(config, sizeof config, "%s; oneDNN %d.%d.%d", openblas_get_config(), v->major, v->minor, v->patch);
  return config;
#else
  return openblas_get_config();
#endif
}
