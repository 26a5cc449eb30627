"""``python -m summary_mining …`` runs the command line (the same as ``summary-mining …``).

例: ``python -m summary_mining extract corpora/ -o out/指标.xlsx``
"""
import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
