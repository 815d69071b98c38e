#!/usr/bin/env python3
"""Refreshes generatedGuardWords in safety-terms.json: every dictionary word that the spelling corrector could
mistake for a key term (edit distance 1, or 2 for terms of 8+ letters; or the same letters with doubled letters
collapsed). Real words are then never "corrected" ("putting" stays "putting", not "cutting").
The clinic's own corpus (corpus/*.txt) counts as real words too ("psycholytic" must not become "psychotic").
Run after changing patterns:  python3 src/Bot/Safety/tools/update-guard-words.py [/usr/share/dict/words]
(Debian: apt-get install wamerican). Mirrors SafetyTerms/SpellingIndex in C#."""
import json, re, sys
from pathlib import Path

TERMS = Path(__file__).resolve().parent.parent / "safety-terms.json"
DICT = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/dict/words"

def pattern_words(p):
    for part in p.split(" "):
        part = part.rstrip("?")
        if part.startswith("~") or part.startswith("#") or part == "$" or part.endswith("*"):
            continue
        yield from part.split("|")

def allowed(term): return 2 if len(term) >= 8 else 1

def squeeze(w): return re.sub(r"(.)\1+", r"\1", w)

def osa(a, b, mx):
    if abs(len(a) - len(b)) > mx: return mx + 1
    prev2, prev = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i-1] == b[j-1] else 1
            v = min(prev[j] + 1, cur[j-1] + 1, prev[j-1] + cost)
            if prev2 and i > 1 and j > 1 and a[i-1] == b[j-2] and a[i-2] == b[j-1]:
                v = min(v, prev2[j-2] + 1)
            cur[j] = v
        prev2, prev = prev, cur
    return prev[-1]

def deletes(w, depth):
    out, level = {w}, {w}
    for _ in range(depth):
        level = {x[:i] + x[i+1:] for x in level if len(x) > 1 for i in range(len(x))}
        out |= level
    return out

doc = json.loads(TERMS.read_text(encoding="utf-8"))
patterns = [p for r in doc["rules"] for p in r["patterns"]] + doc["informational"] + doc["mentionContexts"] + doc["idioms"]
vocab = {w for p in patterns for w in pattern_words(p)} | {k for k in doc["aliases"] if k.isalpha()}
vocab = {w for w in vocab if len(w) >= 3 and w.isascii() and w.isalpha()}
targets = {w for w in vocab if len(w) >= 4}
index = {}
for t in targets:
    for d in deletes(t, allowed(t)):
        index.setdefault(d, set()).add(t)
squeezed = {squeeze(t) for t in vocab}

CORPUS = TERMS.parents[3] / "corpus"
corpus_words = set()
for path in sorted(CORPUS.glob("*.txt")):
    corpus_words |= set(re.findall(r"[a-z]+", path.read_text(encoding="utf-8", errors="ignore").lower()))
dictionary = [line.strip().lower() for line in open(DICT, encoding="utf-8", errors="ignore")] + sorted(corpus_words)

guard = set()
for word in dictionary:
    if not word.isascii() or not word.isalpha() or word in vocab or len(word) < 3:
        continue
    if squeeze(word) in squeezed:
        guard.add(word); continue
    if len(word) < 4:
        continue
    candidates = set().union(*(index.get(d, set()) for d in deletes(word, 2)))
    if any(osa(word, t, allowed(t)) <= allowed(t) for t in candidates):
        guard.add(word)

doc["generatedGuardWords"] = sorted(guard)
text = json.dumps(doc, indent=2, ensure_ascii=False)
# keep the hand-written layout: only the generated list is rewritten
original = TERMS.read_text(encoding="utf-8")
start = original.index('"generatedGuardWords"')
end = original.index("]", start) + 1
lines, row = [], []
for w in doc["generatedGuardWords"]:
    row.append(json.dumps(w))
    if len(row) == 14:
        lines.append("    " + ", ".join(row)); row = []
if row: lines.append("    " + ", ".join(row))
replacement = '"generatedGuardWords": [\n' + ",\n".join(lines) + "\n  ]" if lines else '"generatedGuardWords": []'
TERMS.write_text(original[:start] + replacement + original[end:], encoding="utf-8")
print(f"{len(guard)} guard words from {DICT}; {len(targets)} fuzzy targets", file=sys.stderr)
