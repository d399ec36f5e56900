/*
 * The sampled scoring and loss of a training step as one pass: for each position n, the
 * score of its true next item and of k sampled items (dot product with the state, plus the
 * item's bias), the per-position loss of the chosen kind, and the mean over positions whose
 * target is not padding (id 0). Gradients go to the states, and to the item table and biases
 * densely.
 *
 * Threads split the positions for the scores and the state gradients, and file each nonzero
 * term of the table gradient under the thread that owns that item's range of rows; after a
 * barrier each thread applies its own terms. No two threads write one row, and no thread-
 * private copy of the table is needed (which for a large catalogue would not fit in cache).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kernels.h"


static float sigmoid(float x) { return 1.0f / (1.0f + expf(-x)); }

/* log(1 + e^x) without overflow for large x. */
static float softplus(float x) { return (x > 0.0f ? x : 0.0f) + log1pf(expf(-fabsf(x))); }

/* One nonzero term of the table gradient: row `id` gets g · states[r]. */
typedef struct {
  int32_t id, row;
  float g;
} update;

static void axpy(int n, float a, const float *restrict x, float *restrict y) {
  for (int i = 0; i < n; i++) y[i] += a * x[i];
}

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
  /* Phase 1 files each nonzero table-gradient term under the thread that owns its item's
   * range of rows; phase 2 has each thread apply only its own, so no two threads write one
   * row and no thread scans the others' terms. */
  const size_t capacity = (size_t)(n / threads + 1) * width;
  update *updates = malloc(sizeof(update) * capacity * threads * threads);
  int *counts = calloc((size_t)threads * threads, sizeof(int));
  double *losses = calloc((size_t)threads, sizeof(double));
#pragma omp parallel num_threads(threads)
  {
    const int t = sr_thread_index();
    int r0, r1;
    sr_rows_of(n, t, threads, &r0, &r1);
    float scores[1 + SR_MAX_NEGATIVES];
    double sum = 0.0;
    int ids[1 + SR_MAX_NEGATIVES];
    for (int r = r0; r < r1; r++) {
      const float *state = S->states + (size_t)r * H;
      float *g = grads + (size_t)r * width;
      float *ds = S->d_states + (size_t)r * H;
      memset(ds, 0, sizeof(float) * (size_t)H);
      if (S->targets[r] == 0) continue;
      ids[0] = S->targets[r];
      for (int j = 1; j < width; j++) ids[j] = S->negative_ids[(size_t)r * k + j - 1];
      for (int j = 0; j < width; j++)
        scores[j] = dot(state, S->table + (size_t)ids[j] * H, H) + S->bias[ids[j]];
      sum += position_loss(S->kind, k, scores, g);
      for (int j = 0; j < width; j++) {
        g[j] *= scale;
        if (g[j] == 0.0f) continue;
        axpy(H, g[j], S->table + (size_t)ids[j] * H, ds);
        const int owner = (int)((int64_t)ids[j] * threads / I);
        const int slot = t * threads + owner;
        updates[(size_t)slot * capacity + counts[slot]++] = (update){ids[j], r, g[j]};
      }
    }
    losses[t] = sum;
#pragma omp barrier
    for (int from = 0; from < threads; from++) {
      const int slot = from * threads + t;
      const update *list = updates + (size_t)slot * capacity;
      for (int u = 0; u < counts[slot]; u++) {
        axpy(H, list[u].g, S->states + (size_t)list[u].row * H, S->d_table + (size_t)list[u].id * H);
        S->d_bias[list[u].id] += list[u].g;
      }
    }
  }
  free(updates);
  free(counts);
  double total = 0.0;
  for (int t = 0; t < threads; t++) total += losses[t];
  free(grads);
  free(losses);
  return total * scale;
}
