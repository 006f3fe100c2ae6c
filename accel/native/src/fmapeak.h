#ifndef GRADPROOF_FMAPEAK_H
#define GRADPROOF_FMAPEAK_H

/* One thread's multiply-add throughput in registers: the ceiling of any float32 product on this core. */
typedef struct {
  double gflops;      /* 0 when the CPU has no fused multiply-add the probe knows */
  const char *vector; /* "avx512", "avx2" or "none": the register width that reached it */
  float sink;         /* the chains' result, so they are computed */
} FmaPeak;

/* Measures `rounds` rounds of 12 chains, best of three, at each width the CPU has. */
FmaPeak fma_peak(long rounds);

#endif
