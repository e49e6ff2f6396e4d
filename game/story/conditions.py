"""The `if:` condition language: a tiny safe grammar, never `eval`.

Layer: game/story (pure Python).

    expr    := and ('or' and)*
    and     := not ('and' not)*
    not     := 'not' not | compare
    compare := atom (('==' | '!=' | '<' | '<=' | '>' | '>=') atom)?
    atom    := '(' expr ')' | NAME | INTEGER | 'true' | 'false'

`parse_condition` returns a `Condition` (the source text and its syntax tree)
or raises `ConditionSyntaxError` with the character offset of the problem.
`check_condition` type-checks against the declared variables, and
`Condition.compile` turns it into a fast function of a state's values tuple.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Union

KEYWORDS = ("not", "and", "or", "true", "false")
COMPARISONS = {
    "==": operator.eq, "!=": operator.ne, "<": operator.lt,
    "<=": operator.le, ">": operator.gt, ">=": operator.ge,
}
_TOKEN = re.compile(
    r"(?P<space>\s+)|(?P<op>==|!=|<=|>=|<|>)|(?P<paren>[()])"
    r"|(?P<int>[+-]?\d+)|(?P<name>[A-Za-z_][A-Za-z0-9_]*)"
)
# Operators people bring from other languages, with what to write instead.
_FOREIGN = {"&&": "and", "||": "or", "!": "not", "=": "=="}


class ConditionSyntaxError(ValueError):
    def __init__(self, message: str, offset: int, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.offset = offset
        self.hint = hint


@dataclass(frozen=True)
class Var:
    name: str
    offset: int


@dataclass(frozen=True)
class Const:
    value: bool | int
    offset: int


@dataclass(frozen=True)
class Not:
    operand: Expr
    offset: int


@dataclass(frozen=True)
class BoolOp:
    op: str  # "and" | "or"
    operands: tuple[Expr, ...]
    offset: int


@dataclass(frozen=True)
class Compare:
    op: str
    left: Expr
    right: Expr
    offset: int


Expr = Union[Var, Const, Not, BoolOp, Compare]  # noqa: UP007 - a runtime alias


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    offset: int


def tokenize(source: str) -> list[Token]:
    tokens: list[Token] = []
    pos = 0
    while pos < len(source):
        match = _TOKEN.match(source, pos)
        if match is None:
            two, one = source[pos:pos + 2], source[pos]
            bad = two if two in _FOREIGN else one
            hint = f"write '{_FOREIGN[bad]}' instead of '{bad}'" if bad in _FOREIGN else None
            raise ConditionSyntaxError(f"unexpected '{bad}' in condition", pos, hint)
        kind = match.lastgroup
        if kind != "space":
            text = match.group()
            if kind == "name" and text in KEYWORDS:
                kind = text
            tokens.append(Token(kind, text, pos))
        pos = match.end()
    tokens.append(Token("end", "", len(source)))
    return tokens


class _Parser:
    def __init__(self, source: str):
        self.tokens = tokenize(source)
        self.pos = 0

    def peek(self) -> Token:
        return self.tokens[self.pos]

    def take(self) -> Token:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def parse(self) -> Expr:
        expr = self.parse_or()
        token = self.peek()
        if token.kind != "end":
            hint = "join conditions with 'and' or 'or'" if token.kind in ("name", "int", "true", "false", "not", "paren") else None
            raise ConditionSyntaxError(f"unexpected '{token.text}' after a complete condition", token.offset, hint)
        return expr

    def parse_or(self) -> Expr:
        return self._parse_bool("or", self.parse_and)

    def parse_and(self) -> Expr:
        return self._parse_bool("and", self.parse_not)

    def _parse_bool(self, op: str, operand: Callable[[], Expr]) -> Expr:
        first = operand()
        operands = [first]
        while self.peek().kind == op:
            self.take()
            operands.append(operand())
        if len(operands) == 1:
            return first
        return BoolOp(op, tuple(operands), _offset(first))

    def parse_not(self) -> Expr:
        if self.peek().kind == "not":
            token = self.take()
            return Not(self.parse_not(), token.offset)
        return self.parse_compare()

    def parse_compare(self) -> Expr:
        left = self.parse_atom()
        if self.peek().kind == "op":
            op = self.take()
            right = self.parse_atom()
            return Compare(op.text, left, right, op.offset)
        return left

    def parse_atom(self) -> Expr:
        token = self.take()
        if token.kind == "paren" and token.text == "(":
            inner = self.parse_or()
            closing = self.take()
            if closing.text != ")":
                raise ConditionSyntaxError("missing ')'", closing.offset, f"the '(' at character {token.offset + 1} is never closed")
            return inner
        if token.kind == "name":
            return Var(token.text, token.offset)
        if token.kind == "int":
            return Const(int(token.text), token.offset)
        if token.kind in ("true", "false"):
            return Const(token.kind == "true", token.offset)
        if token.kind == "end":
            raise ConditionSyntaxError("the condition ends too soon", token.offset, "a variable, number, true or false is missing")
        raise ConditionSyntaxError(f"unexpected '{token.text}'", token.offset, "expected a variable, a number, true, false or '('")


def _offset(expr: Expr) -> int:
    return expr.offset if not isinstance(expr, Compare) else _offset(expr.left)


@dataclass(frozen=True)
class Condition:
    source: str
    tree: Expr

    def variables(self) -> set[str]:
        return {node.name for node in walk(self.tree) if isinstance(node, Var)}

    def compile(self, index: Mapping[str, int]) -> Callable[[Sequence], bool]:
        """A function of a state's values tuple (`index` maps names to positions)."""
        return _compile(self.tree, index)

    def evaluate(self, values: Mapping[str, bool | int]) -> bool:
        names = list(values)
        return bool(self.compile({n: i for i, n in enumerate(names)})(tuple(values.values())))

    def __str__(self) -> str:
        return self.source


