/*
 * Shared pieces of the native sequence kernels: activations that the compiler can vectorise,
 * row-major BLAS products, and the split of a batch over threads.
 *
 * Every kernel works on caller-owned float32 buffers in time-major layout (row (t, b) of a
 * [T, B, X] buffer starts at (t * B + b) * X). The recurrence of one batch row never reads
 * another row, so each thread runs all T steps over its own block of rows: no barrier per
 * step, and every product inside the loop is a small single-threaded BLAS call on data that
 * stays in that core's cache. Only the weight gradients need a sum over threads at the end.
 */
#ifndef SEQREC_KERNELS_H
#define SEQREC_KERNELS_H

#include <stddef.h>
#include <stdint.h>

#ifdef _OPENMP
#include <omp.h>
#endif

/* The calling thread's index inside a parallel region (0 when built without OpenMP). */
static inline int sr_thread_index(void) {
#ifdef _OPENMP
  return omp_get_thread_num();
#else
  return 0;
#endif
}

/* exp for float32 inputs, branch-free so that loops over it vectorise (glibc's expf does not
 * without -ffast-math, which a shared library must not use: on GCC 12 it links code that
 * switches the whole process to flush denormals to zero). Range reduction by ln 2, then a
 * degree-6 polynomial on [-ln2/2, ln2/2]; relative error about 2e-7 over [-87, 88]. */
static inline float sr_exp(float x) {
  x = x < -87.0f ? -87.0f : (x > 88.0f ? 88.0f : x);
  /* Round to nearest by adding and taking away 1.5 · 2^23 (exact for |n| < 2^22): unlike
   * roundevenf, the compiler vectorises it. */
  const float n = (x * 1.44269504088896341f + 12582912.0f) - 12582912.0f;
  const float r = (x - n * 0.693145751953125f) - n * 1.428606765330187045e-6f;
  float p = 1.3981999507e-3f;
  p = p * r + 8.3334519073e-3f;
  p = p * r + 4.1665795894e-2f;
  p = p * r + 1.6666665459e-1f;
  p = p * r + 5.0000001201e-1f;
  p = p * r * r + r + 1.0f;
  union { float f; int32_t i; } scale;
  scale.i = ((int32_t)n + 127) << 23;
  return p * scale.f;
}

static inline float sr_sigmoid(float x) { return 1.0f / (1.0f + sr_exp(-x)); }

/* tanh x = 2 σ(2x) − 1: one exp, and exact limits ±1 for large |x|. */
static inline float sr_tanh(float x) { return 2.0f / (1.0f + sr_exp(-2.0f * x)) - 1.0f; }

/* C[M, N] = A[M, K] · B[N, K]ᵀ + beta · C (row-major, leading dimensions given). */
void sr_gemm_nt(int m, int n, int k, const float *a, int lda, const float *b, int ldb, float beta,
                float *c, int ldc);
/* C[M, N] = A[M, K] · B[K, N] + beta · C. */
void sr_gemm_nn(int m, int n, int k, const float *a, int lda, const float *b, int ldb, float beta,
                float *c, int ldc);
/* C[M, N] += A[K, M]ᵀ · B[K, N]. */
void sr_gemm_tn_acc(int m, int n, int k, const float *a, int lda, const float *b, int ldb, float *c,
                    int ldc);

/* The block of batch rows [*first, *end) that thread `index` of `count` owns. */
static inline void sr_rows_of(int batch, int index, int count, int *first, int *end) {
  *first = (int)((int64_t)batch * index / count);
  *end = (int)((int64_t)batch * (index + 1) / count);
}

/* Sets every row of a [rows, width] block (leading dimension ld) to `row`, or to 0 when NULL. */
void sr_fill_rows(float *block, int rows, int width, int ld, const float *row);
/* sums[j] += Σ_r block[r, j] over a [rows, width] block, in double. */
void sr_add_column_sums(const float *block, int rows, int width, int ld, double *sums);
/* out[i] = Σ_k parts[k · stride + i] for i < size: the sum of `count` thread-private parts
 * (or of one segment of each, when a part holds several gradients one after another). */
void sr_reduce_parts(float *out, const float *parts, int count, size_t stride, size_t size);
void sr_reduce_parts_double(float *out, const double *parts, int count, size_t stride,
                            size_t size);

/* Threads the kernels use (set once by the binding). */
int sr_threads(void);
void sr_set_threads(int threads);

/* The LSTM cell over `rows` consecutive rows of one step: `gates` [rows, 4H] holds the
 * pre-activations (i, f, g, o) on entry and the activations on exit; writes c', tanh c', h'. */
void sr_lstm_cell_forward(int rows, int hidden, float *gates, const float *c_prev, float *c_next,
                          float *c_tanh, float *h_next);
/* Its backward pass: `dh` is the whole gradient reaching h', `dc` the one reaching c' from later
 * steps (on exit: the one reaching c). `gates` goes in as activations and comes out as the
 * gradient of the pre-activations. */
void sr_lstm_cell_backward(int rows, int hidden, float *gates, const float *c_prev,
                           const float *c_tanh, const float *dh, float *dc);

/* The start of an LSTM-cell backward pass over a thread's rows [b0, b0 + rows): the gradient
 * reaching h_T (`rec`) and c_T (`dc`) from after the sequence, or zeros. */
void sr_lstm_grad_start(const float *dh_last, const float *dc_last, int b0, int rows, int hidden,
                        float *rec, float *dc);
