"""summary_mining — figures and problem statements from Chinese government work summaries.

>>> import summary_mining as sm
>>> doc = sm.read_document(text="一、目标任务完成情况\\n签约项目10个，投资总额24亿元。")
>>> doc.sections[0].title
'一、目标任务完成情况'
"""
from .errors import (DocumentNotFoundError, EncodingError, FileTooLargeError, NoTextLayerError, ReadError, RuleError,
                     RuleTimeoutError, SummaryMiningError, TimeLimitError, UnsupportedFormatError)
from .model import Article, Block, Document, Section, Sentence
from .readers import DEFAULT_LIMITS, Limits
from .documents import read_document
from .extraction import extract
from .problems import extract_problems
from .auditing.api import audit
from .figure_relations.api import relations
from .corpus import Corpus, mine
from .view import View, show
from .charts import plot_compare
from .comparison import compare, conflicts
from .export import read_metrics, to_csv, to_excel, to_parquet
from .places.periods import PeriodInfo, detect_period
from .places.regions import RegionInfo, add_region_period, article_info, detect_region, resolve_region
from .frame import COLUMNS
from .rules import RuleSet

from ._version import __version__

__all__ = [
    "read_document", "extract", "extract_problems", "audit", "relations", "mine", "Corpus", "show", "View", "compare", "conflicts", "plot_compare", "to_excel", "to_csv", "to_parquet", "read_metrics", "detect_region", "detect_period", "add_region_period", "article_info", "resolve_region", "RegionInfo", "PeriodInfo", "COLUMNS", "RuleSet", "Document", "Article", "Section", "Sentence", "Block", "Limits", "DEFAULT_LIMITS",
    "SummaryMiningError", "ReadError", "DocumentNotFoundError", "UnsupportedFormatError", "EncodingError", "NoTextLayerError",
    "FileTooLargeError", "RuleError", "RuleTimeoutError", "TimeLimitError", "__version__",
]
