"""Building blocks of a declarative questionnaire: choices, questions, groups, conditions.

Everything here is plain data with two faces: ``to_xpath()`` gives the XLSForm / XForm expression
(relevance, constraint) and ``evaluate()`` / ``check()`` give the same rule in Python, so that the
XLSForm generator and the export importer can never disagree. No qgis import.
"""

import re
from dataclasses import dataclass, field
from typing import Any, Dict, Mapping, Optional, Tuple

from ..i18n import tr

NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
# Choice names are values, not element names: digits first are fine (age bands, INSEE codes),
# but no space (select_multiple separator) and no '/' or '-' (export header separators).
CHOICE_RE = re.compile(r"^[A-Za-z0-9_]+$")

# Question types understood by the generator and the importer.
SELECT_ONE = "select_one"
SELECT_MULTIPLE = "select_multiple"
INTEGER = "integer"
TEXT = "text"
NOTE = "note"
CALCULATE = "calculate"
TYPES = (SELECT_ONE, SELECT_MULTIPLE, INTEGER, TEXT, NOTE, CALCULATE)


def check_name(name: str, what: str = "name") -> str:
    """Names are XML element names and export headers: lower-case ASCII, digits, underscores."""
    if not NAME_RE.match(name or ""):
        raise ValueError(
            f"invalid {what} {name!r}: use lower-case letters, digits and '_', "
            "starting with a letter")
    return name


@dataclass(frozen=True)
class Choice:
    """One answer of a choice list; ``filters`` feeds an XLSForm ``choice_filter`` column."""

    name: str
    label_fr: str
    label_en: str
    filters: Tuple[Tuple[str, str], ...] = ()

    def filter_value(self, column: str) -> Optional[str]:
        return dict(self.filters).get(column)


@dataclass(frozen=True)
class ChoiceList:
    name: str
    choices: Tuple[Choice, ...]

    @property
    def names(self) -> Tuple[str, ...]:
        return tuple(c.name for c in self.choices)

    def get(self, name: str) -> Optional[Choice]:
        for choice in self.choices:
            if choice.name == name:
                return choice
        return None


# ---------------------------------------------------------------------------------------------
# Conditions (relevance). ``answers`` maps question names to typed values: str for select_one and
# text, int for integer, tuple of str for select_multiple, None when unanswered or not relevant.
# ---------------------------------------------------------------------------------------------

def _ref(question: str) -> str:
    return "${" + question + "}"


def _literal(value: Any) -> str:
    return str(value) if isinstance(value, (int, float)) else f"'{value}'"


class Condition:
    def to_xpath(self) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    def evaluate(self, answers: Mapping[str, Any]) -> bool:  # pragma: no cover - abstract
        raise NotImplementedError

    def questions(self) -> Tuple[str, ...]:  # pragma: no cover - abstract
        raise NotImplementedError


@dataclass(frozen=True)
class Equals(Condition):
    """A select_one (or text) answer equals ``value``."""

    question: str
    value: str

    def to_xpath(self) -> str:
        return f"{_ref(self.question)} = {_literal(self.value)}"

    def evaluate(self, answers):
        return answers.get(self.question) == self.value

    def questions(self):
        return (self.question,)


@dataclass(frozen=True)
class OneOf(Condition):
    """A select_one answer is one of ``values``."""

    question: str
    values: Tuple[str, ...]

    def to_xpath(self) -> str:
        parts = [f"{_ref(self.question)} = {_literal(v)}" for v in self.values]
        return "(" + " or ".join(parts) + ")"

    def evaluate(self, answers):
        return answers.get(self.question) in self.values

    def questions(self):
        return (self.question,)


@dataclass(frozen=True)
class Selected(Condition):
    """A select_multiple answer contains ``value``."""

    question: str
    value: str

    def to_xpath(self) -> str:
        return f"selected({_ref(self.question)}, {_literal(self.value)})"

    def evaluate(self, answers):
        return self.value in (answers.get(self.question) or ())

    def questions(self):
        return (self.question,)


@dataclass(frozen=True)
class Answered(Condition):
    question: str

    def to_xpath(self) -> str:
        return f"{_ref(self.question)} != ''"

    def evaluate(self, answers):
        return answers.get(self.question) not in (None, "", ())

    def questions(self):
        return (self.question,)


_OPS = {"<": lambda a, b: a < b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b,
        ">=": lambda a, b: a >= b}


@dataclass(frozen=True)
class Compare(Condition):
    """An integer answer compared with a number; false when unanswered."""

    question: str
    op: str
    number: int

    def __post_init__(self):
        if self.op not in _OPS:
            raise ValueError(f"unknown comparison {self.op!r}")

    def to_xpath(self) -> str:
        ref = _ref(self.question)
        return f"({ref} != '' and {ref} {self.op} {self.number})"

    def evaluate(self, answers):
        value = answers.get(self.question)
        return value is not None and _OPS[self.op](value, self.number)

    def questions(self):
        return (self.question,)


