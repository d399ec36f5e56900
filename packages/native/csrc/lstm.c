/*
 * LSTM layer with PyTorch's equations (gates i, f, g, o), input projection included:
 *   gates_t = W_ih x_t + W_hh h_{t-1} + b,  c_t = σ(f) ⊙ c_{t-1} + σ(i) ⊙ tanh(g),
 *   h_t = σ(o) ⊙ tanh(c_t).
 * The projection is made per step and per thread, next to the recurrent product, rather than
 * for all steps at once: the step's rows are then still in cache for the gates, and the small
 * products run faster per FLOP than one tall one (measured with bench/matmul.mjs).
 */
#include <stdlib.h>
#include <string.h>

#include "kernels.h"

#ifdef _OPENMP
#include <omp.h>
#endif

void sr_lstm_cell_forward(int rows, int hidden, float *gates, const float *c_prev, float *c_next,
                          float *c_tanh, float *h_next) {
  const int h = hidden;
  for (int r = 0; r < rows; r++) {
    float *g = gates + (size_t)r * 4 * h;
    for (int j = 0; j < 2 * h; j++) g[j] = sr_sigmoid(g[j]);
    for (int j = 2 * h; j < 3 * h; j++) g[j] = sr_tanh(g[j]);
    for (int j = 3 * h; j < 4 * h; j++) g[j] = sr_sigmoid(g[j]);
    const size_t s = (size_t)r * h;
    for (int j = 0; j < h; j++) {
      const float c = g[h + j] * c_prev[s + j] + g[j] * g[2 * h + j];
      c_next[s + j] = c;
      c_tanh[s + j] = sr_tanh(c);
    }
    for (int j = 0; j < h; j++) h_next[s + j] = g[3 * h + j] * c_tanh[s + j];
  }
}

/* One row of the cell's backward pass. The gate blocks are disjoint parts of one row; saying
 * so through restrict parameters is what lets the compiler vectorise the loop. */
static void unit_backward(int h, float *restrict gi, float *restrict gf, float *restrict gg,
                          float *restrict go, const float *restrict c_prev,
                          const float *restrict c_tanh, const float *restrict dh,
                          float *restrict dc) {
  for (int j = 0; j < h; j++) {
    const float i = gi[j], f = gf[j], cand = gg[j], o = go[j], tc = c_tanh[j];
    const float d = dc[j] + dh[j] * o * (1.0f - tc * tc);
    gi[j] = d * cand * i * (1.0f - i);
    gf[j] = d * c_prev[j] * f * (1.0f - f);
    gg[j] = d * i * (1.0f - cand * cand);
    go[j] = dh[j] * tc * o * (1.0f - o);
    dc[j] = d * f;
  }
}

void sr_lstm_cell_backward(int rows, int hidden, float *gates, const float *c_prev,
                           const float *c_tanh, const float *dh, float *dc) {
  const int h = hidden;
  for (int r = 0; r < rows; r++) {
    float *g = gates + (size_t)r * 4 * h;
    const size_t s = (size_t)r * h;
    unit_backward(h, g, g + h, g + 2 * h, g + 3 * h, c_prev + s, c_tanh + s, dh + s, dc + s);
  }
}

void sr_lstm_forward(const sr_lstm *L) {
  const int T = L->steps, B = L->batch, D = L->dim, H = L->hidden, n = sr_threads();
#pragma omp parallel num_threads(n)
  {
    int b0, b1;
#ifdef _OPENMP
    sr_rows_of(B, omp_get_thread_num(), n, &b0, &b1);
#else
    sr_rows_of(B, 0, 1, &b0, &b1);
#endif
    const int rows = b1 - b0;
    for (int t = 0; t < T && rows > 0; t++) {
      const size_t row = (size_t)t * B + b0;
      float *g = L->gates + row * 4 * H;
      sr_fill_rows(g, rows, 4 * H, 4 * H, L->bias);
      sr_gemm_nt(rows, 4 * H, D, L->x + row * D, D, L->w_ih, D, 1.0f, g, 4 * H);
      sr_gemm_nt(rows, 4 * H, H, L->hiddens + row * H, H, L->w_hh, H, 1.0f, g, 4 * H);
      sr_lstm_cell_forward(rows, H, g, L->cells + row * H, L->cells + (row + B) * H,
                           L->cell_tanh + row * H, L->hiddens + (row + B) * H);
    }
  }
}

