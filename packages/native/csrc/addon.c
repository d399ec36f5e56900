/*
 * The Node-API binding: each function takes the shapes and caller-owned Float32Arrays of one
 * kernel call, checks every buffer's type and length (a wrong length would be a write out of
 * bounds), and runs the kernel synchronously. The JavaScript side (src/) owns all memory.
 */
#include <cblas.h>
#include <node_api.h>
#include <stdio.h>
#include <string.h>

#include "kernels.h"

#define MAX_ARGS 32

typedef struct {
  napi_env env;
  napi_value argv[MAX_ARGS];
  size_t argc;
  int failed;
} call;

static void fail(call *c, const char *code, const char *message) {
  if (!c->failed) napi_throw_range_error(c->env, code, message);
  c->failed = 1;
}

static int int_arg(call *c, size_t index, const char *name) {
  int32_t value = 0;
  if (c->failed) return 0;
  if (index >= c->argc || napi_get_value_int32(c->env, c->argv[index], &value) != napi_ok ||
      value < 1) {
    char message[160];
    snprintf(message, sizeof message, "seqrec native: %s must be a positive integer.", name);
    fail(c, "ERR_SEQREC_NATIVE_ARG", message);
    return 0;
  }
  return value;
}

/* A Float32Array argument of exactly `length` elements, or NULL when `nullable` and the
 * argument is null or undefined. */
static float *f32_arg(call *c, size_t index, const char *name, size_t length, int nullable) {
  if (c->failed) return NULL;
  napi_valuetype type = napi_undefined;
  if (index < c->argc) napi_typeof(c->env, c->argv[index], &type);
  if (nullable && (type == napi_null || type == napi_undefined)) return NULL;
  bool is_typed = false;
  if (index < c->argc) napi_is_typedarray(c->env, c->argv[index], &is_typed);
  napi_typedarray_type kind;
  size_t count = 0;
  void *data = NULL;
  if (is_typed)
    napi_get_typedarray_info(c->env, c->argv[index], &kind, &count, &data, NULL, NULL);
  if (!is_typed || kind != napi_float32_array || count != length) {
    char message[200];
    snprintf(message, sizeof message,
             "seqrec native: %s must be a Float32Array of %zu elements%s; got %s%zu.", name,
             length, nullable ? " or null" : "",
             is_typed && kind == napi_float32_array ? "one of " : "another value, ",
             is_typed ? count : (size_t)0);
    fail(c, "ERR_SEQREC_NATIVE_ARG", message);
    return NULL;
  }
  return (float *)data;
}

/* An Int32Array argument of exactly `length` elements whose values all lie in [0, bound). */
static int32_t *ids_arg(call *c, size_t index, const char *name, size_t length, int32_t bound) {
  if (c->failed) return NULL;
  bool is_typed = false;
  if (index < c->argc) napi_is_typedarray(c->env, c->argv[index], &is_typed);
  napi_typedarray_type kind;
  size_t count = 0;
  void *data = NULL;
  if (is_typed)
    napi_get_typedarray_info(c->env, c->argv[index], &kind, &count, &data, NULL, NULL);
  char message[200];
  if (!is_typed || kind != napi_int32_array || count != length) {
    snprintf(message, sizeof message, "seqrec native: %s must be an Int32Array of %zu elements.",
             name, length);
    fail(c, "ERR_SEQREC_NATIVE_ARG", message);
    return NULL;
  }
  const int32_t *ids = data;
  for (size_t i = 0; i < length; i++) {
    if (ids[i] < 0 || ids[i] >= bound) {
      snprintf(message, sizeof message,
               "seqrec native: %s must hold item ids from 0 to %d; got %d at %zu.", name,
               bound - 1, ids[i], i);
      fail(c, "ERR_SEQREC_NATIVE_ARG", message);
      return NULL;
    }
  }
  return data;
}

/* The four shapes every layer call starts with: steps, batch, input width, hidden width. */
static void read_dims(call *c, int *steps, int *batch, int *dim, int *hidden) {
  *steps = int_arg(c, 0, "steps");
  *batch = int_arg(c, 1, "batch");
  *dim = int_arg(c, 2, "dim");
  *hidden = int_arg(c, 3, "hidden");
}

/* The trace an LSTM cell keeps (sr_lstm, sr_mlstm): gates, cells, cellTanh, hiddens, from
 * argument `first` on. */
