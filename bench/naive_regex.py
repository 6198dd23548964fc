#!/usr/bin/env python3
"""A naive work-plan parser: one pass of Python `re` per line. Only a yardstick for the engine's speed.

It strips tags, recognises the numbering of Chinese official documents (一、 （一） 1. （1） ①), takes the heading
before the first 。/：, and looks for targets, lead/support units and deadlines with one regex each. Prints the number of
items found and the time spent (reading and parsing, start-up excluded) as JSON on standard output.
"""
import json
import re
import sys
import time

TAG = re.compile(r"<[^>]*>")
LABEL = re.compile(r"^\s*(?:([一二三四五六七八九十]+)、|[（(]([一二三四五六七八九十]+)[）)]|(\d+)[.．、]|[（(](\d+)[）)]|([①-⑳]))\s*(.*)$")
HEADING = re.compile(r"^([^。：:；;]{2,40})[。：:]")
TARGET = re.compile(r"(\d+(?:\.\d+)?)\s*(%|万元|亿元|所|个|人|处|项|名|次|所学校)")
LEAD = re.compile(r"(?:牵头单位|责任单位|牵头)[：:]\s*([^；;。\n]+)")
SUPPORT = re.compile(r"(?:配合单位|配合)[：:]\s*([^；;。\n]+)")
DEADLINE = re.compile(r"(?:完成时限|时限)[：:]\s*([^；;。\n]+)|(年底前|年内|长期坚持|\d{1,2}月底前|\d{4}年\d{1,2}月)")
UNIT_SPLIT = re.compile(r"[、，,]")


def parse(text):
    items = []
    current = None
    for line in text.splitlines():
        line = TAG.sub("", line).strip()
        if not line:
            continue
        m = LABEL.match(line)
        if m:
            label = next(g for g in m.groups()[:5] if g)
            body = m.group(6)
            h = HEADING.match(body)
            current = {"label": label, "heading": h.group(1) if h else "", "text": body,
                       "targets": [], "lead": [], "support": [], "deadline": None}
            items.append(current)
        elif current is not None:
            current["text"] += line
        else:
            continue
        for t in TARGET.finditer(line):
            current["targets"].append({"value": float(t.group(1)), "unit": t.group(2)})
        for u in LEAD.finditer(line):
            current["lead"].extend(x for x in UNIT_SPLIT.split(u.group(1)) if x)
        for u in SUPPORT.finditer(line):
            current["support"].extend(x for x in UNIT_SPLIT.split(u.group(1)) if x)
        d = DEADLINE.search(line)
        if d:
            current["deadline"] = d.group(1) or d.group(2)
    return items


def main():
    path = sys.argv[1]
    t0 = time.perf_counter()
    with open(path, "rb") as f:
        raw = f.read()
    text = raw.decode("utf-8", errors="replace")
    items = parse(text)
    seconds = time.perf_counter() - t0
    print(json.dumps({"bytes": len(raw), "items": len(items), "seconds": seconds,
                      "mb_per_s": len(raw) / 1e6 / seconds}))


if __name__ == "__main__":
    main()
