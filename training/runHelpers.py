"""Helpers shared by the training scripts (trainReal.py, pretrainMlm.py): the run log and the
learning-rate factor (linear warm-up, then linear decay over the step count or a CPU-time budget)."""
import os
import time


def run_logger(work):
    """A function that prints a time-stamped line and appends it to <work>/train.log."""
    logf = open(os.path.join(work, 'train.log'), 'a')

    def log(msg):
        line = time.strftime('%H:%M:%S ') + msg
        print(line, flush=True)
        logf.write(line + '\n')
        logf.flush()

    return log


def lr_factor(warm, total, minutes, state):
    """LambdaLR factor: warm-up over `warm` steps, then down to 0.02 by step `total` or, with a
    budget of `minutes` of CPU time, by the time `state['elapsed']` (seconds) reaches it."""
    def factor(s):
        if s < warm:
            return (s + 1) / warm
        frac = state['elapsed'] / (60 * minutes) if minutes else s / total
        return max(0.02, 1 - frac)

    return factor


def apply_step(model, opt, loss):
    """One optimizer step on `loss`: gradients, clipping at norm 1.0, the update (both recipes)."""
    import torch
    opt.zero_grad()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    opt.step()
