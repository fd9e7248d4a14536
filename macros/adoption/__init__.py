"""Adopting the project for another body's appendix: ``python -m macros adopt SOURCE`` (:mod:`.adopt`).

- :mod:`.adopt` works out every change in memory, refuses to write over uncommitted work, then writes;
- :mod:`.guides` moves the examples of CONTRIBUTING.md and GitHub's templates to the new plan;
- :mod:`.site_settings` names the site after the new plan in mkdocs.yml;
- :mod:`.placeholders` lists what is still marked "(chưa rõ — cần điền)", for the command and ``make check``.
"""
