"""Times Spotlight's LSTM training step in PyTorch, as the reference for `pnpm bench:train`.

Our own script, written from Spotlight's LSTMNet, ImplicitSequenceModel and
adaptive_hinge_loss (no Spotlight install needed): item embeddings normal(0, 1/dim) with a zero
padding row, zero item biases, a zero input step before the first position, nn.LSTM with
hidden size dim, the true next item scored against `negatives` uniformly sampled items per
position (each scored as a separate pass, as Spotlight does), the adaptive hinge loss over
non-padding positions, and Adam with learning rate 0.01.

Prints one JSON line: seconds per step (mean of timed steps), seconds per epoch (one shuffled
pass over the windows, measured), seconds of an encode and backward pass alone, the BLAS
library the process loaded and the GFLOP/s of a 512x512 matrix multiply through it: Debian's
torch is only as fast as the libblas.so.3 it finds (see bench/setup.sh).
"""

import argparse
import json
import time

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn


class LstmNet(nn.Module):
    def __init__(self, num_items, dim):
        super().__init__()
        self.item_embeddings = nn.Embedding(num_items, dim, padding_idx=0)
        self.item_embeddings.weight.data.normal_(0, 1.0 / dim)
        self.item_embeddings.weight.data[0].fill_(0)
        self.item_biases = nn.Embedding(num_items, 1, padding_idx=0)
        self.item_biases.weight.data.zero_()
        self.lstm = nn.LSTM(batch_first=True, input_size=dim, hidden_size=dim)

    def user_representation(self, sequences):
        embedded = self.item_embeddings(sequences)  # [B, L, D]
        padded = F.pad(embedded, (0, 0, 1, 0))  # a zero step first: [B, L + 1, D]
        states, _ = self.lstm(padded)
        return states[:, :-1, :]  # [B, L, D]: the state before each position

    def score(self, states, targets):
        dot = (states * self.item_embeddings(targets)).sum(-1)
        return dot + self.item_biases(targets).squeeze(-1)


def adaptive_hinge_loss(positive, negatives, mask):
    highest = negatives.max(0)[0]
    loss = torch.clamp(highest - positive + 1.0, min=0.0) * mask
    return loss.sum() / mask.sum()


def train_step(net, optimizer, batch, num_items, negatives):
    states = net.user_representation(batch)
    positive = net.score(states, batch)
    sampled = torch.randint(0, num_items, (negatives,) + tuple(batch.shape))
    negative = torch.stack([net.score(states, sampled[k]) for k in range(negatives)])
    loss = adaptive_hinge_loss(positive, negative, (batch != 0).float())
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()


def load_windows(args):
    if args.windows_file:
        flat = np.fromfile(args.windows_file, dtype=np.int32)
        return torch.from_numpy(flat.reshape(-1, args.length).astype(np.int64))
    generator = torch.Generator().manual_seed(0)
    return torch.randint(1, args.items, (args.windows, args.length), generator=generator)


def loaded_blas():
    """The BLAS shared objects mapped into this process (torch loads libblas.so.3 lazily)."""
    torch.ones(8, 8) @ torch.ones(8, 8)
    with open("/proc/self/maps", encoding="utf8") as maps:
        paths = {line.split()[-1] for line in maps if "blas" in line.lower()}
    return sorted(path for path in paths if path.startswith("/"))


def matmul_gflops(n=512, repeats=20):
    a, b = torch.randn(n, n), torch.randn(n, n)
    for _ in range(3):
        a @ b
    started = time.perf_counter()
    for _ in range(repeats):
        a @ b
    return 2 * n**3 * repeats / (time.perf_counter() - started) / 1e9


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=256)
    parser.add_argument("--length", type=int, default=100)
    parser.add_argument("--dim", type=int, default=64)
    parser.add_argument("--items", type=int, default=3701, help="id space, padding included")
    parser.add_argument("--windows", type=int, default=6300)
    parser.add_argument("--windows-file", help="int32 [windows, length] ids, row-major")
    parser.add_argument("--negatives", type=int, default=5)
    parser.add_argument("--steps", type=int, default=10, help="timed steps")
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()

    torch.manual_seed(0)
    torch.set_num_threads(args.threads)
    windows = load_windows(args)
    net = LstmNet(args.items, args.dim)
    optimizer = torch.optim.Adam(net.parameters(), lr=1e-2)
    batch = windows[: args.batch]

    for _ in range(3):  # warm-up
        train_step(net, optimizer, batch, args.items, args.negatives)
    started = time.perf_counter()
    for _ in range(args.steps):
        train_step(net, optimizer, batch, args.items, args.negatives)
    per_step = (time.perf_counter() - started) / args.steps

    started = time.perf_counter()
    order = torch.randperm(windows.shape[0])
    for first in range(0, windows.shape[0], args.batch):
        rows = windows[order[first : first + args.batch]]
        train_step(net, optimizer, rows, args.items, args.negatives)
    per_epoch = time.perf_counter() - started

    weights = torch.randn(batch.shape[0], args.length, args.dim)
    started = time.perf_counter()
    for _ in range(args.steps):
        net.zero_grad()
        (net.user_representation(batch) * weights).sum().backward()
    encode_backward = (time.perf_counter() - started) / args.steps

    result = {
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "blas": loaded_blas(),
        "matmul_gflops": matmul_gflops(),
        "windows": int(windows.shape[0]),
        "seconds_per_step": per_step,
        "seconds_per_epoch": per_epoch,
        "encode_backward_seconds": encode_backward,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
