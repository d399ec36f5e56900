/*
 * Multiplicative LSTM (Krause et al.): per step
 *   m_t = (W_mx x_t + b_mx) ⊙ (W_mh h_{t-1} + b_mh),
 *   gates_t = W_ih x_t + W_hm m_t + b, then the LSTM cell of lstm.c.
 * The input side of both (W_ih and W_mx) is one product with the stacked [5H, D] weight.
 */
#include <stdlib.h>
#include <string.h>

#include "kernels.h"

void sr_mlstm_forward(const sr_mlstm *L) {
  const int T = L->steps, B = L->batch, D = L->dim, H = L->hidden, n = sr_threads();
#pragma omp parallel num_threads(n)
  {
    const int k = sr_thread_index();
    int b0, b1;
    sr_rows_of(B, k, n, &b0, &b1);
    const int rows = b1 - b0;
    for (int t = 0; t < T && rows > 0; t++) {
      const size_t row = (size_t)t * B + b0;
      float *p = L->projected + row * 5 * H;
      float *f = L->factors + row * H;
      float *m = L->products + row * H;
      float *g = L->gates + row * 4 * H;
      sr_fill_rows(p, rows, 5 * H, 5 * H, L->b_x);
      sr_gemm_nt(rows, 5 * H, D, L->x + row * D, D, L->w_x, D, 1.0f, p, 5 * H);
      sr_fill_rows(f, rows, H, H, L->b_mh);
      sr_gemm_nt(rows, H, H, L->hiddens + row * H, H, L->w_mh, H, 1.0f, f, H);
      for (int r = 0; r < rows; r++) {
        const float *pr = p + (size_t)r * 5 * H;
        for (int j = 0; j < H; j++) m[(size_t)r * H + j] = pr[4 * H + j] * f[(size_t)r * H + j];
        memcpy(g + (size_t)r * 4 * H, pr, sizeof(float) * 4 * (size_t)H);
      }
      sr_gemm_nt(rows, 4 * H, H, m, H, L->w_hh, H, 1.0f, g, 4 * H);
      sr_lstm_cell_forward(rows, H, g, L->cells + row * H, L->cells + (row + B) * H,
                           L->cell_tanh + row * H, L->hiddens + (row + B) * H);
    }
  }
}

void sr_mlstm_backward(const sr_mlstm *L, const sr_mlstm_grads *G) {
  const int T = L->steps, B = L->batch, D = L->dim, H = L->hidden, n = sr_threads();
  const size_t wx = (size_t)5 * H * D, whh = (size_t)4 * H * H, wmh = (size_t)H * H;
  const size_t per = wx + whh + wmh;
  float *parts = calloc((size_t)n * per, sizeof(float));
  double *bias_parts = calloc((size_t)n * 6 * H, sizeof(double));
  float *scratch = malloc(sizeof(float) * (size_t)4 * B * H);
#pragma omp parallel num_threads(n)
  {
    const int k = sr_thread_index();
    int b0, b1;
    sr_rows_of(B, k, n, &b0, &b1);
    const int rows = b1 - b0;
    float *dw_x = parts + (size_t)k * per, *dw_hh = dw_x + wx, *dw_mh = dw_hh + whh;
    double *db_x = bias_parts + (size_t)k * 6 * H, *db_mh = db_x + 5 * H;
    const size_t block = (size_t)rows * H;
    float *dh = scratch + (size_t)b0 * H, *dc = dh + (size_t)B * H, *rec = dc + (size_t)B * H;
    float *dm = rec + (size_t)B * H;
    sr_lstm_grad_start(G->dh_last, G->dc_last, b0, rows, H, rec, dc);
    for (int t = T - 1; t >= 0 && rows > 0; t--) {
      const size_t row = (size_t)t * B + b0;
      sr_lstm_grad_inputs(G->dy_h, G->dy_c, row, rows, H, rec, dh, dc);
      float *g = L->gates + row * 4 * H;
      float *p = L->projected + row * 5 * H;
      float *f = L->factors + row * H;
      sr_lstm_cell_backward(rows, H, g, L->cells + row * H, L->cell_tanh + row * H, dh, dc);
      sr_gemm_nn(rows, H, 4 * H, g, 4 * H, L->w_hh, H, 0.0f, dm, H);
      sr_gemm_tn_acc(4 * H, H, rows, g, 4 * H, L->products + row * H, H, dw_hh, H);
      /* The projected row becomes its gradient: gate part from the cell, factor part dm ⊙ F;
       * the hidden factor becomes its gradient dm ⊙ (input factor). */
      for (int r = 0; r < rows; r++) {
        float *pr = p + (size_t)r * 5 * H, *fr = f + (size_t)r * H;
        const float *dmr = dm + (size_t)r * H;
        memcpy(pr, g + (size_t)r * 4 * H, sizeof(float) * 4 * (size_t)H);
        for (int j = 0; j < H; j++) {
          const float input_factor = pr[4 * H + j];
          pr[4 * H + j] = dmr[j] * fr[j];
          fr[j] = dmr[j] * input_factor;
        }
      }
      sr_add_column_sums(f, rows, H, H, db_mh);
      sr_gemm_tn_acc(H, H, rows, f, H, L->hiddens + row * H, H, dw_mh, H);
      sr_gemm_nn(rows, H, H, f, H, L->w_mh, H, 0.0f, rec, H);
      sr_gemm_nn(rows, D, 5 * H, p, 5 * H, L->w_x, D, 0.0f, G->dx + row * D, D);
      sr_gemm_tn_acc(5 * H, D, rows, p, 5 * H, L->x + row * D, D, dw_x, D);
      sr_add_column_sums(p, rows, 5 * H, 5 * H, db_x);
    }
    if (rows > 0) {
      memcpy(G->dh0 + (size_t)b0 * H, rec, block * sizeof(float));
      memcpy(G->dc0 + (size_t)b0 * H, dc, block * sizeof(float));
    }
  }
  sr_reduce_parts(G->dw_x, parts, n, per, wx);
  sr_reduce_parts(G->dw_hh, parts + wx, n, per, whh);
  sr_reduce_parts(G->dw_mh, parts + wx + whh, n, per, wmh);
  sr_reduce_parts_double(G->db_x, bias_parts, n, (size_t)6 * H, (size_t)5 * H);
  if (G->db_mh) sr_reduce_parts_double(G->db_mh, bias_parts + 5 * H, n, (size_t)6 * H, (size_t)H);
  free(parts);
  free(bias_parts);
  free(scratch);
}
