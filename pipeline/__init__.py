"""dekigoto: who did what to whom, when, from Japanese (and English) news."""

from pipeline.api import Analysis, analyze, extract

__all__ = ["Analysis", "analyze", "extract"]