/* What reaches step t's outputs from above: dh = rec + dy_h, and dy_c added to dc. Either dy
 * may be NULL. `row` is the first (t, b0) row, `rows` the thread's row count. */
void sr_lstm_grad_inputs(const float *dy_h, const float *dy_c, size_t row, int rows, int hidden,
                         const float *rec, float *dh, float *dc);

/* Shapes and buffers of one LSTM layer (projection included). See lstm.c. */
typedef struct {
  int steps, batch, dim, hidden;
  const float *x;      /* [T, B, D] */
  const float *w_ih;   /* [4H, D] */
  const float *bias;   /* [4H]: b_ih + b_hh */
  const float *w_hh;   /* [4H, H] */
  float *gates;        /* [T, B, 4H]: activations after forward, pre-activation grads after backward */
  float *cells;        /* [T + 1, B, H]; row 0 is c_0 on entry */
  float *cell_tanh;    /* [T, B, H] */
  float *hiddens;      /* [T + 1, B, H]; row 0 is h_0 on entry */
} sr_lstm;

typedef struct {
  const float *dy_h;   /* [T, B, H]: gradient reaching h_1 … h_T, or NULL */
  const float *dy_c;   /* [T, B, H]: gradient reaching c_1 … c_T, or NULL */
  const float *dh_last, *dc_last; /* [B, H]: extra gradient reaching h_T, c_T, or NULL */
  float *dx;           /* [T, B, D] */
  float *dw_ih;        /* [4H, D] */
  float *dbias;        /* [4H] */
  float *dw_hh;        /* [4H, H] */
  float *dh0, *dc0;    /* [B, H] */
} sr_lstm_grads;

void sr_lstm_forward(const sr_lstm *layer);
void sr_lstm_backward(const sr_lstm *layer, const sr_lstm_grads *grads);

/* Multiplicative LSTM: the LSTM above with m_t = (W_mx x_t + b_mx) ⊙ (W_mh h_{t-1} + b_mh) in
 * place of h_{t-1} in the gates' recurrent product. See mlstm.c. */
typedef struct {
  int steps, batch, dim, hidden;
  const float *x;       /* [T, B, D] */
  const float *w_x;     /* [5H, D]: W_ih (4H rows) then W_mx (H rows) */
  const float *b_x;     /* [5H]: gate bias then b_mx */
  const float *w_hh;    /* [4H, H]: W_hm */
  const float *w_mh;    /* [H, H] */
  const float *b_mh;    /* [H] or NULL */
  float *projected;     /* [T, B, 5H] */
  float *factors;       /* [T, B, H]: W_mh h + b_mh */
  float *products;      /* [T, B, H]: m_t */
  float *gates;         /* [T, B, 4H] */
  float *cells, *cell_tanh, *hiddens; /* as in sr_lstm */
} sr_mlstm;

typedef struct {
  const float *dy_h, *dy_c, *dh_last, *dc_last; /* as in sr_lstm_grads */
  float *dx;            /* [T, B, D] */
  float *dw_x;          /* [5H, D] */
  float *db_x;          /* [5H] */
  float *dw_hh;         /* [4H, H] */
  float *dw_mh;         /* [H, H] */
  float *db_mh;         /* [H] or NULL */
  float *dh0, *dc0;     /* [B, H] */
} sr_mlstm_grads;

void sr_mlstm_forward(const sr_mlstm *layer);
void sr_mlstm_backward(const sr_mlstm *layer, const sr_mlstm_grads *grads);

/* GRU with PyTorch's equations. See gru.c. */
typedef struct {
  int steps, batch, dim, hidden;
  const float *x;      /* [T, B, D] */
  const float *w_ih;   /* [3H, D] */
  const float *b_ih;   /* [3H] */
  const float *w_hh;   /* [3H, H] */
  const float *b_hh;   /* [3H] */
  float *gates;        /* [T, B, 4H]: r, z, n, W_hn h + b_hn */
  float *hiddens;      /* [T + 1, B, H]; row 0 is h_0 on entry */
} sr_gru;

typedef struct {
  const float *dy;     /* [T, B, H]: gradient reaching h_1 … h_T */
  float *dx;           /* [T, B, D] */
  float *dw_ih, *db_ih, *dw_hh, *db_hh;
  float *dh0;          /* [B, H] */
} sr_gru_grads;

void sr_gru_forward(const sr_gru *layer);
void sr_gru_backward(const sr_gru *layer, const sr_gru_grads *grads);

/* Per-position losses of sr_sampled_loss (the built-in losses of @seqrec/losses). */
enum {
  SR_LOSS_ADAPTIVE_HINGE = 0,
  SR_LOSS_HINGE = 1,
  SR_LOSS_BPR = 2,
  SR_LOSS_BPR_LOG = 3,
  SR_LOSS_POINTWISE = 4,
  SR_LOSS_LOGISTIC = 5,
};
#define SR_MAX_NEGATIVES 1024

typedef struct {
  int rows, negatives, dim, items, kind;
  const float *states;          /* [n, H] */
  const int32_t *targets;       /* [n]: 0 is padding, not counted */
  const int32_t *negative_ids;  /* [n, k] */
  const float *table;           /* [I, H] */
  const float *bias;            /* [I] */
  float *d_states;              /* [n, H] */
  float *d_table;               /* [I, H], zero on entry */
  float *d_bias;                /* [I], zero on entry */
} sr_sampled_loss_args;

/* Returns the mean loss over positions with a target, and fills the gradients. */
double sr_sampled_loss(const sr_sampled_loss_args *args);

#endif
