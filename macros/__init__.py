"""The project's Python package: the plan's model, its checker and the site's generator.

mkdocs-macros loads this package as its module (``module_name: macros``)
and calls :func:`define_env`; everything else is importable without MkDocs.
"""


def define_env(env):  # pragma: no cover - thin glue, exercised by the site build tests
    from .site_macros import define_env as _define_env

    _define_env(env)
