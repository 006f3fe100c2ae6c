#ifndef GRADPROOF_SIGMOID_H
#define GRADPROOF_SIGMOID_H
#include <stddef.h>

/* out[i] = sigmoid(in[i]) over n floats with the bits of tfjs's wasm Sigmoid kernel (in may be out). */
void sigmoid_floats(const float *in, float *out, size_t n);

#endif
