"""The project's Python package: the plan's model, its checker and the site's generator.

The flow runs one way, and the folders follow it (lowest first):

    text.py       Vietnamese wording: dates, folded search keys, content as text
    plan/         YAML → checked, typed model (with file:line problems)
    progress/     report files, reference date → each task's state
    importer/     a Word, PDF or text appendix → a draft plan.yaml
    rollup/       members' published plan.json → a snapshot, figures and the cascade (a province follows its communes)
    urls.py       every address of the site and of its downloads
    exports/      model → open data files (JSON, CSV, XLSX, ICS, Data Package, Word report)
    site/         model → pages (views, templates, search, feed, print, Dữ liệu mở)
    build/        one build's orchestration: the downloads made in a second process
    mkdocs_glue/  the only MkDocs code: settings, hooks, theme overrides
    adoption/, diff.py, linking/, cli.py   ``python -m macros …``, beside the glue

:data:`LAYERS` writes that order once; ``tests/test_layers.py`` fails on any
import from a lower layer to a higher one. A module may import its own layer
and those below it, never one above: so the core (up to ``site``) can be
driven by another generator, and a page never depends on how it is built.

mkdocs-macros loads this package as its module (``module_name: macros``)
and calls :func:`define_env`; everything else is importable without MkDocs.
"""

LAYERS: tuple[tuple[str, ...], ...] = (
    ("text",),
    ("plan",),
    ("progress", "importer"),
    ("rollup",),
    ("urls",),
    ("exports",),
    ("site",),
    ("build",),
    ("mkdocs_glue", "adoption", "diff", "linking", "cli"),
)
"""The package's top-level modules and folders, lowest layer first; names in one layer may import each other.
The package's own entry points (this file's :func:`define_env`, ``__main__.py``) stand above them all."""


def define_env(env):  # type: ignore[no-untyped-def]  # mkdocs-macros' own, untyped, entry point
    from .mkdocs_glue.events import define_env as _define_env

    _define_env(env)
