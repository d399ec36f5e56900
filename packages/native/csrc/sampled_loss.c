/*
 * The sampled scoring and loss of a training step as one pass: for each position n, the
 * score of its true next item and of k sampled items (dot product with the state, plus the
 * item's bias), the per-position loss of the chosen kind, and the mean over positions whose
 * target is not padding (id 0). Gradients go to the states, and to the item table and biases
 * densely.
 *
 * Threads split the positions for the scores and the state gradients; the table gradient is
 * then split by item id ranges, each thread scanning every (position, item) pair and adding
 * only its own items' rows, so no thread-private copies of the table are needed.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kernels.h"

#ifdef _OPENMP
#include <omp.h>
#endif

static float sigmoid(float x) { return 1.0f / (1.0f + expf(-x)); }

/* log(1 + e^x) without overflow for large x. */
static float softplus(float x) { return (x > 0.0f ? x : 0.0f) + log1pf(expf(-fabsf(x))); }

static float dot(const float *a, const float *b, int n) {
  float sum = 0.0f;
  /* Lets the compiler split the sum over vector lanes (a different rounding order than one
   * running sum, which it may not change on its own). */
#pragma omp simd reduction(+ : sum)
  for (int i = 0; i < n; i++) sum += a[i] * b[i];
  return sum;
}

/* Loss of one position and the gradient of it with respect to its k + 1 scores
 * (scores[0] is the positive). */
static float position_loss(int kind, int k, const float *scores, float *grad) {
  const float p = scores[0];
  const float *q = scores + 1;
  float *gq = grad + 1;
  float loss = 0.0f;
  grad[0] = 0.0f;
  switch (kind) {
  case SR_LOSS_ADAPTIVE_HINGE: {
    float top = q[0];
    for (int j = 1; j < k; j++) top = q[j] > top ? q[j] : top;
    const float margin = 1.0f + top - p;
    loss = margin > 0.0f ? margin : 0.0f;
    /* As autodiff through max: every negative equal to the maximum gets the gradient. */
    for (int j = 0; j < k; j++) gq[j] = margin > 0.0f && q[j] == top ? 1.0f : 0.0f;
    grad[0] = margin > 0.0f ? -1.0f : 0.0f;
    break;
  }
  case SR_LOSS_HINGE:
    for (int j = 0; j < k; j++) {
      const float margin = 1.0f + q[j] - p;
      loss += margin > 0.0f ? margin : 0.0f;
      gq[j] = margin > 0.0f ? 1.0f / k : 0.0f;
      grad[0] -= gq[j];
    }
    loss /= k;
    break;
  case SR_LOSS_BPR:
    for (int j = 0; j < k; j++) {
      const float s = sigmoid(q[j] - p);
      loss += s;
      gq[j] = s * (1.0f - s) / k;
      grad[0] -= gq[j];
    }
    loss /= k;
    break;
  case SR_LOSS_BPR_LOG:
    for (int j = 0; j < k; j++) {
      loss += softplus(q[j] - p);
      gq[j] = sigmoid(q[j] - p) / k;
      grad[0] -= gq[j];
    }
    loss /= k;
    break;
  case SR_LOSS_POINTWISE: {
    const float sp = sigmoid(-p);
    loss = sp;
    grad[0] = -sp * (1.0f - sp);
    float mean = 0.0f;
    for (int j = 0; j < k; j++) {
      const float s = sigmoid(q[j]);
      mean += s;
      gq[j] = s * (1.0f - s) / k;
    }
    loss += mean / k;
    break;
  }
  default: { /* SR_LOSS_LOGISTIC */
    loss = softplus(-p);
    grad[0] = -sigmoid(-p);
    float mean = 0.0f;
    for (int j = 0; j < k; j++) {
      mean += softplus(q[j]);
      gq[j] = sigmoid(q[j]) / k;
    }
    loss += mean / k;
    break;
  }
  }
  return loss;
}

double sr_sampled_loss(const sr_sampled_loss_args *S) {
  const int n = S->rows, k = S->negatives, H = S->dim, I = S->items, threads = sr_threads();
  const int width = k + 1;
  int counted = 0;
  for (int r = 0; r < n; r++) counted += S->targets[r] != 0;
  /* The mean over counted positions; with none, the loss is 0 and so is every gradient. */
  const float scale = 1.0f / (float)(counted > 0 ? counted : 1);
  float *grads = malloc(sizeof(float) * (size_t)n * width);
  double *losses = calloc((size_t)threads, sizeof(double));
#pragma omp parallel num_threads(threads)
  {
    int t = 0, r0, r1;
#ifdef _OPENMP
    t = omp_get_thread_num();
#endif
    sr_rows_of(n, t, threads, &r0, &r1);
    float scores[1 + SR_MAX_NEGATIVES];
    double sum = 0.0;
    for (int r = r0; r < r1; r++) {
      const float *state = S->states + (size_t)r * H;
      float *g = grads + (size_t)r * width;
      float *ds = S->d_states + (size_t)r * H;
      if (S->targets[r] == 0) {
        memset(g, 0, sizeof(float) * (size_t)width);
        memset(ds, 0, sizeof(float) * (size_t)H);
        continue;
      }
      for (int j = 0; j < width; j++) {
        const int32_t id = j == 0 ? S->targets[r] : S->negative_ids[(size_t)r * k + j - 1];
        scores[j] = dot(state, S->table + (size_t)id * H, H) + S->bias[id];
      }
      sum += position_loss(S->kind, k, scores, g);
      memset(ds, 0, sizeof(float) * (size_t)H);
      for (int j = 0; j < width; j++) {
        g[j] *= scale;
        const int32_t id = j == 0 ? S->targets[r] : S->negative_ids[(size_t)r * k + j - 1];
        const float *row = S->table + (size_t)id * H;
        for (int d = 0; d < H; d++) ds[d] += g[j] * row[d];
      }
    }
    losses[t] = sum;
#pragma omp barrier
    int i0, i1;
    sr_rows_of(I, t, threads, &i0, &i1);
    for (int r = 0; r < n; r++) {
      if (S->targets[r] == 0) continue;
      const float *state = S->states + (size_t)r * H;
      const float *g = grads + (size_t)r * width;
      for (int j = 0; j < width; j++) {
        const int32_t id = j == 0 ? S->targets[r] : S->negative_ids[(size_t)r * k + j - 1];
        if (id < i0 || id >= i1 || g[j] == 0.0f) continue;
        float *row = S->d_table + (size_t)id * H;
        for (int d = 0; d < H; d++) row[d] += g[j] * state[d];
        S->d_bias[id] += g[j];
      }
    }
  }
  double total = 0.0;
  for (int t = 0; t < threads; t++) total += losses[t];
  free(grads);
  free(losses);
  return total * scale;
}
