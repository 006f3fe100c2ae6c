"""The report's 13 runs in PyTorch, one seed, for timing `gradproof reproduce` against.

A PyTorch implementation of PROTOCOL.md written for this comparison (the independent
implementation the project is judged against lives outside the repository). Run it outside the
project's dependencies with Debian's python3-torch and the allocator tuned:

  GLIBC_TUNABLES=glibc.malloc.mmap_threshold=2147483647:glibc.malloc.trim_threshold=4294967295 \
    /usr/bin/python3 bench/pytorchProtocol.py --data ../shared/data

It runs the runs one after another in one process with torch's default threads (every core,
for its matrix products and elementwise kernels), as a user's script would. Per epoch it does
the work gradproof's runs do: shuffled batches, forward, cross-entropy (+ penalties), backward,
the global and per-layer gradient norms and the hit count read back every step, Adam, then
evaluation of the validation and test sets. Images are decoded once per data set (PIL), as
gradproof decodes once and caches. It prints each run's wall time, final accuracies and the
total.
"""
import argparse
import json
import os
import time

import numpy as np
import torch
import torch.nn as nn
from PIL import Image

CLASSES = ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck']


def load_folder(root, channels):
    xs, ys = [], []
    for label in sorted(os.listdir(root), key=lambda s: CLASSES.index(s) if s in CLASSES else int(s)):
        y = CLASSES.index(label) if label in CLASSES else int(label)
        folder = os.path.join(root, label)
        for name in sorted(os.listdir(folder)):
            img = Image.open(os.path.join(folder, name)).convert('RGB' if channels == 3 else 'L')
            a = np.asarray(img, dtype=np.float32) / 255.0
            xs.append(a.transpose(2, 0, 1).reshape(-1) if channels == 3 else a.reshape(-1))
            ys.append(y)
    x = torch.from_numpy(np.stack(xs))
    return (x - 0.5) / 0.5, torch.tensor(ys)


def build(widths, activation, batch_norm, dropout, init):
    act = {'sigmoid': nn.Sigmoid, 'tanh': nn.Tanh, 'relu': nn.ReLU}[activation]
    layers = []
    for i in range(len(widths) - 2):
        layers.append(nn.Linear(widths[i], widths[i + 1]))
        if batch_norm:
            layers.append(nn.BatchNorm1d(widths[i + 1]))
        layers.append(act())
        if dropout > 0:
            layers.append(nn.Dropout(dropout))
    layers.append(nn.Linear(widths[-2], widths[-1]))
    model = nn.Sequential(*layers)
    if init != 'torch-default':
        for m in model.modules():
            if isinstance(m, nn.Linear):
                (nn.init.kaiming_uniform_ if init == 'he' else nn.init.xavier_uniform_)(m.weight)
                nn.init.zeros_(m.bias)
    return model


def evaluate(model, x, y):
    model.eval()
    with torch.no_grad():
        hits = sum((model(x[i:i + 1000]).argmax(1) == y[i:i + 1000]).sum().item() for i in range(0, len(x), 1000))
    model.train()
    return hits / len(x)


def run(exp, data, seed):
    torch.manual_seed(seed)
    m = exp['model']
    widths = [m['inputSize'], *m['hidden'], m['outputSize']]
    model = build(widths, m['activation'], m['batchNorm'], m['dropout'], m['init'])
    opt = torch.optim.Adam(model.parameters(), lr=exp['optimizer']['lr'],
                           betas=(exp['optimizer']['beta1'], exp['optimizer']['beta2']), eps=exp['optimizer']['eps'])
    loss_fn = nn.CrossEntropyLoss()
    params = list(model.parameters())
    weights = [mod.weight for mod in model.modules() if isinstance(mod, nn.Linear)]
    penalties = exp['penalties']
    (xtr, ytr), (xval, yval), (xte, yte) = data
    bs = exp['batchSize']
    epochs = []
    for epoch in range(exp['epochs']):
        order = torch.randperm(len(xtr))
        loss_sum = hits = 0.0
        for i in range(0, len(xtr), bs):
            idx = order[i:i + bs]
            x, y = xtr[idx], ytr[idx]
            opt.zero_grad()
            logits = model(x)
            loss = loss_fn(logits, y)
            for p in penalties:
                total = sum((q.abs().sum() if p['kind'] == 'l1' else (q * q).sum()) for q in params)
                loss = loss + p['rate'] * total
            loss.backward()
            norms = torch.stack([q.grad.norm() for q in params])
            layer_norms = torch.stack([w.grad.norm() for w in weights])
            grad_norm = norms.norm()
            hit = (logits.argmax(1) == y).sum()
            opt.step()
            loss_sum += loss.item()
            hits += hit.item()
            grad_norm.item()
            layer_norms.tolist()
        val = evaluate(model, xval, yval) if xval is not None else None
        epochs.append({'epoch': epoch + 1, 'trainLoss': loss_sum / -(-len(xtr) // bs), 'trainAcc': hits / len(xtr),
                       'valAcc': val, 'testAcc': evaluate(model, xte, yte)})
    return epochs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--data', required=True)
    ap.add_argument('--experiments', default=os.path.join(os.path.dirname(__file__), '..', 'experiments', 'report.gradproof.json'))
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--only', help='substring of the experiment ids to run')
    a = ap.parse_args()
    with open(a.experiments) as f:
        experiments = json.load(f)['experiments']
    if a.only:
        experiments = [e for e in experiments if a.only in e['id']]
    started = time.perf_counter()
    cache = {}
    for exp in experiments:
        t0 = time.perf_counter()
        if exp['dataset'] not in cache:
            g = torch.Generator().manual_seed(a.seed)
            if exp['dataset'] == 'cifar10':
                xtr, ytr = load_folder(os.path.join(a.data, 'cifar10-jpg', 'train'), 3)
                xte, yte = load_folder(os.path.join(a.data, 'cifar10-jpg', 'test'), 3)
                perm = torch.randperm(len(xtr), generator=g)
                nval = round(len(xtr) * exp['valFraction'])
                cache['cifar10'] = ((xtr[perm[nval:]], ytr[perm[nval:]]), (xtr[perm[:nval]], ytr[perm[:nval]]), (xte, yte))
            else:
                xtr, ytr = load_folder(os.path.join(a.data, 'gurmukhi', 'train'), 1)
                xte, yte = load_folder(os.path.join(a.data, 'gurmukhi', 'val'), 1)
                cache[exp['dataset']] = ((xtr, ytr), (None, None), (xte, yte))
        epochs = run(exp, cache[exp['dataset']], a.seed)
        last = epochs[-1]
        print(f"{exp['id']:<22} {time.perf_counter() - t0:7.1f} s  train {last['trainAcc']:.4f}  test {last['testAcc']:.4f}", flush=True)
    print(f"total {time.perf_counter() - started:.1f} s (torch {torch.__version__}, {torch.get_num_threads()} threads)")


if __name__ == '__main__':
    main()