@dataclass(frozen=True)
class Not(Condition):
    condition: Condition

    def to_xpath(self) -> str:
        return f"not({self.condition.to_xpath()})"

    def evaluate(self, answers):
        return not self.condition.evaluate(answers)

    def questions(self):
        return self.condition.questions()


@dataclass(frozen=True)
class All(Condition):
    conditions: Tuple[Condition, ...]

    def to_xpath(self) -> str:
        return "(" + " and ".join(c.to_xpath() for c in self.conditions) + ")"

    def evaluate(self, answers):
        return all(c.evaluate(answers) for c in self.conditions)

    def questions(self):
        return tuple(q for c in self.conditions for q in c.questions())


@dataclass(frozen=True)
class AnyOf(Condition):
    conditions: Tuple[Condition, ...]

    def to_xpath(self) -> str:
        return "(" + " or ".join(c.to_xpath() for c in self.conditions) + ")"

    def evaluate(self, answers):
        return any(c.evaluate(answers) for c in self.conditions)

    def questions(self):
        return tuple(q for c in self.conditions for q in c.questions())


def all_of(*conditions: Optional[Condition]) -> Optional[Condition]:
    """AND of the given conditions, ignoring None; None when nothing is left."""
    kept = tuple(c for c in conditions if c is not None)
    if not kept:
        return None
    return kept[0] if len(kept) == 1 else All(kept)


# ---------------------------------------------------------------------------------------------
# Constraints. ``check`` returns None when the value is acceptable, else (code, reason).
# Constraints are only checked on answered, relevant questions (as ODK does).
# ---------------------------------------------------------------------------------------------

class Constraint:
    message_fr = ""
    message_en = ""

    def to_xpath(self) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    def check(self, value: Any, answers: Mapping[str, Any]) -> Optional[Tuple[str, str]]:
        raise NotImplementedError  # pragma: no cover - abstract


@dataclass(frozen=True)
class Range(Constraint):
    minimum: int
    maximum: int

    @property
    def message_fr(self):
        return f"Valeur attendue entre {self.minimum} et {self.maximum}."

    @property
    def message_en(self):
        return f"Expected a value between {self.minimum} and {self.maximum}."

    def to_xpath(self) -> str:
        return f". >= {self.minimum} and . <= {self.maximum}"

    def check(self, value, answers):
        if not self.minimum <= value <= self.maximum:
            return ("out_of_range", tr("value {value} is outside {minimum}..{maximum}").format(
                value=value, minimum=self.minimum, maximum=self.maximum))
        return None


@dataclass(frozen=True)
class MaxSelected(Constraint):
    count: int

    @property
    def message_fr(self):
        return f"{self.count} réponses au maximum."

    @property
    def message_en(self):
        return f"At most {self.count} answers."

    def to_xpath(self) -> str:
        return f"count-selected(.) <= {self.count}"

    def check(self, value, answers):
        if len(value) > self.count:
            return ("too_many_choices", tr(
                "{n} choices selected, at most {count} allowed").format(n=len(value),
                                                                        count=self.count))
        return None


@dataclass(frozen=True)
class Exclusive(Constraint):
    """A select_multiple choice (e.g. ``none``) that cannot be combined with another one."""

    choice: str

    @property
    def message_fr(self):
        return "« Aucun » ne peut pas être combiné avec une autre réponse."

    @property
    def message_en(self):
        return "'None' cannot be combined with another answer."

    def to_xpath(self) -> str:
        return f"not(selected(., '{self.choice}') and count-selected(.) > 1)"

    def check(self, value, answers):
        if self.choice in value and len(value) > 1:
            return ("constraint", tr("'{choice}' cannot be combined with another choice").format(
                choice=self.choice))
        return None


@dataclass(frozen=True)
class Pattern(Constraint):
    """A text answer must match a regular expression (anchored)."""

    regex: str
    message_fr: str = "Format invalide."
    message_en: str = "Invalid format."

    def to_xpath(self) -> str:
        return f"regex(., '{self.regex}')"

    def check(self, value, answers):
        if not re.search(self.regex, value):
            return ("invalid_format", tr("{value!r} does not match {regex}").format(
                value=value, regex=self.regex))
        return None


@dataclass(frozen=True)
class LessThan(Constraint):
    """An integer answer strictly below another question's answer."""

    other: str
    message_fr: str = ""
    message_en: str = ""

    def to_xpath(self) -> str:
        return f". < {_ref(self.other)}"

    def check(self, value, answers):
        other = answers.get(self.other)
        if other is not None and not value < other:
            return ("constraint", tr("value {value} must be lower than {other} ({other_value})")
                    .format(value=value, other=self.other, other_value=other))
        return None


