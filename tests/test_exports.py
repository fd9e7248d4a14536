"""export_files: the downloads of the catalogue, byte-identical from build to build, and a data package that reads the CSV."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re
import time
import zipfile

import jsonschema
import pytest

from macros.exports import DOWNLOADS, export_files

pytestmark = pytest.mark.unit

SITE = "https://example.org/ke-hoach/"
DAY = dt.date(2025, 10, 1)
CC_BY = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "Creative Commons Attribution 4.0"}

# The parts of the Frictionless Data Package v1 profiles (data-package, data-resource,
# tabular-data-resource, table-schema) this project relies on, as a JSON Schema.
NAME = {"type": "string", "pattern": "^([-a-z0-9._/])+$"}
TABLE_FIELD = {
    "type": "object",
    "required": ["name", "type"],
    "properties": {
        "name": {"type": "string", "minLength": 1},
        "title": {"type": "string"},
        "description": {"type": "string"},
        "type": {"enum": ["string", "number", "integer", "boolean", "object", "array", "date", "time", "datetime",
                          "year", "yearmonth", "duration", "geopoint", "geojson", "any"]},
        "format": {"type": "string"},
        "trueValues": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        "falseValues": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        "constraints": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "required": {"type": "boolean"},
                "unique": {"type": "boolean"},
                "pattern": {"type": "string"},
                "enum": {"type": "array", "minItems": 1, "uniqueItems": True},
            },
        },
    },
}
TABLE_SCHEMA = {
    "type": "object",
    "required": ["fields"],
    "properties": {
        "fields": {"type": "array", "minItems": 1, "items": TABLE_FIELD},
        "primaryKey": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        "foreignKeys": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["fields", "reference"],
                "properties": {
                    "fields": {"type": "array", "items": {"type": "string"}},
                    "reference": {
                        "type": "object",
                        "required": ["resource", "fields"],
                        "properties": {"resource": {"type": "string"}, "fields": {"type": "array", "items": {"type": "string"}}},
                    },
                },
            },
        },
        "missingValues": {"type": "array", "items": {"type": "string"}},
    },
}
RESOURCE = {
    "type": "object",
    "required": ["name", "path"],
    "properties": {
        "profile": {"enum": ["data-resource", "tabular-data-resource"]},
        "name": NAME,
        "path": {"type": "string", "pattern": "^[^./~][^\\\\]*$"},
        "title": {"type": "string"},
        "description": {"type": "string"},
        "format": {"type": "string"},
        "mediatype": {"type": "string", "pattern": "^(.+)/(.+)$"},
        "encoding": {"type": "string"},
        "bytes": {"type": "integer", "minimum": 0},
        "hash": {"type": "string", "pattern": "^sha256:[a-f0-9]{64}$"},
        "dialect": {
            "type": "object",
            "properties": {
                "delimiter": {"type": "string", "minLength": 1, "maxLength": 1},
                "quoteChar": {"type": "string", "minLength": 1, "maxLength": 1},
                "lineTerminator": {"type": "string"},
                "doubleQuote": {"type": "boolean"},
                "header": {"type": "boolean"},
            },
        },
    },
    "if": {"required": ["profile"], "properties": {"profile": {"const": "tabular-data-resource"}}},
    "then": {"required": ["schema", "dialect", "encoding"], "properties": {"schema": TABLE_SCHEMA}},
}
DATA_PACKAGE = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["name", "title", "resources"],
    "properties": {
        "profile": {"const": "data-package"},
        "name": NAME,
        "title": {"type": "string"},
        "description": {"type": "string"},
        "homepage": {"type": "string", "pattern": "^https?://"},
        "created": {"type": "string"},
        "keywords": {"type": "array", "items": {"type": "string"}},
        "licenses": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "anyOf": [{"required": ["name"]}, {"required": ["path"]}],
                "properties": {
                    "name": {"type": "string", "pattern": "^([-a-zA-Z0-9._])+$"},
                    "path": {"type": "string"},
                    "title": {"type": "string"},
                },
            },
        },
        "sources": {"type": "array", "items": {"type": "object", "required": ["title"]}},
        "contributors": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["title"],
                "properties": {"role": {"enum": ["author", "publisher", "maintainer", "wrangler", "contributor"]}},
            },
        },
        "resources": {"type": "array", "minItems": 1, "items": RESOURCE},
    },
}


@pytest.fixture(scope="module")
def files(plan) -> dict[str, bytes]:
    return export_files(plan, DAY, SITE)


def test_six_files_with_the_published_names_in_the_catalogue_order(files):
    assert list(files) == [d.name for d in DOWNLOADS if d.name in files] == [
        "tasks.xlsx", "tasks.csv", "plan.json", "plan.export.schema.json", "deadlines.ics", "datapackage.json",
    ]
    assert all(isinstance(data, bytes) and data for data in files.values())


def test_the_word_report_is_made_only_for_a_period(plan, state, files):
    """Without a period there is nothing to report on, and the other files do not change with one."""
    with_report = export_files(plan, DAY, SITE, progress=state, report_period=(dt.date(2025, 7, 1), DAY))
    report = with_report.pop("bao-cao-dinh-ky.docx")
    assert zipfile.is_zipfile(io.BytesIO(report)) and b"word/document.xml" in report
    assert "bao-cao-dinh-ky.docx" not in export_files(plan, DAY, SITE, progress=state)
    assert set(with_report) == set(files)


def test_same_inputs_give_the_same_bytes_even_seconds_apart(plan, files):
    time.sleep(2.1)  # zip entries carry 2-second timestamps: a clock-stamped file would differ now
    again = export_files(plan, DAY, SITE)
    assert {name: hashlib.sha256(data).hexdigest() for name, data in again.items()} == {
        name: hashlib.sha256(data).hexdigest() for name, data in files.items()
    }


def test_xlsx_times_come_from_the_reference_date(plan, files):
    with zipfile.ZipFile(io.BytesIO(files["tasks.xlsx"])) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2025, 10, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert core.count("2025-10-01T00:00:00Z") == 2  # created and modified
    later = export_files(plan, dt.date(2026, 1, 15), SITE)
    assert later["tasks.xlsx"] != files["tasks.xlsx"] and later["tasks.csv"] == files["tasks.csv"]


def test_data_package_is_valid(files):
    package = json.loads(files["datapackage.json"])
    jsonschema.Draft202012Validator.check_schema(DATA_PACKAGE)
    jsonschema.validate(package, DATA_PACKAGE)
    assert dt.datetime.fromisoformat(package["created"]) == dt.datetime(2025, 10, 1, tzinfo=dt.UTC)
    assert package["homepage"] == SITE
    names = [r["name"] for r in package["resources"]]
    assert names == ["tasks", "plan", "plan-schema"]
    for resource in package["resources"]:
        data = files[resource["path"]]
        assert resource["bytes"] == len(data)
        assert resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
    plan_resource = package["resources"][1]
    assert (plan_resource["path"], plan_resource["format"]) == ("plan.json", "json")


def test_tasks_csv_reads_as_the_data_package_describes_it(plan, files):
    resource = json.loads(files["datapackage.json"])["resources"][0]
    assert resource["encoding"] == "utf-8-sig" and resource["dialect"]["delimiter"] == ","
    text = files[resource["path"]].decode(resource["encoding"])
    dialect = resource["dialect"]
    header, *rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=dialect["delimiter"],
                                    quotechar=dialect["quoteChar"], doublequote=dialect["doubleQuote"]))
    fields = resource["schema"]["fields"]
    assert header == [f["name"] for f in fields]
    assert len(rows) == len(plan.tasks) and all(len(row) == len(fields) for row in rows)
    columns = {f["name"]: [row[i] for row in rows] for i, f in enumerate(fields)}
    for field in fields:
        values, rules = columns[field["name"]], field.get("constraints", {})
        present = [v for v in values if v != ""]
        if rules.get("required"):
            assert len(present) == len(values), field["name"]
        if rules.get("unique"):
            assert len(set(present)) == len(present), field["name"]
        if "pattern" in rules:
            assert all(re.fullmatch(rules["pattern"], v) for v in present), field["name"]
        if "enum" in rules:
            assert set(values) <= set(rules["enum"]), field["name"]
        if field["type"] == "boolean":
            assert set(values) <= set(field["trueValues"]) | set(field["falseValues"])
        if field["type"] == "date":
            assert [dt.date.fromisoformat(v) for v in present] == [dt.date(2025, 9, 30), dt.date(2025, 12, 31)]
        if field.get("format") == "uri":
            assert all(v.startswith(SITE) for v in present) and len(present) == len(values)
    (key,) = resource["schema"]["foreignKeys"]
    parents = {v for v in columns[key["fields"][0]] if v}
    assert parents == {"II.1"} and parents <= set(columns[key["reference"]["fields"][0]])
    assert resource["schema"]["primaryKey"] == ["Mã nhiệm vụ"]


def test_licence_is_one_setting_and_never_invented(plan, files):
    package = json.loads(files["datapackage.json"])
    assert "licenses" not in package
    assert "Cơ quan ban hành chưa công bố giấy phép" in package["description"]
    licensed = export_files(plan, DAY, SITE, licence=CC_BY)
    package = json.loads(licensed["datapackage.json"])
    jsonschema.validate(package, DATA_PACKAGE)
    assert package["licenses"] == [CC_BY] and "chưa công bố" not in package["description"]
    assert json.loads(licensed["plan.json"])["export"]["licence"] == CC_BY
    with pytest.raises(ValueError, match="licence cần khóa name hoặc path"):
        export_files(plan, DAY, SITE, licence={"title": "Tự do"})


def test_without_site_address_nothing_points_to_a_guessed_host(plan):
    files = export_files(plan, DAY)
    assert "homepage" not in json.loads(files["datapackage.json"])
    assert b"http" not in files["tasks.csv"] and b"URL" not in files["deadlines.ics"]
    assert all(task["url"] is None for task in json.loads(files["plan.json"])["tasks"])


def test_each_download_has_its_own_name_and_resource_name():
    """Two entries with one name would publish one file over the other; two resources with one name would
    make datapackage.json invalid."""
    names = [d.name for d in DOWNLOADS]
    resources = [d.resource.name for d in DOWNLOADS if d.resource is not None]
    assert len(set(names)) == len(names) and len(set(resources)) == len(resources)
