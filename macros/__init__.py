"""The project's Python package: the plan's model, its checker and the site's generator.

The flow runs one way, and the folders follow it:

    plan/         YAML → checked, typed model (with file:line problems)
    progress/     report files, reference date → each task's state
    site/         model → pages (addresses, views, templates, search, feed, print)
    exports/      model → open data files (JSON, CSV, XLSX, ICS, Data Package)
    importer/     a Word appendix → a draft plan.yaml
    mkdocs_glue/  the only MkDocs code: hooks, settings, theme overrides
    cli.py        ``python -m macros …``

mkdocs-macros loads this package as its module (``module_name: macros``)
and calls :func:`define_env`; everything else is importable without MkDocs.
"""


def define_env(env):  # type: ignore[no-untyped-def]  # mkdocs-macros' own, untyped, entry point
    from .mkdocs_glue.events import define_env as _define_env

    _define_env(env)
