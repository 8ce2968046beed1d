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

BREDD, HOJD = 640, 340
BAKGRUND = "#ffffff"
TEXTFARG = "#1a1a1a"
AXELTEXT = "#333333"
AXELLINJE = "#595959"
RUTNAT = "#d9d9d9"
TYPSNITT = "system-ui, sans-serif"
ETIKETT_AVSTAND = 15.0  # end labels are 12 px text: closer than this and they touch

_TOPP, _BOTTEN = 58.0, HOJD - 36.0
_LUFT = 12.0  # keeps the first and last markers off the plot's edges
_AR_AVSTAND = 36.0  # a four-digit year at 12 px is about 29 px wide
_SIFFROR = 400  # a float has at most 309 digits before the point
_TECKEN = 7.6  # estimated width of one character at 12 px, for margins only


@dataclass(frozen=True)
class Serie:
    namn: str  # shown as the line's end label: "Kvinnor", "Män", "Alla" or an editor's text
    varden: Mapping[int, float]  # year -> value; a year without one is a gap in the line


@dataclass(frozen=True)
class Stil:
    farg: str
    streck: str  # stroke-dasharray; "" is a solid line
    markor: str


# Colour, dash pattern and marker all differ, so no series is told apart by colour alone.
# Each colour has at least 4.5:1 against white, so an end label can use it as text.
STILAR: tuple[Stil, ...] = (
    Stil("#b84a00", "", "cirkel"),
    Stil("#0072b2", "7 4", "kvadrat"),
    Stil("#3d3d3d", "2 3", "triangel"),
    Stil("#00795c", "8 3 2 3", "romb"),
    Stil("#8e3f7a", "13 4", "triangel-ned"),
    Stil("#7a5c00", "8 3 2 3 2 3", "kryss"),
)
# The same group always looks the same, whichever charts a reader compares.
STANDARDSTIL = {"kvinnor": 0, "män": 1, "alla": 2}

_A, _B = 1.8, 5.0
_POLYGONER: dict[str, tuple[tuple[float, float], ...]] = {
    "kvadrat": ((-4, -4), (4, -4), (4, 4), (-4, 4)),
    "triangel": ((0, -5.5), (5, 3.5), (-5, 3.5)),
    "romb": ((0, -5.5), (5.5, 0), (0, 5.5), (-5.5, 0)),
    "triangel-ned": ((0, 5.5), (5, -3.5), (-5, -3.5)),
    "kryss": (
        (-_A, -_B), (_A, -_B), (_A, -_A), (_B, -_A), (_B, _A), (_A, _A),
        (_A, _B), (-_A, _B), (-_A, _A), (-_B, _A), (-_B, -_A), (-_A, -_A),
    ),
}  # fmt: skip

# Characters XML 1.0 does not allow, which no escaping can make valid.
_OGILTIGT = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def kontrast(farg1: str, farg2: str) -> float:
    """The WCAG 2.x contrast ratio of two "#rrggbb" colours, from 1 to 21."""
    ljus = sorted((_luminans(farg1), _luminans(farg2)), reverse=True)
    return (ljus[0] + 0.05) / (ljus[1] + 0.05)


