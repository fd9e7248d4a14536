"""JSON Schemas generated from the models: the only writer of the ``$schema`` header.

Editors validate ``data/plan.yaml`` and ``data/updates/*.yaml`` while
typing, and programs validate ``plan.json``, against schemas generated
here from the pydantic models, so a schema can never drift from the code
that reads the data. One function writes all three, so they share one
JSON Schema draft and one layout.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel

from .model import Plan

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def json_schema(
    model: type[BaseModel],
    title: str,
    description: str | None = None,
    mode: Literal["validation", "serialization"] = "validation",
    closed: bool = True,
) -> str:
    """The model's JSON Schema as committed text: draft and title first, UTF-8 kept readable, two-space indents.

    ``description`` replaces the model's docstring, for readers who never
    see the code; ``mode="serialization"`` describes the data a program
    writes (computed fields included) instead of what an editor types; ``closed=False`` lets every object hold
    fields the schema does not name, for a format whose readers ignore them (a newer minor version's additions)."""
    generated = model.model_json_schema(mode=mode)
    if not closed:
        generated = _open(generated)
    header: dict[str, Any] = {"$schema": DRAFT, "title": title}
    if description is not None:
        header["description"] = description
    schema = {**header, **{key: value for key, value in generated.items() if key not in header}}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def _open(schema: Any) -> Any:
    """The schema without any ``additionalProperties: false``, at every depth."""
    if isinstance(schema, dict):
        return {key: _open(value) for key, value in schema.items() if not (key == "additionalProperties" and value is False)}
    if isinstance(schema, list):
        return [_open(value) for value in schema]
    return schema


def plan_schema() -> str:
    """The JSON Schema editors use while typing ``data/plan.yaml``; committed, and tested to match the model."""
    return json_schema(Plan, "Kế hoạch (data/plan.yaml)")