static void cell_trace_args(call *c, size_t first, size_t T, size_t B, size_t H, float **gates,
                            float **cells, float **cell_tanh, float **hiddens) {
  *gates = f32_arg(c, first, "gates", T * B * 4 * H, 0);
  *cells = f32_arg(c, first + 1, "cells", (T + 1) * B * H, 0);
  *cell_tanh = f32_arg(c, first + 2, "cellTanh", T * B * H, 0);
  *hiddens = f32_arg(c, first + 3, "hiddens", (T + 1) * B * H, 0);
}

/* The gradient reaching an LSTM cell's outputs: dyHidden, dyCell, dhLast, dcLast (each may be
 * null), from argument `first` on. */
static void cell_upstream_args(call *c, size_t first, size_t T, size_t B, size_t H,
                               const float **dy_h, const float **dy_c, const float **dh_last,
                               const float **dc_last) {
  *dy_h = f32_arg(c, first, "dyHidden", T * B * H, 1);
  *dy_c = f32_arg(c, first + 1, "dyCell", T * B * H, 1);
  *dh_last = f32_arg(c, first + 2, "dhLast", B * H, 1);
  *dc_last = f32_arg(c, first + 3, "dcLast", B * H, 1);
}

static int read_call(napi_env env, napi_callback_info info, call *c) {
  memset(c, 0, sizeof *c);
  c->env = env;
  c->argc = MAX_ARGS;
  return napi_get_cb_info(env, info, &c->argc, c->argv, NULL, NULL) == napi_ok;
}

static napi_value lstm_forward(napi_env env, napi_callback_info info) {
  call c;
  read_call(env, info, &c);
  sr_lstm L;
  read_dims(&c, &L.steps, &L.batch, &L.dim, &L.hidden);
  const size_t T = L.steps, B = L.batch, D = L.dim, H = L.hidden;
  L.x = f32_arg(&c, 4, "x", T * B * D, 0);
  L.w_ih = f32_arg(&c, 5, "weightIh", 4 * H * D, 0);
  L.bias = f32_arg(&c, 6, "bias", 4 * H, 0);
  L.w_hh = f32_arg(&c, 7, "weightHh", 4 * H * H, 0);
  cell_trace_args(&c, 8, T, B, H, &L.gates, &L.cells, &L.cell_tanh, &L.hiddens);
  if (!c.failed) sr_lstm_forward(&L);
  return NULL;
}

static napi_value lstm_backward(napi_env env, napi_callback_info info) {
  call c;
  read_call(env, info, &c);
  sr_lstm L;
  sr_lstm_grads G;
  read_dims(&c, &L.steps, &L.batch, &L.dim, &L.hidden);
  const size_t T = L.steps, B = L.batch, D = L.dim, H = L.hidden;
  L.x = f32_arg(&c, 4, "x", T * B * D, 0);
  L.w_ih = f32_arg(&c, 5, "weightIh", 4 * H * D, 0);
  L.bias = NULL;
  L.w_hh = f32_arg(&c, 6, "weightHh", 4 * H * H, 0);
  cell_trace_args(&c, 7, T, B, H, &L.gates, &L.cells, &L.cell_tanh, &L.hiddens);
  cell_upstream_args(&c, 11, T, B, H, &G.dy_h, &G.dy_c, &G.dh_last, &G.dc_last);
  G.dx = f32_arg(&c, 15, "dx", T * B * D, 0);
  G.dw_ih = f32_arg(&c, 16, "dWeightIh", 4 * H * D, 0);
  G.dbias = f32_arg(&c, 17, "dBias", 4 * H, 0);
  G.dw_hh = f32_arg(&c, 18, "dWeightHh", 4 * H * H, 0);
  G.dh0 = f32_arg(&c, 19, "dh0", B * H, 0);
  G.dc0 = f32_arg(&c, 20, "dc0", B * H, 0);
  if (!c.failed) sr_lstm_backward(&L, &G);
  return NULL;
}

static napi_value mlstm_forward(napi_env env, napi_callback_info info) {
  call c;
  read_call(env, info, &c);
  sr_mlstm L;
  read_dims(&c, &L.steps, &L.batch, &L.dim, &L.hidden);
  const size_t T = L.steps, B = L.batch, D = L.dim, H = L.hidden;
  L.x = f32_arg(&c, 4, "x", T * B * D, 0);
  L.w_x = f32_arg(&c, 5, "weightX", 5 * H * D, 0);
  L.b_x = f32_arg(&c, 6, "biasX", 5 * H, 0);
  L.w_hh = f32_arg(&c, 7, "weightHh", 4 * H * H, 0);
  L.w_mh = f32_arg(&c, 8, "weightMh", H * H, 0);
  L.b_mh = f32_arg(&c, 9, "biasMh", H, 1);
  L.projected = f32_arg(&c, 10, "projected", T * B * 5 * H, 0);
  L.factors = f32_arg(&c, 11, "factors", T * B * H, 0);
  L.products = f32_arg(&c, 12, "products", T * B * H, 0);
  cell_trace_args(&c, 13, T, B, H, &L.gates, &L.cells, &L.cell_tanh, &L.hiddens);
  if (!c.failed) sr_mlstm_forward(&L);
  return NULL;
}

