"""Line charts of follow-up indicators, as small static SVG documents.

Hand-written rather than drawn by a library: matplotlib writes large SVGs (glyphs as
paths, metadata, a date) that are not byte-identical from run to run by default and have
no <title>/<desc> for a screen reader; pygal's SVG loads external JavaScript by default.
Here a chart is a few kilobytes of plain elements, the same bytes for the same data,
with nothing in it that runs or fetches anything.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal
from xml.sax.saxutils import escape

from styrdok.views.wording import versal

# WCAG 2.x: 3:1 for graphics (lines, markers), 4.5:1 for text.
KONTRAST_MIN = 3.0
KONTRAST_TEXT_MIN = 4.5

WIDTH, HEIGHT = 640, 340
BACKGROUND = "#ffffff"
TEXT_COLOUR = "#1a1a1a"
AXIS_TEXT = "#333333"
AXIS_LINE = "#595959"
GRID = "#d9d9d9"
FONT_FAMILY = "system-ui, sans-serif"
ETIKETT_AVSTAND = 15.0  # end labels are 12 px text: closer than this and they touch

_TOP, _BOTTOM = 58.0, HEIGHT - 36.0
_PADDING = 12.0  # keeps the first and last markers off the plot's edges
_YEAR_SPACING = 36.0  # a four-digit year at 12 px is about 29 px wide
_DIGITS = 400  # a float has at most 309 digits before the point
_CHAR_WIDTH = 7.6  # estimated width of one character at 12 px, for margins only


@dataclass(frozen=True)
class Serie:
    namn: str  # shown as the line's end label: "Kvinnor", "Män", "Alla" or an editor's text
    varden: Mapping[int, float]  # year -> value; a year without one is a gap in the line


@dataclass(frozen=True)
class Stil:
    colour: str
    dash: str  # stroke-dasharray; "" is a solid line
    marker: str


# Colour, dash pattern and marker all differ, so no series is told apart by colour alone.
# Each colour has at least 4.5:1 against white, so an end label can use it as text.
STILAR: tuple[Stil, ...] = (
    Stil("#b84a00", "", "circle"),
    Stil("#0072b2", "7 4", "square"),
    Stil("#3d3d3d", "2 3", "triangle"),
    Stil("#00795c", "8 3 2 3", "diamond"),
    Stil("#8e3f7a", "13 4", "triangle-down"),
    Stil("#7a5c00", "8 3 2 3 2 3", "cross"),
)
# The same group always looks the same, whichever charts a reader compares.
STANDARDSTIL = {"kvinnor": 0, "män": 1, "alla": 2}

# The cross's corners: half the width of an arm, and how far an arm reaches.
_ARM, _REACH = 1.8, 5.0
_POLYGONS: dict[str, tuple[tuple[float, float], ...]] = {
    "square": ((-4, -4), (4, -4), (4, 4), (-4, 4)),
    "triangle": ((0, -5.5), (5, 3.5), (-5, 3.5)),
    "diamond": ((0, -5.5), (5.5, 0), (0, 5.5), (-5.5, 0)),
    "triangle-down": ((0, 5.5), (5, -3.5), (-5, -3.5)),
    "cross": (
        (-_ARM, -_REACH), (_ARM, -_REACH), (_ARM, -_ARM), (_REACH, -_ARM),
        (_REACH, _ARM), (_ARM, _ARM), (_ARM, _REACH), (-_ARM, _REACH),
        (-_ARM, _ARM), (-_REACH, _ARM), (-_REACH, -_ARM), (-_ARM, -_ARM),
    ),
}  # fmt: skip

# Characters XML 1.0 does not allow, which no escaping can make valid.
_INVALID_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def kontrast(colour1: str, colour2: str) -> float:
    """The WCAG 2.x contrast ratio of two "#rrggbb" colours, from 1 to 21."""
    lighter, darker = sorted((_luminance(colour1), _luminance(colour2)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: str) -> float:
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", colour):
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def stilar_for(names: Sequence[str]) -> list[Stil]:
    """The style of each series: the standard groups their own, the others what is left."""
    if len(names) > len(STILAR):
        raise ValueError(f"at most {len(STILAR)} series can be told apart, got {len(names)}")
    chosen: dict[int, int] = {}
    for i, name in enumerate(names):
        style = STANDARDSTIL.get(_clean(name).casefold())
        if style is not None and style not in chosen.values():
            chosen[i] = style
    free = iter(s for s in range(len(STILAR)) if s not in chosen.values())
    return [STILAR[chosen[i]] if i in chosen else STILAR[next(free)] for i in range(len(names))]


def linjediagram(
    titel: str, beskrivning: str, enhet: str, serier: Sequence[Serie], ar: Sequence[int]
) -> str:
    """A standalone SVG document: one line per series over the years in `ar`.

    A year a series has no (finite) value for is a gap in its line. Strings come from
    editors and are cleaned and escaped here.
    """
    styles = stilar_for([s.namn for s in serier])
    years = sorted(set(ar))
    title, description, unit = _clean(titel), _clean(beskrivning), _clean(enhet)
    names = [_clean(s.namn) or f"Serie {i}" for i, s in enumerate(serier, 1)]
    points = [_points(s.varden, years) for s in serier]
    values = [v for p in points for _, v in p]
    percent = unit.casefold() == "procent"

    step, kmin, kmax, decimals = _scale(min(values, default=0.0), max(values, default=0.0))
    decimals = max(1, decimals)

    def show(v: float) -> str:
        number = _number(v, decimals)
        if percent:
            return f"{number} %"
        return number if unit.casefold() in ("antal", "") else f"{number} {unit}"

    desc = " ".join(x for x in (description, _summary(names, points, years, show)) if x)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-labelledby="t d" lang="sv" '
        f'font-family="{FONT_FAMILY}" font-size="12" fill="{TEXT_COLOUR}">',
        f'<title id="t">{escape(title)}</title>',
        f'<desc id="d">{escape(desc)}</desc>',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="{BACKGROUND}"/>',
    ]
    # Drawn as well as in <title>: the file is also opened on its own and printed.
    if title:
        heading = escape(_shortened(title, 72))
        out.append(f'<text x="16" y="26" font-size="14" font-weight="bold">{heading}</text>')
    if unit:
        out.append(f'<text x="16" y="46">{escape(_shortened(versal(unit), 40))}</text>')
    if not values:
        return "\n".join([*out, _empty(), "</svg>", ""])

    # Text first, so the margins can make room for the longest tick and end label.
    lasts = [p[-1] if p else None for p in points]
    labels = [
        _shortened(
            f"{_shortened(n, 20)} {show(last[1])}"
            + (f" ({last[0]})" if last[0] != years[-1] else ""),
            32,
        )
        for n, last in zip(names, lasts, strict=True)
        if last
    ]
    ticks = {
        k: show(k * step) if percent else _number(k * step, decimals) for k in range(kmin, kmax + 1)
    }
    left = _clamp(max(map(len, ticks.values())) * _CHAR_WIDTH + 20, 48, 150)
    right = WIDTH - _clamp(max(map(len, labels)) * _CHAR_WIDTH + 24, 60, 250)

    def x_of(year: int) -> float:
        if years[0] == years[-1]:
            return (left + right) / 2
        share = (year - years[0]) / (years[-1] - years[0])
        return left + _PADDING + share * (right - left - 2 * _PADDING)

    def y_of(v: float) -> float:
        share = (v / step - kmin) / (kmax - kmin)
        return _BOTTOM - _clamp(share, 0.0, 1.0) * (_BOTTOM - _TOP)

    out += _y_axis(ticks, y_of=lambda k: y_of(k * step), left=left, right=right)
    out += _x_axis(years, x_of)
    for p, style in zip(points, styles, strict=True):
        out += _series(_runs(p, years), style, x_of, y_of)

    ends = [
        (y_of(last[1]), style.colour) for last, style in zip(lasts, styles, strict=True) if last
    ]
    positions = _spread([y for y, _ in ends], _TOP - 8, _BOTTOM + 8, ETIKETT_AVSTAND)
    for (_, colour), y, text in zip(ends, positions, labels, strict=True):
        out.append(
            f'<text x="{_coord(right + 8)}" y="{_coord(y + 4)}" fill="{colour}">{escape(text)}</text>'
        )
    return "\n".join([*out, "</svg>", ""])


def _y_axis(
    ticks: dict[int, str], y_of: Callable[[int], float], left: float, right: float
) -> list[str]:
    """Light gridlines with the value of each; the zero line darker, as the baseline."""
    lines = [f'<g stroke="{GRID}" stroke-width="1">']
    texts = [f'<g fill="{AXIS_TEXT}" text-anchor="end">']
    zero = ""
    for k, text in ticks.items():
        y = _coord(y_of(k))
        line = f'<line x1="{_coord(left)}" y1="{y}" x2="{_coord(right)}" y2="{y}"'
        if k == 0:
            zero = f'{line} stroke="{AXIS_LINE}" stroke-width="1"/>'
        else:
            lines.append(f"{line}/>")
        texts.append(
            f'<text x="{_coord(left - 8)}" y="{_coord(y_of(k) + 4)}">{escape(text)}</text>'
        )
    return [*lines, "</g>", zero, *texts, "</g>"]


def _x_axis(years: list[int], x_of: Callable[[int], float]) -> list[str]:
    """A tick for every year; labels thinned so they do not run into each other."""
    out = [f'<g stroke="{AXIS_LINE}" stroke-width="1">']
    for year in years:
        x = _coord(x_of(year))
        out.append(f'<line x1="{x}" y1="{_coord(_BOTTOM)}" x2="{x}" y2="{_coord(_BOTTOM + 5)}"/>')
    out.append("</g>")
    out.append(f'<g fill="{AXIS_TEXT}" text-anchor="middle">')
    for year in _labelled_years(years, x_of):
        out.append(f'<text x="{_coord(x_of(year))}" y="{_coord(_BOTTOM + 20)}">{year}</text>')
    out.append("</g>")
    return out


def _series(
    runs: list[list[tuple[int, float]]],
    style: Stil,
    x_of: Callable[[int], float],
    y_of: Callable[[float], float],
) -> list[str]:
    """A series' line, one polyline per run of values, and a marker at each value."""
    out = []
    dash = f' stroke-dasharray="{style.dash}"' if style.dash else ""
    out.append(f'<g fill="none" stroke="{style.colour}" stroke-width="2.5"{dash}>')
    for run in runs:
        # A lone value between gaps draws no line, only its marker.
        if len(run) > 1:
            points = " ".join(f"{_coord(x_of(year))},{_coord(y_of(v))}" for year, v in run)
            out.append(f'<polyline points="{points}"/>')
    out.append("</g>")
    # White edges keep markers distinct where lines cross.
    out.append(f'<g fill="{style.colour}" stroke="{BACKGROUND}" stroke-width="1">')
    for year, v in (point for run in runs for point in run):
        out.append(_marker(style.marker, x_of(year), y_of(v)))
    out.append("</g>")
    return out


