"""Checks that evaluation templates and training templates are disjoint (also after
normalizing case, whitespace and slot names), so that the evaluation measures transfer.

  /usr/bin/python3 training/checkTemplates.py
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import evalTemplates  # noqa: E402
import templateRender  # noqa: E402
import trainTemplates  # noqa: E402


def skeleton(t):
    return re.sub(r'\s+', ' ', re.sub(r'\{[a-z_0-9]+\}', '{}', t)).strip().lower()


def main():
    train = {skeleton(t) for t in trainTemplates.all_templates()}
    ev = [t for t in evalTemplates.all_templates()]
    templateRender.check_templates(trainTemplates.all_templates())
    templateRender.check_templates(ev)
    shared = [t for t in ev if skeleton(t) in train]
    shared_fam = set(trainTemplates.FAMILIES) & set(evalTemplates.FAMILIES)
    if shared or shared_fam:
        print('overlap:', shared, shared_fam)
        sys.exit(1)
    print('ok: %d training and %d evaluation templates, no shared template or family' % (len(train), len(ev)))


if __name__ == '__main__':
    main()
