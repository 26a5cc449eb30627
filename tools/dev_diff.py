"""List false positives and misses of `extract` against ../shared/dev gold (a development aid).

usage: python tools/dev_diff.py [DEV_DIR]
"""
import json
import sys
from pathlib import Path

import summary_mining as sm

dev = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "dev")
for gf in sorted((dev / "gold").glob("*.jsonl")):
    text_path = dev / "corpus" / f"{gf.stem}.txt"
    text = text_path.read_text(encoding="utf-8")
    gold = [json.loads(l) for l in gf.open(encoding="utf-8") if l.strip()]
    gold = [g for g in gold if g["kind"] != "problem"]
    df = sm.extract(text_path)
    preds = df.to_dict("records")
    for p in preds:
        hit = [g for g in gold if g["kind"] == p["kind"] and p["start"] < g["end"] and g["start"] < p["end"] and abs(p["start"] - g["start"]) <= 2]
        if not hit:
            print(f"FP {gf.stem} {p['kind']:<10} {p['surface']!r:<14} ctx={text[max(0,p['start']-12):p['end']+6]!r}")
        else:
            g = hit[0]
            gv = g.get("value")
            pv = p["value"] if p["value"] == p["value"] else p["low"]
            if (gv is None) != (pv != pv) or (gv is not None and abs(gv - pv) > 0.005 * abs(gv)) or g["unit"] != p["unit"]:
                print(f"VAL {gf.stem} {p['surface']!r} pred={pv} {p['unit']} gold={gv} {g['unit']}")
    for g in gold:
        hit = [p for p in preds if g["kind"] == p["kind"] and p["start"] < g["end"] and g["start"] < p["end"] and abs(p["start"] - g["start"]) <= 2]
        if not hit:
            print(f"FN {gf.stem} {g['kind']:<10} {g['surface']!r:<14} ctx={text[max(0,g['start']-12):g['end']+6]!r}")