def _marker(shape: str, x: float, y: float) -> str:
    if shape == "circle":
        return f'<circle cx="{_coord(x)}" cy="{_coord(y)}" r="4.5"/>'
    corners = [f"{_coord(x + dx)},{_coord(y + dy)}" for dx, dy in _POLYGONS[shape]]
    return f'<path d="M{corners[0]}L{" ".join(corners[1:])}Z"/>'


def _empty() -> str:
    middle = _coord((_TOP + _BOTTOM) / 2)
    return (
        f'<line x1="44" y1="{_coord(_BOTTOM)}" x2="{WIDTH - 16}" y2="{_coord(_BOTTOM)}" '
        f'stroke="{AXIS_LINE}" stroke-width="1"/>\n'
        f'<text x="{_coord((44 + WIDTH - 16) / 2)}" y="{middle}" font-size="14" '
        f'text-anchor="middle" fill="{TEXT_COLOUR}">Inga värden</text>'
    )


def _summary(
    names: list[str],
    points: list[list[tuple[int, float]]],
    years: list[int],
    show: Callable[[float], str],
) -> str:
    """The data in words for <desc>: the years, then each series' first and last value."""
    if not years:
        return "Linjediagram. Inga värden."
    parts = [
        f"Linjediagram, {years[0]}–{years[-1]}." if len(years) > 1 else f"Linjediagram, {years[0]}."
    ]
    if not any(points):
        return f"{parts[0]} Inga värden."
    for n, p in zip(names, points, strict=True):
        if not p:
            parts.append(f"{n}: inga värden.")
        elif len(p) == 1:
            parts.append(f"{n}: {show(p[0][1])} år {p[0][0]}.")
        elif p[0][0] == years[0] and p[-1][0] == years[-1]:
            parts.append(f"{n}: från {show(p[0][1])} till {show(p[-1][1])}.")
        else:
            # A series that starts late or ends early says when, or it would mislead.
            first, last = p[0], p[-1]
            parts.append(
                f"{n}: från {show(first[1])} år {first[0]} till {show(last[1])} år {last[0]}."
            )
    return " ".join(parts)


