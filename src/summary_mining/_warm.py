"""Preloaded by the corpus forkserver: workers fork from a process that has already imported the
package, loaded jieba's dictionary and compiled every rule set (see ``corpus.warm``)."""
from .corpus import warm

warm()
