"""Imported by the forkserver in the proposed ``mine`` fix (see bench_corpus.py ``--preload``).

Loads what every worker needs before the first file, once, in the forkserver: the package and
its readers, jieba's dictionary (~1 s) and every compiled rule set. Workers forked from the
server start with all of it. No DataFrame is built here (no pyarrow thread pool before a fork).
"""
from importlib import import_module

corpus = import_module("summary_mining.corpus")
audit = import_module("summary_mining.audit")  # (``summary_mining.audit`` the attribute is the function)
problems = import_module("summary_mining.problems")
from summary_mining.labels import annotate, indicator_lexicon, label_rules
from summary_mining.lexicon import metric_rules
from summary_mining.metrics import find_mentions
from summary_mining.outline import outline_rules
from summary_mining.readers import read_document
from summary_mining.segment import tokenizer

tokenizer()
metric_rules()
label_rules()
indicator_lexicon()
outline_rules()
problems.problem_rules()
problems.category_lexicon()
audit.audit_rules()
_doc = read_document("一、主要成效\n签约项目10个，投资总额24亿元，增长12.5%。\n二、存在的问题\n一是融资难。")
annotate(_doc, find_mentions(_doc))
