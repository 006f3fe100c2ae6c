"""Training examples/s of the report's nets in PyTorch, for `gradproof bench` to be compared with.

Run it outside the project's dependencies, with Debian's python3-torch, one thread, the
allocator tuned (see README, "Speed against PyTorch"):

  GLIBC_TUNABLES=glibc.malloc.mmap_threshold=2147483647:glibc.malloc.trim_threshold=4294967295 \
    /usr/bin/python3 bench/pytorchTrainSpeed.py --json

The loop does what the protocol's training step does and what gradproof's bench times:
batch assembly from a preloaded float array, forward, cross-entropy, backward, the global
gradient norm and the hit count read back every step, and Adam (PyTorch's defaults). The
data are random pixels: throughput does not depend on their values. Repeats, batches per
repeat and the warm-up match gradproof's bench (5 x 40 batches of 128 after one untimed repeat).
"""
import argparse
import json
import os
import statistics
import sys
import time


def _threads_from_argv():
    for i, a in enumerate(sys.argv):
        if a == '--threads' and i + 1 < len(sys.argv):
            return sys.argv[i + 1]
        if a.startswith('--threads='):
            return a.split('=', 1)[1]
    return '1'


# Debian's torch does its matrix products in OpenBLAS (pthread build), whose thread pool
# torch.set_num_threads does not reach: without this, "one thread" would multiply on every
# core. It must be set before torch loads OpenBLAS.
os.environ['OPENBLAS_NUM_THREADS'] = _threads_from_argv()

import torch  # noqa: E402
import torch.nn as nn

NETS = {
    'plain': [512, 256, 128, 64, 32, 16],
    'vg': [512, 256, 128, 64, 32, 16] + [16] * 10,
}


def build(activation, variant):
    hidden = NETS['plain' if variant == 'plain' else 'vg']
    act = {'sigmoid': nn.Sigmoid, 'tanh': nn.Tanh, 'relu': nn.ReLU}[activation]
    layers, width = [], 3072
    for h in hidden:
        layers.append(nn.Linear(width, h))
        if variant == 'bn':
            layers.append(nn.BatchNorm1d(h))
        layers.append(act())
        width = h
    layers.append(nn.Linear(width, 10))
    model = nn.Sequential(*layers)
    if variant == 'bn':
        for m in model.modules():
            if isinstance(m, nn.Linear):
                (nn.init.kaiming_uniform_ if activation == 'relu' else nn.init.xavier_uniform_)(m.weight)
                nn.init.zeros_(m.bias)
    return model


def time_net(activation, variant, repeats, batches, batch_size):
    torch.manual_seed(0)
    model = build(activation, variant)
    model.train()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-8)
    loss_fn = nn.CrossEntropyLoss()
    n = 5120
    images = torch.rand(n, 3072) * 2 - 1
    labels = torch.randint(0, 10, (n,))
    order = torch.randperm(n)
    params = [p for p in model.parameters()]
    state = {'next': 0}

    def step():
        i = state['next']
        if i + batch_size > n:
            i = 0
        idx = order[i:i + batch_size]
        state['next'] = i + batch_size
        x, y = images[idx], labels[idx]
        opt.zero_grad()
        logits = model(x)
        loss = loss_fn(logits, y)
        loss.backward()
        grad_norm = torch.norm(torch.stack([p.grad.norm() for p in params]))
        hits = (logits.argmax(1) == y).sum()
        opt.step()
        return loss.item(), grad_norm.item(), hits.item()

    samples = []
    for r in range(-1, repeats):
        started = time.perf_counter()
        for _ in range(batches):
            step()
        s = time.perf_counter() - started
        if r >= 0:
            samples.append(batches * batch_size / s)
    return samples


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--repeats', type=int, default=5)
    ap.add_argument('--batches', type=int, default=40)
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--net', action='append', help='e.g. relu-vg; default: all nine')
    ap.add_argument('--json', action='store_true')
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    nets = a.net or [f'{act}-{v}' for act in ('sigmoid', 'tanh', 'relu') for v in ('plain', 'vg', 'bn')]
    out = []
    for net in nets:
        act, variant = net.split('-')
        samples = time_net(act, variant, a.repeats, a.batches, 128)
        r = {'experiment': f'cifar/{net}', 'phase': 'train', 'examplesPerSecond': statistics.median(samples),
             'samples': samples, 'torch': torch.__version__, 'threads': torch.get_num_threads(),
             'openblasThreads': int(os.environ['OPENBLAS_NUM_THREADS']),
             'glibcTunables': os.environ.get('GLIBC_TUNABLES', '')}
        out.append(r)
        if not a.json:
            print(f"{r['experiment']:<22} {r['examplesPerSecond']:>8.0f}  {min(samples):.0f}-{max(samples):.0f}", flush=True)
    if a.json:
        print(json.dumps(out, indent=2))


if __name__ == '__main__':
    main()