# ---------------------------------------------------------------------------------------------
# Questions and groups
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Question:
    """One question (or note / calculation) of the form.

    ``column`` is the storage column (defaults to ``name``); for per-centrality questions the name
    carries the centrality code (``frequency__centre_ville``) while the column is shared
    (``frequency``) and ``centrality`` holds the code.
    """

    name: str
    type: str
    label_fr: str = ""
    label_en: str = ""
    choices: Optional[str] = None           # choice list name for select questions
    required: bool = False
    relevant: Optional[Condition] = None
    constraints: Tuple[Constraint, ...] = ()
    hint_fr: str = ""
    hint_en: str = ""
    appearance: str = ""
    calculation: str = ""
    choice_filter: Optional[Tuple[str, str]] = None  # (choice column, question whose answer)
    column: Optional[str] = None
    centrality: Optional[str] = None
    description: str = ""                    # English, for the table documentation

    def __post_init__(self):
        check_name(self.name, "question name")
        if self.type not in TYPES:
            raise ValueError(f"question {self.name}: unknown type {self.type!r}")
        if self.type in (SELECT_ONE, SELECT_MULTIPLE) and not self.choices:
            raise ValueError(f"question {self.name}: a select question needs a choice list")

    @property
    def storage_column(self) -> str:
        return self.column or self.name

    @property
    def is_select(self) -> bool:
        return self.type in (SELECT_ONE, SELECT_MULTIPLE)

    @property
    def stores_value(self) -> bool:
        return self.type != NOTE

    def xlsform_type(self) -> str:
        return f"{self.type} {self.choices}" if self.is_select else self.type


@dataclass(frozen=True)
class Group:
    name: str
    label_fr: str
    label_en: str
    children: Tuple[Any, ...] = ()          # Question or Group
    relevant: Optional[Condition] = None
    appearance: str = ""

    def __post_init__(self):
        check_name(self.name, "group name")


@dataclass(frozen=True)
class Centrality:
    """A centrality offered in the questionnaire: ``code`` is used in names and headers.

    ``level`` (primary, secondary, tertiary, peripheral: ``centralities.level``) is optional;
    the synthetic exports use it to answer "in which centrality" plausibly.
    """

    code: str
    name: str
    uuid: Optional[str] = None
    level: Optional[str] = None

    def __post_init__(self):
        check_name(self.code, "centrality code")


@dataclass(frozen=True)
class PlacedQuestion:
    """A question with its position: the groups above it and its effective relevance."""

    question: Question
    path: Tuple[str, ...]
    relevant: Optional[Condition]


@dataclass
class Questionnaire:
    """A questionnaire instantiated for an observatory (its centralities, communes, IRIS).

    ``compatible_versions`` are earlier versions whose answers this definition still reads
    (their questions are a subset of this one's, and none of the added ones is required).
    """

    form_id: str
    version: str
    title_fr: str
    title_en: str
    children: Tuple[Any, ...]
    choice_lists: Dict[str, ChoiceList]
    centralities: Tuple[Centrality, ...] = ()
    compatible_versions: Tuple[str, ...] = ()
    _placed: Optional[Tuple[PlacedQuestion, ...]] = field(default=None, repr=False)

    def placed_questions(self) -> Tuple[PlacedQuestion, ...]:
        """Every question in form order with its group path and effective relevance."""
        if self._placed is None:
            out = []

            def walk(children, path, relevant):
                for child in children:
                    if isinstance(child, Group):
                        walk(child.children, path + (child.name,),
                             all_of(relevant, child.relevant))
                    else:
                        out.append(PlacedQuestion(child, path, all_of(relevant, child.relevant)))

            walk(self.children, (), None)
            self._placed = tuple(out)
        return self._placed

    def questions(self) -> Tuple[Question, ...]:
        return tuple(p.question for p in self.placed_questions())

    def question(self, name: str) -> Question:
        for q in self.questions():
            if q.name == name:
                return q
        raise KeyError(name)

    def groups(self) -> Tuple[Group, ...]:
        out = []

        def walk(children):
            for child in children:
                if isinstance(child, Group):
                    out.append(child)
                    walk(child.children)

        walk(self.children)
        return tuple(out)

    def validate(self) -> None:
        """Raise ValueError on a definition error: duplicate names, unknown lists or references."""
        names = [q.name for q in self.questions()] + [g.name for g in self.groups()]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise ValueError(f"duplicate names in the questionnaire: {', '.join(duplicates)}")
        known = set(names)
        for placed in self.placed_questions():
            q = placed.question
            if q.is_select and q.choices not in self.choice_lists:
                raise ValueError(f"question {q.name}: unknown choice list {q.choices}")
            refs = placed.relevant.questions() if placed.relevant else ()
            refs += tuple(c.other for c in q.constraints if isinstance(c, LessThan))
            for ref in refs:
                if ref not in known:
                    raise ValueError(f"question {q.name}: refers to unknown question {ref}")
        for choice_list in self.choice_lists.values():
            for choice in choice_list.choices:
                if not CHOICE_RE.match(choice.name):
                    raise ValueError(f"invalid choice name {choice.name!r} in list "
                                     f"{choice_list.name}: use letters, digits and '_'")
            names = choice_list.names
            if len(set(names)) != len(names):
                raise ValueError(f"duplicate choice names in list {choice_list.name}")
