// glibc's malloc_trim for kakunin (src/runtime/native-heap.ts): gives whole free pages inside malloc's
// arenas back to the system. glibc returns freed memory on its own only from the top of an arena, so
// memory freed below a block still in use stays resident: ~4-6 MB after start-up, more after a burst.
// Built by scripts/build-native.mjs when the project is installed; Node-API, so one build serves every
// Node version from 22 on.
#include <malloc.h>
#include <node_api.h>

static napi_value trim(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value released;
  napi_get_boolean(env, malloc_trim(0) != 0, &released);
  return released;
}

NAPI_MODULE_INIT() {
  napi_value fn;
  if (napi_create_function(env, "mallocTrim", NAPI_AUTO_LENGTH, trim, NULL, &fn) != napi_ok) return NULL;
  if (napi_set_named_property(env, exports, "mallocTrim", fn) != napi_ok) return NULL;
  return exports;
}
