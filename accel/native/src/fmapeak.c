/* clock_gettime under -std=c11. */
#define _POSIX_C_SOURCE 200809L
#include "fmapeak.h"
#include <time.h>

__attribute__((unused)) static double now_seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

#if defined(__x86_64__)
#include <immintrin.h>

/* CHAINS independent chains of fused multiply-adds, more than any core needs to hide their
   latency (latency × units: 8 on current cores), yet with x and y few enough to stay in the 16
   registers AVX2 has (more would spill to memory and measure the stores).
   Distinct starting values, and the multiplier passed through an empty asm each round, keep the
   compiler from merging the chains or folding the loop. Returns seconds; *sink keeps the result live. */
#define CHAINS 12
#define PROBE(NAME, TARGET, VEC, SET1, FMA, ADD, STORE, LANES)                                    \
  __attribute__((target(TARGET))) static double NAME(long rounds, float *sink) {                  \
    VEC acc[CHAINS];                                                                              \
    for (int i = 0; i < CHAINS; i++) acc[i] = SET1(1.0f + 0.01f * (float)i);                      \
    VEC x = SET1(0.9999999f), y = SET1(1e-7f);                                                    \
    const double start = now_seconds();                                                           \
    for (long r = 0; r < rounds; r++) {                                                           \
      for (int i = 0; i < CHAINS; i++) acc[i] = FMA(acc[i], x, y);                                \
      __asm__ volatile("" : "+v"(x), "+v"(y));                                                    \
    }                                                                                             \
    const double seconds = now_seconds() - start;                                                 \
    for (int i = 1; i < CHAINS; i++) acc[0] = ADD(acc[0], acc[i]);                                \
    float lanes[LANES];                                                                           \
    STORE(lanes, acc[0]);                                                                         \
    *sink += lanes[0];                                                                            \
    return seconds;                                                                               \
  }

PROBE(probe512, "avx512f", __m512, _mm512_set1_ps, _mm512_fmadd_ps, _mm512_add_ps, _mm512_storeu_ps, 16)
PROBE(probe256, "avx2,fma", __m256, _mm256_set1_ps, _mm256_fmadd_ps, _mm256_add_ps, _mm256_storeu_ps, 8)

/* GFLOP/s of the best of three runs of `rounds` rounds: 2 flops a lane a multiply-add. */
static double best_gflops(double (*probe)(long, float *), long rounds, int lanes, float *sink) {
  double best = 0;
  for (int run = 0; run < 3; run++) {
    const double seconds = probe(rounds, sink);
    const double gflops = seconds > 0 ? 2.0 * lanes * CHAINS * (double)rounds / seconds / 1e9 : 0;
    if (gflops > best) best = gflops;
  }
  return best;
}

#endif

FmaPeak fma_peak(long rounds) {
  FmaPeak peak = {0, "none", 0};
#if defined(__x86_64__)
  float sink = 0;
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
    peak.gflops = best_gflops(probe256, rounds, 8, &sink);
    peak.vector = "avx2";
  }
  /* 512-bit registers double the peak only where the core has 512-bit multiply-add units; some
     split them into two 256-bit halves, so both widths are measured and the faster one reported. */
  if (__builtin_cpu_supports("avx512f")) {
    const double wide = best_gflops(probe512, rounds, 16, &sink);
    if (wide > peak.gflops * 1.05) {
      peak.gflops = wide;
      peak.vector = "avx512";
    }
  }
  peak.sink = sink;
#else
  (void)rounds;
#endif
  return peak;
}
