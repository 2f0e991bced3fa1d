"""Keep resources/i18n/observatoire_commerce_fr.ts in step with the source.

    python scripts/i18n.py update [translations.json]   add new strings, drop vanished ones,
                                                         merge {source: translation} if given
    python scripts/i18n.py check                         list strings without a translation

``update`` also merges every ``resources/i18n/incoming/*.json`` fragment ({source: French}),
then deletes the fragments: contributors drop their translations there.

Strings are found by reading the source (ast): the first argument of ``tr(...)``,
``self.tr(...)`` and ``noop(...)`` when it is a literal. One Qt context: ``Observatoire``.
"""

from __future__ import annotations

import ast
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "observatoire_commerce_fr.ts"
CONTEXT = "Observatoire"
SKIP = {".venv", "tests", "scripts", "benchmarks", "build", "dist", "demo", ".git"}
MARKERS = {"tr", "noop"}


def source_strings() -> list:
    found: dict = {}
    for path in sorted(ROOT.rglob("*.py")):
        if SKIP & set(path.relative_to(ROOT).parts):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else (
                func.attr if isinstance(func, ast.Attribute) else None)
            arg = node.args[0]
            if name in MARKERS and isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.setdefault(arg.value, f"{path.relative_to(ROOT)}:{node.lineno}")
    return sorted(found)


def read_ts() -> dict:
    if not TS.is_file():
        return {}
    tree = ET.parse(TS)
    result = {}
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        finished = translation is not None and translation.get("type") != "unfinished"
        result[message.findtext("source")] = (translation.text or "") if finished else ""
    return result


def write_ts(translations: dict, strings: list) -> None:
    root = ET.Element("TS", version="2.1", language="fr_FR", sourcelanguage="en")
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    for source in strings:
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        element = ET.SubElement(message, "translation")
        text = translations.get(source, "")
        if text:
            element.text = text
        else:
            element.set("type", "unfinished")
    ET.indent(root) if hasattr(ET, "indent") else None
    TS.parent.mkdir(parents=True, exist_ok=True)
    body = ET.tostring(root, encoding="unicode")
    TS.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                  encoding="utf-8")


def main(argv: list) -> int:
    command = argv[1] if len(argv) > 1 else "check"
    strings = source_strings()
    translations = read_ts()
    if command == "update":
        fragments = sorted((TS.parent / "incoming").glob("*.json"))
        if len(argv) > 2:
            fragments.append(Path(argv[2]))
        for fragment in fragments:
            translations.update(json.loads(fragment.read_text(encoding="utf-8")))
        write_ts(translations, strings)
        for fragment in fragments:
            if fragment.parent == TS.parent / "incoming":
                fragment.unlink()
    missing = [s for s in strings if not translations.get(s)]
    for s in missing:
        print(f"untranslated: {s!r}")
    print(f"{len(strings)} strings, {len(missing)} untranslated")
    return 1 if (missing and command == "check") else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