static napi_value mlstm_backward(napi_env env, napi_callback_info info) {
  call c;
  read_call(env, info, &c);
  sr_mlstm L;
  sr_mlstm_grads G;
  read_dims(&c, &L.steps, &L.batch, &L.dim, &L.hidden);
  const size_t T = L.steps, B = L.batch, D = L.dim, H = L.hidden;
  L.x = f32_arg(&c, 4, "x", T * B * D, 0);
  L.w_x = f32_arg(&c, 5, "weightX", 5 * H * D, 0);
  L.b_x = NULL;
  L.w_hh = f32_arg(&c, 6, "weightHh", 4 * H * H, 0);
  L.w_mh = f32_arg(&c, 7, "weightMh", H * H, 0);
  L.b_mh = NULL;
  L.projected = f32_arg(&c, 8, "projected", T * B * 5 * H, 0);
  L.factors = f32_arg(&c, 9, "factors", T * B * H, 0);
  L.products = f32_arg(&c, 10, "products", T * B * H, 0);
  cell_trace_args(&c, 11, T, B, H, &L.gates, &L.cells, &L.cell_tanh, &L.hiddens);
  cell_upstream_args(&c, 15, T, B, H, &G.dy_h, &G.dy_c, &G.dh_last, &G.dc_last);
  G.dx = f32_arg(&c, 19, "dx", T * B * D, 0);
  G.dw_x = f32_arg(&c, 20, "dWeightX", 5 * H * D, 0);
  G.db_x = f32_arg(&c, 21, "dBiasX", 5 * H, 0);
  G.dw_hh = f32_arg(&c, 22, "dWeightHh", 4 * H * H, 0);
  G.dw_mh = f32_arg(&c, 23, "dWeightMh", H * H, 0);
  G.db_mh = f32_arg(&c, 24, "dBiasMh", H, 1);
  G.dh0 = f32_arg(&c, 25, "dh0", B * H, 0);
  G.dc0 = f32_arg(&c, 26, "dc0", B * H, 0);
  if (!c.failed) sr_mlstm_backward(&L, &G);
  return NULL;
}

static napi_value gru_forward(napi_env env, napi_callback_info info) {
  call c;
  read_call(env, info, &c);
  sr_gru L;
  read_dims(&c, &L.steps, &L.batch, &L.dim, &L.hidden);
  const size_t T = L.steps, B = L.batch, D = L.dim, H = L.hidden;
  L.x = f32_arg(&c, 4, "x", T * B * D, 0);
  L.w_ih = f32_arg(&c, 5, "weightIh", 3 * H * D, 0);
  L.b_ih = f32_arg(&c, 6, "biasIh", 3 * H, 0);
  L.w_hh = f32_arg(&c, 7, "weightHh", 3 * H * H, 0);
  L.b_hh = f32_arg(&c, 8, "biasHh", 3 * H, 0);
  L.gates = f32_arg(&c, 9, "gates", T * B * 4 * H, 0);
  L.hiddens = f32_arg(&c, 10, "hiddens", (T + 1) * B * H, 0);
  if (!c.failed) sr_gru_forward(&L);
  return NULL;
}

static napi_value gru_backward(napi_env env, napi_callback_info info) {
  call c;
  read_call(env, info, &c);
  sr_gru L;
  sr_gru_grads G;
  read_dims(&c, &L.steps, &L.batch, &L.dim, &L.hidden);
  const size_t T = L.steps, B = L.batch, D = L.dim, H = L.hidden;
  L.x = f32_arg(&c, 4, "x", T * B * D, 0);
  L.w_ih = f32_arg(&c, 5, "weightIh", 3 * H * D, 0);
  L.b_ih = NULL;
  L.w_hh = f32_arg(&c, 6, "weightHh", 3 * H * H, 0);
  L.b_hh = NULL;
  L.gates = f32_arg(&c, 7, "gates", T * B * 4 * H, 0);
  L.hiddens = f32_arg(&c, 8, "hiddens", (T + 1) * B * H, 0);
  G.dy = f32_arg(&c, 9, "dy", T * B * H, 0);
  G.dx = f32_arg(&c, 10, "dx", T * B * D, 0);
  G.dw_ih = f32_arg(&c, 11, "dWeightIh", 3 * H * D, 0);
  G.db_ih = f32_arg(&c, 12, "dBiasIh", 3 * H, 0);
  G.dw_hh = f32_arg(&c, 13, "dWeightHh", 3 * H * H, 0);
  G.db_hh = f32_arg(&c, 14, "dBiasHh", 3 * H, 0);
  G.dh0 = f32_arg(&c, 15, "dh0", B * H, 0);
  if (!c.failed) sr_gru_backward(&L, &G);
  return NULL;
}

