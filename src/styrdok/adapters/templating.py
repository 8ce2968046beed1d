"""Macros on hand-written pages: `{{ forteckning() }}` and the like, and nothing more.

The pages that may call macros are listed in the site's configuration (a developer's
decision, reviewed like code); their text is still written by editors, so it is treated
as untrusted. Before rendering, the template is parsed and every construct other than
text and a call of a known macro with literal arguments is refused: no loops, no
conditions, no filters, no attribute access, no include/import/extends. What remains
is rendered in Jinja's immutable sandbox without a loader, so it cannot read a file
even if this check had a gap. We do this ourselves rather than with mkdocs-macros,
which renders with a loader over docs/ and hands templates MkDocs' config, pages and
files, from which any file on disk can be read.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment

Macro = Callable[..., str]


@dataclass
class MacroError(Exception):
    """A page's macros cannot be rendered; `line` is within the page's text."""

    message: str
    line: int = 1

    def __str__(self) -> str:
        return self.message


def _environment() -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(
        loader=None, undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True
    )
    env.globals.clear()
    env.filters.clear()
    env.tests.clear()
    return env


def _literal(node: nodes.Node) -> bool:
    if isinstance(node, nodes.Const):
        return isinstance(node.value, str | int | float | bool) or node.value is None
    if isinstance(node, nodes.Neg):
        return _literal(node.node)
    return False


def _check_call(node: nodes.Node, macros: Mapping[str, Macro]) -> None:
    line = getattr(node, "lineno", 1) or 1
    if isinstance(node, nodes.TemplateData):
        return
    if not (isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name)):
        raise MacroError(
            "bara makroanrop som {{ forteckning() }} är tillåtna mellan {{ och }}", line
        )
    name = node.node.name
    if name not in macros:
        known = ", ".join(sorted(macros))
        raise MacroError(f"okänt makro '{name}' (makron som finns: {known})", line)
    if node.dyn_args is not None or node.dyn_kwargs is not None:
        raise MacroError(f"makrot '{name}' får bara ha värden skrivna direkt i anropet", line)
    arguments = [*node.args, *(k.value for k in node.kwargs)]
    if not all(_literal(a) for a in arguments):
        raise MacroError(f"makrot '{name}' får bara ha text, tal eller true/false som värden", line)


# A page calls a handful of macros; thousands of calls of one that returns a large text
# (the editor guide) would build a page of gigabytes.
MAX_CALLS = 50


def check(text: str, macros: Mapping[str, Macro]) -> nodes.Template:
    """The parsed page, if it holds only text and calls of known macros."""
    try:
        template = _environment().parse(text)
        calls = list(template.find_all(nodes.Call))
        if len(calls) > MAX_CALLS:
            raise MacroError(
                f"sidan anropar makron {len(calls)} gånger; högst {MAX_CALLS} är tillåtet",
                calls[MAX_CALLS].lineno or 1,
            )
        for statement in template.body:
            if not isinstance(statement, nodes.Output):
                raise MacroError(
                    "bara makroanrop som {{ forteckning() }} är tillåtna; {% … %} är det inte",
                    statement.lineno or 1,
                )
            for part in statement.nodes:
                _check_call(part, macros)
    except TemplateSyntaxError as exc:
        raise MacroError(
            'makroanropet går inte att läsa: skriv {{ namn() }} eller {{ namn("värde") }}, '
            "med {{ och }} runt anropet och citattecken runt text",
            exc.lineno,
        ) from None
    except (RecursionError, ValueError, MemoryError):
        # Thousands of nested parentheses or minus signs, or a number of 5,000 digits.
        lines = text.split("\n")
        longest = max(range(len(lines)), key=lambda i: len(lines[i]) if "{{" in lines[i] else -1)
        raise MacroError(
            "makroanropet är för invecklat; skriv värdena enkelt", longest + 1
        ) from None
    return template


def render(text: str, macros: Mapping[str, Macro]) -> str:
    check(text, macros)
    env = _environment()
    env.globals.update(macros)
    try:
        return env.from_string(text).render()
    except MacroError:
        raise
    except TypeError as exc:
        # Python's wording ("takes 0 positional arguments …") is for developers.
        raise MacroError(
            "makrot fick fel antal värden eller värden av fel slag; se docs/api.md och "
            "src/styrdok/adapters/macros.py för vad varje makro tar",
            _template_line(exc),
        ) from None
    except (TemplateError, ValueError, OSError, RecursionError) as exc:
        raise MacroError(f"makrot kunde inte köras: {exc}", _template_line(exc)) from None
    except Exception as exc:
        # A fault in a macro (developer code) on content it did not expect: a message,
        # never a traceback in the editor's build log.
        raise MacroError(
            f"makrot kunde inte köras ({type(exc).__name__}); kontakta utvecklarna",
            _template_line(exc),
        ) from None


def _template_line(exc: BaseException) -> int:
    """The line of the page where a macro failed: Jinja rewrites the traceback so that
    the template's frames carry the template's line numbers."""
    lines = [
        f.lineno for f in traceback.extract_tb(exc.__traceback__) if f.filename == "<template>"
    ]
    return (lines[-1] if lines else None) or getattr(exc, "lineno", None) or 1
