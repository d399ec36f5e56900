/*
 * GRU with PyTorch's equations (gates r, z, n):
 *   r, z = σ(W_i· x + b_i· + W_h· h + b_h·),  n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)),
 *   h' = n + z ⊙ (h − n).
 * The trace keeps r, z, n and W_hn h + b_hn per row: what the backward pass reads.
 */
#include <stdlib.h>
#include <string.h>

#include "kernels.h"

#ifdef _OPENMP
#include <omp.h>
#endif

void sr_gru_forward(const sr_gru *L) {
  const int T = L->steps, B = L->batch, D = L->dim, H = L->hidden, n = sr_threads();
  float *scratch = malloc(sizeof(float) * (size_t)6 * B * H);
#pragma omp parallel num_threads(n)
  {
    int b0, b1, k = 0;
#ifdef _OPENMP
    k = omp_get_thread_num();
#endif
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
        for (int j = 0; j < H; j++) {
          const float cand = sr_tanh(xr[2 * H + j] + gr[j] * hr[2 * H + j]);
          gr[2 * H + j] = cand;
          gr[3 * H + j] = hr[2 * H + j];
          next[(size_t)r * H + j] = cand + gr[H + j] * (h[(size_t)r * H + j] - cand);
        }
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
    int k = 0, b0, b1;
#ifdef _OPENMP
    k = omp_get_thread_num();
#endif
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
        const float *gr = g + (size_t)r * 4 * H, *hr = h + (size_t)r * H;
        const float *dhr = dh + (size_t)r * H;
        float *ax = dxp + (size_t)r * 3 * H, *ah = dhp + (size_t)r * 3 * H;
        float *direct = rec + (size_t)r * H;
        for (int j = 0; j < H; j++) {
          const float rg = gr[j], z = gr[H + j], cand = gr[2 * H + j], hn = gr[3 * H + j];
          const float d = dhr[j];
          const float dn = d * (1.0f - z) * (1.0f - cand * cand);
          const float dz = d * (hr[j] - cand) * z * (1.0f - z);
          const float dr = dn * hn * rg * (1.0f - rg);
          ax[j] = dr;
          ax[H + j] = dz;
          ax[2 * H + j] = dn;
          ah[j] = dr;
          ah[H + j] = dz;
          ah[2 * H + j] = dn * rg;
          direct[j] = d * z;
        }
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
  for (size_t i = 0; i < per; i++) {
    float sum = 0.0f;
    for (int q = 0; q < n; q++) sum += parts[(size_t)q * per + i];
    if (i < wih) G->dw_ih[i] = sum;
    else G->dw_hh[i - wih] = sum;
  }
  for (int j = 0; j < 6 * H; j++) {
    double sum = 0.0;
    for (int q = 0; q < n; q++) sum += bias_parts[(size_t)q * 6 * H + j];
    if (j < 3 * H) G->db_ih[j] = (float)sum;
    else G->db_hh[j - 3 * H] = (float)sum;
  }
  free(parts);
  free(bias_parts);
  free(scratch);
}
