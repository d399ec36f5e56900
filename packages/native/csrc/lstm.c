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

void sr_lstm_grad_start(const float *dh_last, const float *dc_last, int b0, int rows, int hidden,
                        float *rec, float *dc) {
  const size_t block = (size_t)rows * hidden, first = (size_t)b0 * hidden;
  if (dc_last) memcpy(dc, dc_last + first, block * sizeof(float));
  else memset(dc, 0, block * sizeof(float));
  if (dh_last) memcpy(rec, dh_last + first, block * sizeof(float));
  else memset(rec, 0, block * sizeof(float));
}

void sr_lstm_grad_inputs(const float *dy_h, const float *dy_c, size_t row, int rows, int hidden,
                         const float *rec, float *dh, float *dc) {
  const size_t block = (size_t)rows * hidden, first = row * hidden;
  for (size_t i = 0; i < block; i++) dh[i] = rec[i] + (dy_h ? dy_h[first + i] : 0.0f);
  if (dy_c)
    for (size_t i = 0; i < block; i++) dc[i] += dy_c[first + i];
}

/* [W_ih | W_hh] as one [4H, D + H] matrix: the step's input and hidden state, side by side in
 * one row, then meet both weights in one product, which runs faster than two half as wide. */
static float *stacked_weights(const sr_lstm *L) {
  const int D = L->dim, H = L->hidden, W = D + H;
  float *w = malloc(sizeof(float) * (size_t)4 * H * W);
  for (int r = 0; r < 4 * H; r++) {
    memcpy(w + (size_t)r * W, L->w_ih + (size_t)r * D, sizeof(float) * (size_t)D);
    memcpy(w + (size_t)r * W + D, L->w_hh + (size_t)r * H, sizeof(float) * (size_t)H);
  }
  return w;
}

/* Rows [x_t | h_{t-1}] of a block of `rows` batch rows starting at (t, b0). */
static void stack_inputs(const sr_lstm *L, size_t row, int rows, float *xh) {
  const int D = L->dim, H = L->hidden, W = D + H;
  for (int r = 0; r < rows; r++) {
    memcpy(xh + (size_t)r * W, L->x + (row + r) * D, sizeof(float) * (size_t)D);
    memcpy(xh + (size_t)r * W + D, L->hiddens + (row + r) * H, sizeof(float) * (size_t)H);
  }
}

void sr_lstm_forward(const sr_lstm *L) {
  const int T = L->steps, B = L->batch, H = L->hidden, W = L->dim + H, n = sr_threads();
  float *w = stacked_weights(L);
  float *scratch = malloc(sizeof(float) * (size_t)B * W);
#pragma omp parallel num_threads(n)
  {
    const int k = sr_thread_index();
    int b0, b1;
    sr_rows_of(B, k, n, &b0, &b1);
    const int rows = b1 - b0;
    float *xh = scratch + (size_t)b0 * W;
    for (int t = 0; t < T && rows > 0; t++) {
      const size_t row = (size_t)t * B + b0;
      float *g = L->gates + row * 4 * H;
      stack_inputs(L, row, rows, xh);
      sr_fill_rows(g, rows, 4 * H, 4 * H, L->bias);
      sr_gemm_nt(rows, 4 * H, W, xh, W, w, W, 1.0f, g, 4 * H);
      sr_lstm_cell_forward(rows, H, g, L->cells + row * H, L->cells + (row + B) * H,
                           L->cell_tanh + row * H, L->hiddens + (row + B) * H);
    }
  }
  free(scratch);
  free(w);
}

void sr_lstm_backward(const sr_lstm *L, const sr_lstm_grads *G) {
  const int T = L->steps, B = L->batch, D = L->dim, H = L->hidden, W = D + H, n = sr_threads();
  const size_t wsize = (size_t)4 * H * W;
  float *w = stacked_weights(L);
  float *parts = calloc((size_t)n * wsize, sizeof(float));
  double *bias_parts = calloc((size_t)n * 4 * H, sizeof(double));
  float *scratch = malloc(sizeof(float) * (size_t)B * (3 * H + 2 * W));
#pragma omp parallel num_threads(n)
  {
    const int k = sr_thread_index();
    int b0, b1;
    sr_rows_of(B, k, n, &b0, &b1);
    const int rows = b1 - b0;
    float *dw = parts + (size_t)k * wsize;
    double *dbias = bias_parts + (size_t)k * 4 * H;
    /* This thread's rows of: dh (whole gradient reaching h_{t+1}), dc, the recurrent part,
     * the stacked inputs [x_t | h_{t-1}] and their gradient. */
    float *dh = scratch + (size_t)b0 * H, *dc = dh + (size_t)B * H, *rec = dc + (size_t)B * H;
    float *xh = scratch + (size_t)3 * B * H + (size_t)b0 * W;
    float *dxh = xh + (size_t)B * W;
    const size_t block = (size_t)rows * H;
    sr_lstm_grad_start(G->dh_last, G->dc_last, b0, rows, H, rec, dc);
    for (int t = T - 1; t >= 0 && rows > 0; t--) {
      const size_t row = (size_t)t * B + b0;
      sr_lstm_grad_inputs(G->dy_h, G->dy_c, row, rows, H, rec, dh, dc);
      float *g = L->gates + row * 4 * H;
      sr_lstm_cell_backward(rows, H, g, L->cells + row * H, L->cell_tanh + row * H, dh, dc);
      sr_gemm_nn(rows, W, 4 * H, g, 4 * H, w, W, 0.0f, dxh, W);
      for (int r = 0; r < rows; r++) {
        memcpy(G->dx + (row + r) * D, dxh + (size_t)r * W, sizeof(float) * (size_t)D);
        memcpy(rec + (size_t)r * H, dxh + (size_t)r * W + D, sizeof(float) * (size_t)H);
      }
      stack_inputs(L, row, rows, xh);
      sr_gemm_tn_acc(4 * H, W, rows, g, 4 * H, xh, W, dw, W);
      sr_add_column_sums(g, rows, 4 * H, 4 * H, dbias);
    }
    if (rows > 0) {
      memcpy(G->dh0 + (size_t)b0 * H, rec, block * sizeof(float));
      memcpy(G->dc0 + (size_t)b0 * H, dc, block * sizeof(float));
    }
  }
  /* Each row of the stacked gradient is a row of dW_ih, then one of dW_hh. */
  for (int r = 0; r < 4 * H; r++) {
    const float *row = parts + (size_t)r * W;
    sr_reduce_parts(G->dw_ih + (size_t)r * D, row, n, wsize, (size_t)D);
    sr_reduce_parts(G->dw_hh + (size_t)r * H, row + D, n, wsize, (size_t)H);
  }
  sr_reduce_parts_double(G->dbias, bias_parts, n, (size_t)4 * H, (size_t)4 * H);
  free(parts);
  free(bias_parts);
  free(scratch);
  free(w);
}