def _points(values: Mapping[int, float], years: list[int]) -> list[tuple[int, float]]:
    """(year, value) for each year on the axis that has a finite value, in order."""
    out = []
    for year in years:
        if year in values:
            v = float(values[year])
            if math.isfinite(v):
                out.append((year, v))
    return out


def _runs(p: list[tuple[int, float]], years: list[int]) -> list[list[tuple[int, float]]]:
    """The runs of values on neighbouring years of the axis: between two runs is a gap.

    Neighbouring on the axis, not in the calendar, so an axis that skips years draws
    a line across them where every year on it has a value."""
    index = {year: i for i, year in enumerate(years)}
    runs: list[list[tuple[int, float]]] = []
    for i, point in enumerate(p):
        if i == 0 or index[point[0]] != index[p[i - 1][0]] + 1:
            runs.append([])
        runs[-1].append(point)
    return runs


def _scale(lo: float, hi: float) -> tuple[float, int, int, int]:
    """A y scale from `lo` and `hi` (0 always included): step, first and last multiple of
    the step, and the decimals a tick needs. The step is 1, 2, 2.5 or 5 × 10^n, the
    smallest that gives at most five intervals, so four to six gridlines."""
    lo, hi = min(lo, 0.0), max(hi, 0.0)
    half = hi / 2 - lo / 2  # half the range: the full range of ±1e308 overflows
    if half < 1e-9:
        lo, hi, half = 0.0, 1.0, 0.5
    exp = math.floor(math.log10(half) + math.log10(0.4)) - 1
    for e in range(exp, exp + 4):
        for m in (1.0, 2.0, 2.5, 5.0):
            step = m * 10.0**e
            kmin = math.floor(lo / step + 1e-9)
            kmax = math.ceil(hi / step - 1e-9)
            if kmax - kmin <= 5:
                return step, kmin, kmax, max(0, -e + (1 if m == 2.5 else 0))
    raise AssertionError("unreachable: the last step tried spans any finite range")


