"""mkdocs-macros module entry (``module_name: macros`` → macros.define_env)."""

from .mkdocs_glue import define_env  # noqa: F401
