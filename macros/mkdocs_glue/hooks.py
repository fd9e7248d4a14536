"""MkDocs hooks (listed in mkdocs.yml). MkDocs loads this file by path, so
the project root is put on sys.path to import the ``macros`` package."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from macros.mkdocs_glue.events import (  # noqa: E402,F401
    on_build_error,
    on_config,
    on_env,
    on_files,
    on_page_content,
    on_page_context,
    on_page_markdown,
    on_post_build,
    on_post_page,
    on_post_template,
)
