#ifndef GRADPROOF_GEMM_H
#define GRADPROOF_GEMM_H
#include <stdbool.h>
#include <stdint.h>

/* c = op(a)·op(b), row-major, float32: every product the addon computes goes through here, so
   one shape always takes one library (and one set of bits), whichever kernel asks. */
void gp_sgemm(bool transA, bool transB, int64_t m, int64_t n, int64_t k, const float *a, int64_t lda, const float *b,
              int64_t ldb, float *c, int64_t ldc);

/* The thread count of both libraries' later calls. */
void gp_gemm_set_threads(int n);

/* "openblas" or "openblas+onednn"; and the libraries' configuration, e.g. "OpenBLAS 0.3.21 … ; oneDNN 2.6.3". */
const char *gp_gemm_library(void);
const char *gp_gemm_config(void);
#endif
