#include "heap.h"
#include <stdio.h>

int call_begin(napi_env env, napi_callback_info info, size_t want, Call *call) {
  call->env = env;
  call->argc = 20;
  if (napi_get_cb_info(env, info, &call->argc, call->argv, NULL, NULL) != napi_ok) return 0;
  if (call->argc < want) {
    char msg[96];
    snprintf(msg, sizeof msg, "gradproof_native: expected %zu arguments, got %zu", want, call->argc);
    napi_throw_type_error(env, NULL, msg);
    return 0;
  }
  bool isBuffer = false;
  napi_is_arraybuffer(env, call->argv[0], &isBuffer);
  if (!isBuffer) {
    napi_throw_type_error(env, NULL, "gradproof_native: the first argument must be the wasm heap's ArrayBuffer");
    return 0;
  }
  void *data = NULL;
  if (napi_get_arraybuffer_info(env, call->argv[0], &data, &call->heapBytes) != napi_ok) return 0;
  call->heap = (uint8_t *)data;
  return 1;
}

double arg_num(Call *call, size_t i, int *ok) {
  double v = 0;
  if (napi_get_value_double(call->env, call->argv[i], &v) != napi_ok) {
    char msg[80];
    snprintf(msg, sizeof msg, "gradproof_native: argument %zu must be a number", i);
    napi_throw_type_error(call->env, NULL, msg);
    *ok = 0;
  }
  return v;
}

int64_t arg_int(Call *call, size_t i, int *ok) {
  int64_t v = 0;
  if (napi_get_value_int64(call->env, call->argv[i], &v) != napi_ok || v < 0) {
    char msg[88];
    snprintf(msg, sizeof msg, "gradproof_native: argument %zu must be a non-negative integer", i);
    napi_throw_type_error(call->env, NULL, msg);
    *ok = 0;
  }
  return v;
}

float *arg_floats(Call *call, size_t i, int64_t count) {
  int ok = 1;
  int64_t offset = arg_int(call, i, &ok);
  if (!ok) return NULL;
  if (offset % 4 != 0 || count < 0 || (uint64_t)offset + (uint64_t)count * 4 > call->heapBytes) {
    char msg[160];
    snprintf(msg, sizeof msg, "gradproof_native: %lld floats at byte offset %lld (argument %zu) fall outside the %zu-byte heap",
             (long long)count, (long long)offset, i, call->heapBytes);
    napi_throw_range_error(call->env, NULL, msg);
    return NULL;
  }
  return (float *)(call->heap + offset);
}

float *heap_floats(Call *call, uint64_t offset, int64_t count, const char *api, size_t index) {
  if (offset % 4 != 0 || count < 0 || offset + (uint64_t)count * 4 > call->heapBytes) {
    char msg[192];
    snprintf(msg, sizeof msg, "gradproof_native.%s: %lld floats at byte offset %llu (offsets[%zu]) fall outside the %zu-byte heap",
             api, (long long)count, (unsigned long long)offset, index, call->heapBytes);
    napi_throw_range_error(call->env, NULL, msg);
    return NULL;
  }
  return (float *)(call->heap + offset);
}

int typed_array(Call *call, size_t i, napi_typedarray_type type, void **data, size_t *length) {
  bool is = false;
  napi_typedarray_type actual;
  if (napi_is_typedarray(call->env, call->argv[i], &is) != napi_ok || !is ||
      napi_get_typedarray_info(call->env, call->argv[i], &actual, length, data, NULL, NULL) != napi_ok || actual != type) {
    static const char *names[] = {"Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array",
                                  "Uint32Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array"};
    char msg[96];
    snprintf(msg, sizeof msg, "gradproof_native: argument %zu must be a %s", i,
             (size_t)type < sizeof names / sizeof names[0] ? names[type] : "typed array");
    napi_throw_type_error(call->env, NULL, msg);
    return 0;
  }
  return 1;
}

int arg_float_list(Call *call, size_t first, size_t count, const int64_t *sizes, float **out) {
  for (size_t i = 0; i < count; i++)
    if ((out[i] = arg_floats(call, first + i, sizes[i])) == NULL) return 0;
  return 1;
}
