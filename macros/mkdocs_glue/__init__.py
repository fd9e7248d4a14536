"""The only MkDocs-specific code: hooks, settings and theme overrides."""