static napi_value sampled_loss(napi_env env, napi_callback_info info) {
  call c;
  read_call(env, info, &c);
  sr_sampled_loss_args S;
  S.rows = int_arg(&c, 0, "rows");
  S.negatives = int_arg(&c, 1, "negatives");
  S.dim = int_arg(&c, 2, "dim");
  S.items = int_arg(&c, 3, "items");
  int32_t kind = -1;
  if (!c.failed) napi_get_value_int32(env, c.argv[4], &kind);
  if (!c.failed && (kind < SR_LOSS_ADAPTIVE_HINGE || kind > SR_LOSS_LOGISTIC))
    fail(&c, "ERR_SEQREC_NATIVE_ARG", "seqrec native: kind must be a known loss code.");
  if (!c.failed && S.negatives > SR_MAX_NEGATIVES)
    fail(&c, "ERR_SEQREC_NATIVE_ARG", "seqrec native: negatives must be at most 1024.");
  S.kind = kind;
  const size_t n = S.rows, k = S.negatives, H = S.dim, items = S.items;
  S.states = f32_arg(&c, 5, "states", n * H, 0);
  S.targets = ids_arg(&c, 6, "targets", n, S.items);
  S.negative_ids = ids_arg(&c, 7, "negatives", n * k, S.items);
  S.table = f32_arg(&c, 8, "table", items * H, 0);
  S.bias = f32_arg(&c, 9, "bias", items, 0);
  S.d_states = f32_arg(&c, 10, "dStates", n * H, 0);
  S.d_table = f32_arg(&c, 11, "dTable", items * H, 0);
  S.d_bias = f32_arg(&c, 12, "dBias", items, 0);
  if (c.failed) return NULL;
  napi_value result;
  napi_create_double(env, sr_sampled_loss(&S), &result);
  return result;
}

static napi_value set_threads(napi_env env, napi_callback_info info) {
  call c;
  read_call(env, info, &c);
  const int threads = int_arg(&c, 0, "threads");
  if (!c.failed) sr_set_threads(threads);
  return NULL;
}

static napi_value describe(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value result, value;
  napi_create_object(env, &result);
  napi_create_int32(env, sr_threads(), &value);
  napi_set_named_property(env, result, "threads", value);
  int cores = 1;
#ifdef _OPENMP
  cores = omp_get_num_procs();
#endif
  napi_create_int32(env, cores, &value);
  napi_set_named_property(env, result, "cores", value);
  napi_create_string_utf8(env, openblas_get_config(), NAPI_AUTO_LENGTH, &value);
  napi_set_named_property(env, result, "blas", value);
  napi_create_string_utf8(env, openblas_get_corename(), NAPI_AUTO_LENGTH, &value);
  napi_set_named_property(env, result, "blasCore", value);
  return result;
}

static napi_value init(napi_env env, napi_value exports) {
  const napi_property_descriptor methods[] = {
      {"lstmForward", NULL, lstm_forward, NULL, NULL, NULL, napi_default, NULL},
      {"lstmBackward", NULL, lstm_backward, NULL, NULL, NULL, napi_default, NULL},
      {"mlstmForward", NULL, mlstm_forward, NULL, NULL, NULL, napi_default, NULL},
      {"mlstmBackward", NULL, mlstm_backward, NULL, NULL, NULL, napi_default, NULL},
      {"gruForward", NULL, gru_forward, NULL, NULL, NULL, napi_default, NULL},
      {"gruBackward", NULL, gru_backward, NULL, NULL, NULL, napi_default, NULL},
      {"sampledLoss", NULL, sampled_loss, NULL, NULL, NULL, napi_default, NULL},
      {"setThreads", NULL, set_threads, NULL, NULL, NULL, napi_default, NULL},
      {"describe", NULL, describe, NULL, NULL, NULL, napi_default, NULL},
  };
  napi_define_properties(env, exports, sizeof methods / sizeof methods[0], methods);
  sr_set_threads(1);
  return exports;
}

NAPI_MODULE_INIT() { return init(env, exports); }
