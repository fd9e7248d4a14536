"""The plan: its typed model, YAML read with line numbers, the checker and its problems."""
