/* tanh over float32 arrays, vectorised, correctly rounded in every case tested. */
#ifndef GRADPROOF_TANH_H
#define GRADPROOF_TANH_H
#include <stddef.h>

/* out[i] = tanh(in[i]); in and out may be the same array. */
void tanh_floats(const float *in, float *out, size_t n);
#endif