def _luminans(farg: str) -> float:
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", farg):
        raise ValueError(f"not a #rrggbb colour: {farg!r}")
    kanaler = [int(farg[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in kanaler)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def stilar_for(namn: Sequence[str]) -> list[Stil]:
    """The style of each series: the standard groups their own, the others what is left."""
    if len(namn) > len(STILAR):
        raise ValueError(f"at most {len(STILAR)} series can be told apart, got {len(namn)}")
    valda: dict[int, int] = {}
    for i, n in enumerate(namn):
        stil = STANDARDSTIL.get(_ren(n).casefold())
        if stil is not None and stil not in valda.values():
            valda[i] = stil
    lediga = iter(s for s in range(len(STILAR)) if s not in valda.values())
    return [STILAR[valda[i]] if i in valda else STILAR[next(lediga)] for i in range(len(namn))]


def linjediagram(
    titel: str, beskrivning: str, enhet: str, serier: Sequence[Serie], ar: Sequence[int]
) -> str:
    """A standalone SVG document: one line per series over the years in `ar`.

    A year a series has no (finite) value for is a gap in its line. Strings come from
    editors and are cleaned and escaped here.
    """
    stilar = stilar_for([s.namn for s in serier])
    ar = sorted(set(ar))
    titel, beskrivning, enhet = _ren(titel), _ren(beskrivning), _ren(enhet)
    namn = [_ren(s.namn) or f"Serie {i}" for i, s in enumerate(serier, 1)]
    punkter = [_punkter(s.varden, ar) for s in serier]
    alla = [v for p in punkter for _, v in p]
    procent = enhet.casefold() == "procent"

    steg, kmin, kmax, decimaler = _skala(min(alla, default=0.0), max(alla, default=0.0))
    decimaler = max(1, decimaler)

    def visa(v: float) -> str:
        tal = _tal(v, decimaler)
        if procent:
            return f"{tal} %"
        return tal if enhet.casefold() in ("antal", "") else f"{tal} {enhet}"

    desc = " ".join(x for x in (beskrivning, _sammanfattning(namn, punkter, ar, visa)) if x)
    ut = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {BREDD} {HOJD}" '
        f'width="{BREDD}" height="{HOJD}" role="img" aria-labelledby="t d" lang="sv" '
        f'font-family="{TYPSNITT}" font-size="12" fill="{TEXTFARG}">',
        f'<title id="t">{escape(titel)}</title>',
        f'<desc id="d">{escape(desc)}</desc>',
        f'<rect width="{BREDD}" height="{HOJD}" fill="{BAKGRUND}"/>',
    ]
    # Drawn as well as in <title>: the file is also opened on its own and printed.
    if titel:
        rubrik = escape(_kortad(titel, 72))
        ut.append(f'<text x="16" y="26" font-size="14" font-weight="bold">{rubrik}</text>')
    if enhet:
        ut.append(f'<text x="16" y="46">{escape(_kortad(versal(enhet), 40))}</text>')
    if not alla:
        return "\n".join([*ut, _tomt(), "</svg>", ""])

    # Text first, so the margins can make room for the longest tick and end label.
    sista = [p[-1] if p else None for p in punkter]
    etiketter = [
        _kortad(f"{_kortad(n, 20)} {visa(s[1])}" + (f" ({s[0]})" if s[0] != ar[-1] else ""), 32)
        for n, s in zip(namn, sista, strict=True)
        if s
    ]
    ticks = {
        k: visa(k * steg) if procent else _tal(k * steg, decimaler) for k in range(kmin, kmax + 1)
    }
    vanster = _mellan(max(map(len, ticks.values())) * _TECKEN + 20, 48, 150)
    hoger = BREDD - _mellan(max(map(len, etiketter)) * _TECKEN + 24, 60, 250)

    def x_av(a: int) -> float:
        if ar[0] == ar[-1]:
            return (vanster + hoger) / 2
        return vanster + _LUFT + (a - ar[0]) / (ar[-1] - ar[0]) * (hoger - vanster - 2 * _LUFT)

    def y_av(v: float) -> float:
        andel = (v / steg - kmin) / (kmax - kmin)
        return _BOTTEN - _mellan(andel, 0.0, 1.0) * (_BOTTEN - _TOPP)

    ut += _y_axel(ticks, y_av=lambda k: y_av(k * steg), vanster=vanster, hoger=hoger)
    ut += _x_axel(ar, x_av)
    for p, stil in zip(punkter, stilar, strict=True):
        ut += _serie(_delar(p, ar), stil, x_av, y_av)

    slut = [(y_av(s[1]), stil.farg) for s, stil in zip(sista, stilar, strict=True) if s]
    lagen = _isar([y for y, _ in slut], _TOPP - 8, _BOTTEN + 8, ETIKETT_AVSTAND)
    for (_, farg), y, text in zip(slut, lagen, etiketter, strict=True):
        ut.append(f'<text x="{_k(hoger + 8)}" y="{_k(y + 4)}" fill="{farg}">{escape(text)}</text>')
    return "\n".join([*ut, "</svg>", ""])


def _y_axel(
    ticks: dict[int, str], y_av: Callable[[int], float], vanster: float, hoger: float
) -> list[str]:
    """Light gridlines with the value of each; the zero line darker, as the baseline."""
    linjer = [f'<g stroke="{RUTNAT}" stroke-width="1">']
    texter = [f'<g fill="{AXELTEXT}" text-anchor="end">']
    noll = ""
    for k, text in ticks.items():
        y = _k(y_av(k))
        linje = f'<line x1="{_k(vanster)}" y1="{y}" x2="{_k(hoger)}" y2="{y}"'
        if k == 0:
            noll = f'{linje} stroke="{AXELLINJE}" stroke-width="1"/>'
        else:
            linjer.append(f"{linje}/>")
        texter.append(f'<text x="{_k(vanster - 8)}" y="{_k(y_av(k) + 4)}">{escape(text)}</text>')
    return [*linjer, "</g>", noll, *texter, "</g>"]


def _x_axel(ar: list[int], x_av: Callable[[int], float]) -> list[str]:
    """A tick for every year; labels thinned so they do not run into each other."""
    ut = [f'<g stroke="{AXELLINJE}" stroke-width="1">']
    for a in ar:
        x = _k(x_av(a))
        ut.append(f'<line x1="{x}" y1="{_k(_BOTTEN)}" x2="{x}" y2="{_k(_BOTTEN + 5)}"/>')
    ut.append("</g>")
    ut.append(f'<g fill="{AXELTEXT}" text-anchor="middle">')
    for a in _visade_ar(ar, x_av):
        ut.append(f'<text x="{_k(x_av(a))}" y="{_k(_BOTTEN + 20)}">{a}</text>')
    ut.append("</g>")
    return ut


def _serie(
    bitar: list[list[tuple[int, float]]],
    stil: Stil,
    x_av: Callable[[int], float],
    y_av: Callable[[float], float],
) -> list[str]:
    """A series' line, one polyline per run of values, and a marker at each value."""
    ut = []
    streck = f' stroke-dasharray="{stil.streck}"' if stil.streck else ""
    ut.append(f'<g fill="none" stroke="{stil.farg}" stroke-width="2.5"{streck}>')
    for bit in bitar:
        # A lone value between gaps draws no line, only its marker.
        if len(bit) > 1:
            punkter = " ".join(f"{_k(x_av(a))},{_k(y_av(v))}" for a, v in bit)
            ut.append(f'<polyline points="{punkter}"/>')
    ut.append("</g>")
    # White edges keep markers distinct where lines cross.
    ut.append(f'<g fill="{stil.farg}" stroke="{BAKGRUND}" stroke-width="1">')
    for a, v in (punkt for bit in bitar for punkt in bit):
        ut.append(_markor(stil.markor, x_av(a), y_av(v)))
    ut.append("</g>")
    return ut


def _markor(form: str, x: float, y: float) -> str:
    if form == "cirkel":
        return f'<circle cx="{_k(x)}" cy="{_k(y)}" r="4.5"/>'
    hornen = [f"{_k(x + dx)},{_k(y + dy)}" for dx, dy in _POLYGONER[form]]
    return f'<path d="M{hornen[0]}L{" ".join(hornen[1:])}Z"/>'


def _tomt() -> str:
    mitt = _k((_TOPP + _BOTTEN) / 2)
    return (
        f'<line x1="44" y1="{_k(_BOTTEN)}" x2="{BREDD - 16}" y2="{_k(_BOTTEN)}" '
        f'stroke="{AXELLINJE}" stroke-width="1"/>\n'
        f'<text x="{_k((44 + BREDD - 16) / 2)}" y="{mitt}" font-size="14" '
        f'text-anchor="middle" fill="{TEXTFARG}">Inga värden</text>'
    )


def _sammanfattning(
    namn: list[str],
    punkter: list[list[tuple[int, float]]],
    ar: list[int],
    visa: Callable[[float], str],
) -> str:
    """The data in words for <desc>: the years, then each series' first and last value."""
    if not ar:
        return "Linjediagram. Inga värden."
    delar = [f"Linjediagram, {ar[0]}–{ar[-1]}." if len(ar) > 1 else f"Linjediagram, {ar[0]}."]
    if not any(punkter):
        return f"{delar[0]} Inga värden."
    for n, p in zip(namn, punkter, strict=True):
        if not p:
            delar.append(f"{n}: inga värden.")
        elif len(p) == 1:
            delar.append(f"{n}: {visa(p[0][1])} år {p[0][0]}.")
        elif p[0][0] == ar[0] and p[-1][0] == ar[-1]:
            delar.append(f"{n}: från {visa(p[0][1])} till {visa(p[-1][1])}.")
        else:
            # A series that starts late or ends early says when, or it would mislead.
            forsta, sista = p[0], p[-1]
            delar.append(
                f"{n}: från {visa(forsta[1])} år {forsta[0]} till {visa(sista[1])} år {sista[0]}."
            )
    return " ".join(delar)


def _punkter(varden: Mapping[int, float], ar: list[int]) -> list[tuple[int, float]]:
    """(year, value) for each year on the axis that has a finite value, in order."""
    ut = []
    for a in ar:
        if a in varden:
            v = float(varden[a])
            if math.isfinite(v):
                ut.append((a, v))
    return ut


def _delar(p: list[tuple[int, float]], ar: list[int]) -> list[list[tuple[int, float]]]:
    """The runs of values on neighbouring years of the axis: between two runs is a gap.

    Neighbouring on the axis, not in the calendar, so an axis that skips years draws
    a line across them where every year on it has a value."""
    plats = {a: i for i, a in enumerate(ar)}
    bitar: list[list[tuple[int, float]]] = []
    for i, punkt in enumerate(p):
        if i == 0 or plats[punkt[0]] != plats[p[i - 1][0]] + 1:
            bitar.append([])
        bitar[-1].append(punkt)
    return bitar


def _skala(lo: float, hi: float) -> tuple[float, int, int, int]:
    """A y scale from `lo` and `hi` (0 always included): step, first and last multiple of
    the step, and the decimals a tick needs. The step is 1, 2, 2.5 or 5 × 10^n, the
    smallest that gives at most five intervals, so four to six gridlines."""
    lo, hi = min(lo, 0.0), max(hi, 0.0)
    halva = hi / 2 - lo / 2  # half the range: the full range of ±1e308 overflows
    if halva < 1e-9:
        lo, hi, halva = 0.0, 1.0, 0.5
    exp = math.floor(math.log10(halva) + math.log10(0.4)) - 1
    for e in range(exp, exp + 4):
        for m in (1.0, 2.0, 2.5, 5.0):
            steg = m * 10.0**e
            kmin = math.floor(lo / steg + 1e-9)
            kmax = math.ceil(hi / steg - 1e-9)
            if kmax - kmin <= 5:
                return steg, kmin, kmax, max(0, -e + (1 if m == 2.5 else 0))
    raise AssertionError("unreachable: the last step tried spans any finite range")


def _isar(mal: list[float], topp: float, botten: float, avstand: float) -> list[float]:
    """Positions as near `mal` as they can be while at least `avstand` apart and inside
    [topp, botten], in the same order. Labels that would overlap form a block centred on
    their targets; blocks that then touch merge. Ties keep the input order, so it is stable."""
    ordning = sorted(range(len(mal)), key=lambda i: (mal[i], i))
    block: list[tuple[float, list[int]]] = []  # (top position, members in order)
    for i in ordning:
        block.append((mal[i], [i]))
        while True:
            start, medlemmar = block[-1]
            hojd = (len(medlemmar) - 1) * avstand
            start = _mellan(start, topp, max(topp, botten - hojd))
            block[-1] = (start, medlemmar)
            if len(block) < 2:
                break
            forra_start, forra = block[-2]
            if forra_start + len(forra) * avstand <= start:
                break
            alla = forra + medlemmar
            mitt = sum(mal[j] - k * avstand for k, j in enumerate(alla)) / len(alla)
            block[-2:] = [(mitt, alla)]
    ut = [0.0] * len(mal)
    for start, medlemmar in block:
        for k, j in enumerate(medlemmar):
            ut[j] = start + k * avstand
    return ut


def _visade_ar(ar: list[int], x_av: Callable[[int], float]) -> list[int]:
    """The years that get a label: every n-th so they fit, and always the first and last."""
    if len(ar) < 2:
        return list(ar)
    per_ar = (x_av(ar[-1]) - x_av(ar[0])) / (ar[-1] - ar[0])
    varje = max(1, math.ceil(_AR_AVSTAND / per_ar))
    if len(ar) > 12:
        varje = max(varje, 2)
    visade = [a for a in ar if (a - ar[0]) % varje == 0]
    if visade[-1] != ar[-1]:
        if len(visade) > 1 and x_av(ar[-1]) - x_av(visade[-1]) < _AR_AVSTAND:
            visade.pop()
        visade.append(ar[-1])
    return visade


def _ren(text: str) -> str:
    """Editor text made safe to escape: characters XML cannot hold removed, whitespace
    (line breaks included) collapsed, since every string here is one line."""
    return " ".join(_OGILTIGT.sub("", str(text)).split())


def _kortad(text: str, langd: int) -> str:
    return text if len(text) <= langd else text[: langd - 1].rstrip() + "…"


def _tal(v: float, decimaler: int) -> str:
    """A number the Swedish way: "12 345,5" with thin spaces, "−3", at most `decimaler`
    decimals, rounded half up as a reader expects (12,25 is 12,3), no trailing zeros."""
    if not math.isfinite(v):
        return "∞" if v > 0 else "−∞"
    # From the shortest repr, so 12.25 rounds as the 12.25 an editor wrote; the precision
    # holds every digit of the largest float.
    d = Decimal(repr(float(v))).quantize(
        Decimal(1).scaleb(-decimaler), ROUND_HALF_UP, Context(prec=_SIFFROR)
    )
    heltal, _, del_ = f"{abs(d):,.{decimaler}f}".partition(".")
    del_ = del_.rstrip("0")
    text = heltal.replace(",", "\u2009") + (f",{del_}" if del_ else "")
    return f"−{text}" if d < 0 else text


def _mellan(v: float, lo: float, hi: float) -> float:
    return max(lo, min(hi, v))


def _k(v: float) -> str:
    """A coordinate rounded to a tenth, so output is small and byte-stable."""
    text = f"{v:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text