void sr_lstm_backward(const sr_lstm *L, const sr_lstm_grads *G) {
  const int T = L->steps, B = L->batch, D = L->dim, H = L->hidden, n = sr_threads();
  const size_t wih = (size_t)4 * H * D, whh = (size_t)4 * H * H;
  float *parts = calloc((size_t)n * (wih + whh), sizeof(float));
  double *bias_parts = calloc((size_t)n * 4 * H, sizeof(double));
  float *scratch = malloc(sizeof(float) * (size_t)3 * B * H);
#pragma omp parallel num_threads(n)
  {
    int k = 0, b0, b1;
#ifdef _OPENMP
    k = omp_get_thread_num();
#endif
    sr_rows_of(B, k, n, &b0, &b1);
    const int rows = b1 - b0;
    float *dw_ih = parts + (size_t)k * (wih + whh), *dw_hh = dw_ih + wih;
    double *dbias = bias_parts + (size_t)k * 4 * H;
    /* This thread's rows of: dh (whole gradient reaching h_{t+1}), dc, and the recurrent part. */
    float *dh = scratch + (size_t)b0 * H, *dc = dh + (size_t)B * H, *rec = dc + (size_t)B * H;
    const size_t block = (size_t)rows * H;
    if (G->dc_last) memcpy(dc, G->dc_last + (size_t)b0 * H, block * sizeof(float));
    else memset(dc, 0, block * sizeof(float));
    if (G->dh_last) memcpy(rec, G->dh_last + (size_t)b0 * H, block * sizeof(float));
    else memset(rec, 0, block * sizeof(float));
    for (int t = T - 1; t >= 0 && rows > 0; t--) {
      const size_t row = (size_t)t * B + b0;
      for (size_t i = 0; i < block; i++) dh[i] = rec[i] + (G->dy_h ? G->dy_h[row * H + i] : 0.0f);
      if (G->dy_c)
        for (size_t i = 0; i < block; i++) dc[i] += G->dy_c[row * H + i];
      float *g = L->gates + row * 4 * H;
      sr_lstm_cell_backward(rows, H, g, L->cells + row * H, L->cell_tanh + row * H, dh, dc);
      sr_gemm_nn(rows, H, 4 * H, g, 4 * H, L->w_hh, H, 0.0f, rec, H);
      sr_gemm_nn(rows, D, 4 * H, g, 4 * H, L->w_ih, D, 0.0f, G->dx + row * D, D);
      sr_gemm_tn_acc(4 * H, H, rows, g, 4 * H, L->hiddens + row * H, H, dw_hh, H);
      sr_gemm_tn_acc(4 * H, D, rows, g, 4 * H, L->x + row * D, D, dw_ih, D);
      sr_add_column_sums(g, rows, 4 * H, 4 * H, dbias);
    }
    if (rows > 0) {
      memcpy(G->dh0 + (size_t)b0 * H, rec, block * sizeof(float));
      memcpy(G->dc0 + (size_t)b0 * H, dc, block * sizeof(float));
    }
  }
  for (size_t i = 0; i < wih; i++) {
    float sum = 0.0f;
    for (int p = 0; p < n; p++) sum += parts[(size_t)p * (wih + whh) + i];
    G->dw_ih[i] = sum;
  }
  for (size_t i = 0; i < whh; i++) {
    float sum = 0.0f;
    for (int p = 0; p < n; p++) sum += parts[(size_t)p * (wih + whh) + wih + i];
    G->dw_hh[i] = sum;
  }
  sr_reduce_parts_double(G->dbias, bias_parts, n, (size_t)4 * H);
  free(parts);
  free(bias_parts);
  free(scratch);
}
