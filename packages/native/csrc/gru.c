/*
 * GRU with PyTorch's equations (gates r, z, n):
 *   r, z = σ(W_i· x + b_i· + W_h· h + b_h·),  n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)),
 *   h' = n + z ⊙ (h − n).
 * The trace keeps r, z, n and W_hn h + b_hn per row: what the backward pass reads.
 */
#include <stdlib.h>
#include <string.h>

#include "kernels.h"

/* One row of the cell after the r and z gates: n, W_hn h + b_hn kept, and h'. Restrict
 * parameters (disjoint parts of rows) let the compiler vectorise it; so in unit_backward. */
static void unit_forward(int h, const float *restrict x_n, const float *restrict h_n,
                         const float *restrict r, const float *restrict z,
                         const float *restrict prev, float *restrict cand,
                         float *restrict kept, float *restrict next) {
  for (int j = 0; j < h; j++) {
    const float n = sr_tanh(x_n[j] + r[j] * h_n[j]);
    cand[j] = n;
    kept[j] = h_n[j];
    next[j] = n + z[j] * (prev[j] - n);
  }
}

/* Gradients of one row: of the input projections (r, z, n) into ax_*, of the hidden ones into
 * ah_*, and the part of dh that goes straight to h through z into `direct`. */
static void unit_backward(int h, const float *restrict r, const float *restrict z,
                          const float *restrict n, const float *restrict h_n,
                          const float *restrict prev, const float *restrict dh,
                          float *restrict ax_r, float *restrict ax_z, float *restrict ax_n,
                          float *restrict ah_r, float *restrict ah_z, float *restrict ah_n,
                          float *restrict direct) {
  for (int j = 0; j < h; j++) {
    const float d = dh[j];
    const float dn = d * (1.0f - z[j]) * (1.0f - n[j] * n[j]);
    const float dz = d * (prev[j] - n[j]) * z[j] * (1.0f - z[j]);
    const float dr = dn * h_n[j] * r[j] * (1.0f - r[j]);
    ax_r[j] = dr;
    ax_z[j] = dz;
    ax_n[j] = dn;
    ah_r[j] = dr;
    ah_z[j] = dz;
    ah_n[j] = dn * r[j];
    direct[j] = d * z[j];
  }
}

void sr_gru_forward(const sr_gru *L) {
  const int T = L->steps, B = L->batch, D = L->dim, H = L->hidden, n = sr_threads();
  float *scratch = malloc(sizeof(float) * (size_t)6 * B * H);
#pragma omp parallel num_threads(n)
  {
    const int k = sr_thread_index();
    int b0, b1;
    sr_rows_of(B, k, n, &b0, &b1);
    const int rows = b1 - b0;
    float *xp = scratch + (size_t)b0 * 3 * H, *hp = xp + (size_t)B * 3 * H;
    for (int t = 0; t < T && rows > 0; t++) {
      const size_t row = (size_t)t * B + b0;
      const float *h = L->hiddens + row * H;
      float *next = L->hiddens + (row + B) * H;
      float *g = L->gates + row * 4 * H;
      sr_fill_rows(xp, rows, 3 * H, 3 * H, L->b_ih);
      sr_gemm_nt(rows, 3 * H, D, L->x + row * D, D, L->w_ih, D, 1.0f, xp, 3 * H);
      sr_fill_rows(hp, rows, 3 * H, 3 * H, L->b_hh);
      sr_gemm_nt(rows, 3 * H, H, h, H, L->w_hh, H, 1.0f, hp, 3 * H);
      for (int r = 0; r < rows; r++) {
        const float *xr = xp + (size_t)r * 3 * H, *hr = hp + (size_t)r * 3 * H;
        float *gr = g + (size_t)r * 4 * H;
        for (int j = 0; j < 2 * H; j++) gr[j] = sr_sigmoid(xr[j] + hr[j]);
        unit_forward(H, xr + 2 * H, hr + 2 * H, gr, gr + H, h + (size_t)r * H, gr + 2 * H,
                     gr + 3 * H, next + (size_t)r * H);
      }
    }
  }
  free(scratch);
}

void sr_gru_backward(const sr_gru *L, const sr_gru_grads *G) {
  const int T = L->steps, B = L->batch, D = L->dim, H = L->hidden, n = sr_threads();
  const size_t wih = (size_t)3 * H * D, whh = (size_t)3 * H * H, per = wih + whh;
  float *parts = calloc((size_t)n * per, sizeof(float));
  double *bias_parts = calloc((size_t)n * 6 * H, sizeof(double));
  float *scratch = malloc(sizeof(float) * (size_t)8 * B * H);
#pragma omp parallel num_threads(n)
  {
    const int k = sr_thread_index();
    int b0, b1;
    sr_rows_of(B, k, n, &b0, &b1);
    const int rows = b1 - b0;
    float *dw_ih = parts + (size_t)k * per, *dw_hh = dw_ih + wih;
    double *db_ih = bias_parts + (size_t)k * 6 * H, *db_hh = db_ih + 3 * H;
    const size_t block = (size_t)rows * H;
    float *dxp = scratch + (size_t)b0 * 3 * H, *dhp = dxp + (size_t)B * 3 * H;
    float *rec = scratch + (size_t)6 * B * H + (size_t)b0 * H;
    float *dh = rec + (size_t)B * H;
    memset(rec, 0, block * sizeof(float));
    for (int t = T - 1; t >= 0 && rows > 0; t--) {
      const size_t row = (size_t)t * B + b0;
      const float *h = L->hiddens + row * H;
      const float *g = L->gates + row * 4 * H;
      for (size_t i = 0; i < block; i++) dh[i] = rec[i] + G->dy[row * H + i];
      for (int r = 0; r < rows; r++) {
        const float *gr = g + (size_t)r * 4 * H;
        float *ax = dxp + (size_t)r * 3 * H, *ah = dhp + (size_t)r * 3 * H;
        unit_backward(H, gr, gr + H, gr + 2 * H, gr + 3 * H, h + (size_t)r * H, dh + (size_t)r * H,
                      ax, ax + H, ax + 2 * H, ah, ah + H, ah + 2 * H, rec + (size_t)r * H);
      }
      sr_gemm_nn(rows, H, 3 * H, dhp, 3 * H, L->w_hh, H, 1.0f, rec, H);
      sr_gemm_tn_acc(3 * H, H, rows, dhp, 3 * H, h, H, dw_hh, H);
      sr_add_column_sums(dhp, rows, 3 * H, 3 * H, db_hh);
      sr_gemm_nn(rows, D, 3 * H, dxp, 3 * H, L->w_ih, D, 0.0f, G->dx + row * D, D);
      sr_gemm_tn_acc(3 * H, D, rows, dxp, 3 * H, L->x + row * D, D, dw_ih, D);
      sr_add_column_sums(dxp, rows, 3 * H, 3 * H, db_ih);
    }
    if (rows > 0) memcpy(G->dh0 + (size_t)b0 * H, rec, block * sizeof(float));
  }
  sr_reduce_parts(G->dw_ih, parts, n, per, wih);
  sr_reduce_parts(G->dw_hh, parts + wih, n, per, whh);
  sr_reduce_parts_double(G->db_ih, bias_parts, n, (size_t)6 * H, (size_t)3 * H);
  sr_reduce_parts_double(G->db_hh, bias_parts + 3 * H, n, (size_t)6 * H, (size_t)3 * H);
  free(parts);
  free(bias_parts);
  free(scratch);
}