def parse_condition(source: str) -> Condition:
    if not source.strip():
        raise ConditionSyntaxError("the condition is empty", 0, "remove 'if:' or write a condition such as 'not told_adult'")
    return Condition(source, _Parser(source).parse())


def walk(expr: Expr):
    yield expr
    if isinstance(expr, Not):
        yield from walk(expr.operand)
    elif isinstance(expr, BoolOp):
        for operand in expr.operands:
            yield from walk(operand)
    elif isinstance(expr, Compare):
        yield from walk(expr.left)
        yield from walk(expr.right)


@dataclass(frozen=True)
class TypeProblem:
    offset: int
    length: int
    kind: str  # "undeclared" | "type"
    message: str
    hint: str | None = None


def check_condition(condition: Condition, types: Mapping[str, str | None]) -> list[TypeProblem]:
    """Type problems of a condition; `types` maps variable names to 'bool'/'int'
    (None: declared, type unknown). The whole condition must be a truth value."""
    problems: list[TypeProblem] = []
    result = _type_of(condition.tree, types, problems)
    if result == "int":
        problems.append(TypeProblem(0, len(condition.source), "type",
                                    "this condition is a number, not true or false",
                                    "compare it, for example 'trust >= 2'"))
    return problems


def _type_of(expr: Expr, types: Mapping[str, str | None], problems: list[TypeProblem]) -> str | None:
    if isinstance(expr, Const):
        return "bool" if isinstance(expr.value, bool) else "int"
    if isinstance(expr, Var):
        if expr.name not in types:
            problems.append(TypeProblem(expr.offset, len(expr.name), "undeclared",
                                        f"variable '{expr.name}' is not declared in 'state'"))
            return None
        return types[expr.name]
    if isinstance(expr, Not):
        _expect_bool(expr.operand, types, problems, "'not'")
        return "bool"
    if isinstance(expr, BoolOp):
        for operand in expr.operands:
            _expect_bool(operand, types, problems, f"'{expr.op}'")
        return "bool"
    left = _type_of(expr.left, types, problems)
    right = _type_of(expr.right, types, problems)
    if left and right:
        if left != right:
            problems.append(TypeProblem(expr.offset, len(expr.op), "type",
                                        f"'{expr.op}' compares a {_word(left)} with a {_word(right)}"))
        elif left == "bool" and expr.op not in ("==", "!="):
            problems.append(TypeProblem(expr.offset, len(expr.op), "type",
                                        f"'{expr.op}' needs numbers, but these are true/false values",
                                        "use '==', '!=' or 'not'"))
    return "bool"


def _expect_bool(expr: Expr, types: Mapping[str, str | None], problems: list[TypeProblem], where: str) -> None:
    kind = _type_of(expr, types, problems)
    if kind == "int":
        problems.append(TypeProblem(_offset(expr), 1, "type",
                                    f"{where} needs true/false, but this is a number",
                                    "compare the number, for example 'trust > 0'"))


def _word(kind: str) -> str:
    return "number" if kind == "int" else "true/false value"


def _compile(expr: Expr, index: Mapping[str, int]) -> Callable[[Sequence], object]:
    if isinstance(expr, Const):
        value = expr.value
        return lambda values: value
    if isinstance(expr, Var):
        position = index[expr.name]
        return lambda values: values[position]
    if isinstance(expr, Not):
        inner = _compile(expr.operand, index)
        return lambda values: not inner(values)
    if isinstance(expr, BoolOp):
        parts = [_compile(operand, index) for operand in expr.operands]
        if expr.op == "and":
            return lambda values: all(part(values) for part in parts)
        return lambda values: any(part(values) for part in parts)
    compare = COMPARISONS[expr.op]
    left, right = _compile(expr.left, index), _compile(expr.right, index)
    return lambda values: compare(left(values), right(values))