def _spread(targets: list[float], top: float, bottom: float, gap: float) -> list[float]:
    """Positions as near `targets` as they can be while at least `gap` apart and inside
    [top, bottom], in the same order. Labels that would overlap form a block centred on
    their targets; blocks that then touch merge. Ties keep the input order, so it is stable."""
    order = sorted(range(len(targets)), key=lambda i: (targets[i], i))
    blocks: list[tuple[float, list[int]]] = []  # (top position, members in order)
    for i in order:
        blocks.append((targets[i], [i]))
        while True:
            start, members = blocks[-1]
            height = (len(members) - 1) * gap
            start = _clamp(start, top, max(top, bottom - height))
            blocks[-1] = (start, members)
            if len(blocks) < 2:
                break
            previous_start, previous = blocks[-2]
            if previous_start + len(previous) * gap <= start:
                break
            merged = previous + members
            centred = sum(targets[j] - k * gap for k, j in enumerate(merged)) / len(merged)
            blocks[-2:] = [(centred, merged)]
    out = [0.0] * len(targets)
    for start, members in blocks:
        for k, j in enumerate(members):
            out[j] = start + k * gap
    return out


def _labelled_years(years: list[int], x_of: Callable[[int], float]) -> list[int]:
    """The years that get a label: every n-th so they fit, and always the first and last."""
    if len(years) < 2:
        return list(years)
    per_year = (x_of(years[-1]) - x_of(years[0])) / (years[-1] - years[0])
    every = max(1, math.ceil(_YEAR_SPACING / per_year))
    if len(years) > 12:
        every = max(every, 2)
    shown = [year for year in years if (year - years[0]) % every == 0]
    if shown[-1] != years[-1]:
        if len(shown) > 1 and x_of(years[-1]) - x_of(shown[-1]) < _YEAR_SPACING:
            shown.pop()
        shown.append(years[-1])
    return shown


def _clean(text: str) -> str:
    """Editor text made safe to escape: characters XML cannot hold removed, whitespace
    (line breaks included) collapsed, since every string here is one line."""
    return " ".join(_INVALID_XML.sub("", str(text)).split())


def _shortened(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _number(v: float, decimals: int) -> str:
    """A number the Swedish way: "12 345,5" with thin spaces, "−3", at most `decimals`
    decimals, rounded half up as a reader expects (12,25 is 12,3), no trailing zeros."""
    if not math.isfinite(v):
        return "∞" if v > 0 else "−∞"
    # From the shortest repr, so 12.25 rounds as the 12.25 an editor wrote; the precision
    # holds every digit of the largest float.
    d = Decimal(repr(float(v))).quantize(
        Decimal(1).scaleb(-decimals), ROUND_HALF_UP, Context(prec=_DIGITS)
    )
    whole, _, fraction = f"{abs(d):,.{decimals}f}".partition(".")
    fraction = fraction.rstrip("0")
    text = whole.replace(",", "\u2009") + (f",{fraction}" if fraction else "")
    return f"−{text}" if d < 0 else text


def _clamp(v: float, lo: float, hi: float) -> float:
    return max(lo, min(hi, v))


def _coord(v: float) -> str:
    """A coordinate rounded to a tenth, so output is small and byte-stable."""
    text = f"{v:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text
