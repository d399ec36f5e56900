/* Row-major products through CBLAS, and the small helpers every kernel shares. */
#include <cblas.h>
#include <string.h>

#include "kernels.h"

void sr_gemm_nt(int m, int n, int k, const float *a, int lda, const float *b, int ldb, float beta,
                float *c, int ldc) {
  cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, m, n, k, 1.0f, a, lda, b, ldb, beta, c, ldc);
}

void sr_gemm_nn(int m, int n, int k, const float *a, int lda, const float *b, int ldb, float beta,
                float *c, int ldc) {
  cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m, n, k, 1.0f, a, lda, b, ldb, beta, c,
              ldc);
}

void sr_gemm_tn_acc(int m, int n, int k, const float *a, int lda, const float *b, int ldb, float *c,
                    int ldc) {
  cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, m, n, k, 1.0f, a, lda, b, ldb, 1.0f, c, ldc);
}

void sr_fill_rows(float *block, int rows, int width, int ld, const float *row) {
  for (int r = 0; r < rows; r++) {
    if (row == NULL) memset(block + (size_t)r * ld, 0, sizeof(float) * (size_t)width);
    else memcpy(block + (size_t)r * ld, row, sizeof(float) * (size_t)width);
  }
}

void sr_add_column_sums(const float *block, int rows, int width, int ld, double *sums) {
  for (int r = 0; r < rows; r++) {
    const float *row = block + (size_t)r * ld;
    for (int j = 0; j < width; j++) sums[j] += row[j];
  }
}

void sr_reduce_parts(float *out, const float *parts, int count, size_t stride, size_t size) {
  for (size_t i = 0; i < size; i++) {
    float sum = 0.0f;
    for (int p = 0; p < count; p++) sum += parts[(size_t)p * stride + i];
    out[i] = sum;
  }
}

void sr_reduce_parts_double(float *out, const double *parts, int count, size_t stride,
                            size_t size) {
  for (size_t i = 0; i < size; i++) {
    double sum = 0.0;
    for (int p = 0; p < count; p++) sum += parts[(size_t)p * stride + i];
    out[i] = (float)sum;
  }
}

static int threads = 1;

int sr_threads(void) { return threads; }

void sr_set_threads(int count) {
  threads = count < 1 ? 1 : count;
  /* Our threads each call BLAS on their own rows; BLAS threads of its own would compete with
   * them for the same cores. */
  openblas_set_num_threads(1);
}
