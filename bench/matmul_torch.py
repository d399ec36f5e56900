# Times float32 matrix products in PyTorch on one thread, for bench/matmul.mjs.
# Reads a JSON list of [m, k, n] shapes from argv[1]; prints one JSON object.
import json
import sys
import time

import torch

torch.set_num_threads(1)
shapes = json.loads(sys.argv[1])
results = []
for m, k, n in shapes:
    a = torch.randn(m, k)
    b = torch.randn(k, n)
    torch.mm(a, b)
    reps = max(3, int(2e9 / (2 * m * k * n)))
    start = time.perf_counter()
    for _ in range(reps):
        torch.mm(a, b)
    seconds = (time.perf_counter() - start) / reps
    results.append({"shape": [m, k, n], "seconds": seconds})
print(json.dumps({"torch": torch.__version__, "results": results}))
