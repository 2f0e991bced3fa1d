"""The layer table of DESIGN.md §2 and the checks the house-rules tests run (no QGIS needed).

``python tests/layering.py`` prints every violation of the tree, one per line.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "observatoire_commerce"

# Each folder (layer) and the folders of ours it may import. The root modules (i18n,
# dependencies, __about__) serve every layer but analysis/, which imports nothing of ours.
LAYERS = {
    "analysis": set(),
    "store": set(),
    "ingest": {"store"},
    "survey_forms": {"store"},
    "jobs": {"store", "analysis"},
    "fieldwork": {"store", "jobs", "survey_forms"},
    "reporting": {"jobs", "store", "analysis"},
    "sample_territory": {"store", "survey_forms", "ingest", "jobs", "fieldwork", "analysis"},
    "processing": {"jobs", "ingest", "fieldwork", "reporting", "survey_forms", "store",
                   "sample_territory"},
    "plugin": {"processing", "jobs", "ingest", "fieldwork", "reporting", "survey_forms", "store",
               "sample_territory", "analysis"},
}
ROOT_MODULES = {"i18n", "dependencies", "__about__", ""}
SQL = re.compile(
    r"^\s*(SELECT\s.*\bFROM\b|SELECT\s+(count|max|min|1|\*)|INSERT\s+(OR\s+\w+\s+)?INTO\b|"
    r"UPDATE\s+\S+\s+SET\b|DELETE\s+FROM\b|CREATE\s+(UNIQUE\s+)?(TABLE|INDEX|TRIGGER|VIEW|VIRTUAL)\b|"
    r"ALTER\s+TABLE\b|DROP\s+(TABLE|INDEX|TRIGGER|VIEW)\b|PRAGMA\s|ATTACH\s|DETACH\s|WITH\s+\w+\s+AS\s*\()",
    re.IGNORECASE | re.DOTALL)
SQL_CALLS = {"execute", "executemany", "executescript"}


def layer_of(path: Path) -> str:
    rel = path.relative_to(ROOT).parts
    return rel[0] if len(rel) > 1 else ""


def imported_layers(path: Path, layer: str, source: str | None = None) -> list:
    """(line, imported layer or root module) for every import of ours in ``path``, relative
    imports resolved as if the file lived in ``layer``'s folder at its own depth."""
    source = source if source is not None else path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    try:
        depth = len(path.relative_to(ROOT / layer).parts)
    except ValueError:  # a fixture elsewhere: as a module directly in the layer's folder
        depth = 1
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                if node.level - 1 > depth:
                    continue
                if node.level - 1 == depth:  # from the plugin root
                    if node.module:
                        found.append((node.lineno, node.module.split(".")[0]))
                    else:
                        found += [(node.lineno, a.name) for a in node.names]
                else:
                    found.append((node.lineno, layer))
            elif node.module and node.module.split(".")[0] == PACKAGE:
                parts = node.module.split(".")
                if len(parts) > 1:
                    found.append((node.lineno, parts[1]))
                else:
                    found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == PACKAGE and len(parts) > 1:
                    found.append((node.lineno, parts[1]))
    return found


def layer_violations(path: Path, layer: str | None = None, source: str | None = None) -> list:
    layer = layer or layer_of(path)
    if layer not in LAYERS:
        return []
    allowed = LAYERS[layer] | {layer}
    out = []
    for line, target in imported_layers(path, layer, source):
        if target in allowed:
            continue
        if target in ROOT_MODULES and layer != "analysis":
            continue
        out.append(f"{path.name}:{line}: {layer}/ imports {target or 'the plugin root'}")
    return out


def sql_violations(path: Path, source: str | None = None) -> list:
    """SQL statements (string literals, f-strings) and cursor execute calls in ``path``."""
    tree = ast.parse(source if source is not None else path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in SQL_CALLS:
            out.append(f"{path.name}:{node.lineno}: calls .{node.func.attr}()")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) \
                and SQL.match(node.value):
            out.append(f"{path.name}:{node.lineno}: SQL {node.value[:40]!r}")
        elif isinstance(node, ast.JoinedStr):
            head = "".join(v.value for v in node.values
                           if isinstance(v, ast.Constant) and isinstance(v.value, str))
            if SQL.match(head):
                out.append(f"{path.name}:{node.lineno}: SQL f-string {head[:40]!r}")
    return out


def plugin_files(folder: str) -> list:
    return sorted(p for p in (ROOT / folder).rglob("*.py") if "__pycache__" not in p.parts)


def all_violations() -> list:
    out = []
    for folder in LAYERS:
        for path in plugin_files(folder):
            rel = path.relative_to(ROOT).as_posix()
            out += [f"{rel}: {v.split(': ', 1)[1]}" for v in layer_violations(path)]
            if folder != "store":
                out += [f"{rel}: {v.split(': ', 1)[1]}" for v in sql_violations(path)]
    return out


if __name__ == "__main__":
    problems = all_violations()
    print("\n".join(problems) or "no violation")
    print(f"{len(problems)} violation(s)")
