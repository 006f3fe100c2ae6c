/* Access to the wasm backend's heap (a WebAssembly.Memory's ArrayBuffer) from N-API. */
#ifndef GRADPROOF_HEAP_H
#define GRADPROOF_HEAP_H
#include <node_api.h>
#include <stddef.h>
#include <stdint.h>

/* Arguments of one call, already read from JS. */
typedef struct {
  napi_env env;
  size_t argc;
  napi_value argv[20];
  uint8_t *heap;
  size_t heapBytes;
} Call;

/* Reads up to 20 arguments; argv[0] must be the heap ArrayBuffer. Returns 0 and throws on failure. */
int call_begin(napi_env env, napi_callback_info info, size_t want, Call *call);
/* argv[i] as an integer; throws (returns 0 in *ok) when it is not a number. */
int64_t arg_int(Call *call, size_t i, int *ok);
/* argv[i] as a double. */
double arg_num(Call *call, size_t i, int *ok);
/* A float32 pointer at byte offset argv[i] with room for `count` floats; NULL (and throws) when out of bounds or misaligned. */
float *arg_floats(Call *call, size_t i, int64_t count);
/* A float32 pointer at byte `offset` (offsets[`index`] of the call `api`) with room for `count` floats; NULL (and throws)
   when out of bounds or misaligned. */
float *heap_floats(Call *call, uint64_t offset, int64_t count, const char *api, size_t index);
/* arg_floats for `count` arguments from argv[first], with sizes[i] floats each; 0 (and throws) at the first bad one. */
int arg_float_list(Call *call, size_t first, size_t count, const int64_t *sizes, float **out);
/* argv[i] as a typed array of `type`: its data and element count; 0 (and throws) when it is anything else. */
int typed_array(Call *call, size_t i, napi_typedarray_type type, void **data, size_t *length);
#endif
