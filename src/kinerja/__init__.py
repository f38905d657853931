"""Kinerja core: the method of KPI scorecards weighted by AHP, as pure Python and NumPy.

Modules: ``ahp`` (pairwise comparisons, priorities, consistency, groups, hierarchies),
``scoring`` (realization, scores, ratings), ``sizing`` (MSME size class by Indonesian law),
``compare`` (period-to-period change), ``formatting`` (numbers for display) and ``cli`` (the
``kinerja`` command). Nothing here imports Django: the web platform calls this library.
"""

__version__ = "0.1.0"
