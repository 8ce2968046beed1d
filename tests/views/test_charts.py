"""The follow-up charts (views/charts.py): SVG that is accessible, safe and stable."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from itertools import combinations, pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from styrdok.views.charts import (
    ETIKETT_AVSTAND,
    KONTRAST_MIN,
    KONTRAST_TEXT_MIN,
    STILAR,
    Serie,
    kontrast,
    linjediagram,
    stilar_for,
)

SVG = "{http://www.w3.org/2000/svg}"
THIN = "\u2009"
AR = list(range(2019, 2025))
KVINNOR = Serie("Kvinnor", {2019: 34, 2020: 33, 2021: 35, 2022: 32, 2023: 31, 2024: 31})
MAN = Serie("Män", {2019: 18, 2020: 17.5, 2021: 17, 2022: 16, 2023: 17, 2024: 12.5})
ALLA = Serie("Alla", {2019: 26, 2020: 25, 2021: 26, 2022: 24, 2023: 24, 2024: 22})

NASTY = [
    "<script>alert(1)</script>",
    "a\"b'c & d",
    "]]><x/>",
    "&amp; &lt; &#0; &#x1;",
    "<![CDATA[x]]>",
    "\x00\x01\x08\x0b\x0c\x1f nul och kontroll",
    "\ud800 ensam surrogat \udfff",
    "\ufffe\uffff",
    "rad ett\nrad två\r\ttab",
    '<svg onload="alert(1)"><foreignObject/>',
    "javascript:alert(1)",
    'url("https://example.com/x.png")',
    "\u202e omvänd text",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 utanför BMP",
    "",
    " " * 50,
    "x" * 500,
]


def chart(*serier: Serie, ar=AR, titel="Andel otrygga", enhet="procent", beskrivning="") -> str:
    return linjediagram(titel, beskrivning, enhet, serier, ar)


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def local(tag: str) -> str:
    return tag.removeprefix(SVG)


def series_groups(root: ET.Element, colour: str) -> tuple[ET.Element, ET.Element]:
    """The line group and the marker group of the series drawn in `colour`."""
    lines = [
        g for g in root.iter(f"{SVG}g") if g.get("stroke") == colour and g.get("fill") == "none"
    ]
    markers = [g for g in root.iter(f"{SVG}g") if g.get("fill") == colour]
    assert len(lines) == 1 and len(markers) == 1, colour
    return lines[0], markers[0]


def end_labels(root: ET.Element) -> dict[str, float]:
    """Each end label's text and its y."""
    colours = {s.colour for s in STILAR}
    return {t.text: float(t.get("y")) for t in root.iter(f"{SVG}text") if t.get("fill") in colours}


def tick_labels(root: ET.Element) -> list[str]:
    groups = [g for g in root.iter(f"{SVG}g") if g.get("text-anchor") == "end"]
    assert len(groups) == 1
    return [t.text for t in groups[0]]


def year_labels(root: ET.Element) -> list[str]:
    groups = [g for g in root.iter(f"{SVG}g") if g.get("text-anchor") == "middle"]
    assert len(groups) == 1
    return [t.text for t in groups[0]]


def marker_shape(element: ET.Element) -> tuple:
    """What a marker looks like, wherever it is: its tag and its corners relative to the first."""
    if local(element.tag) == "circle":
        return ("circle", element.get("r"))
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", element.get("d"))]
    points = list(zip(numbers[::2], numbers[1::2], strict=True))
    return (
        local(element.tag),
        tuple((round(x - points[0][0], 1), round(y - points[0][1], 1)) for x, y in points),
    )


def assert_nothing_active(root: ET.Element) -> None:
    """No element that runs, embeds or links, and no attribute that does."""
    forbidden = {"script", "foreignObject", "a", "image", "use", "iframe", "style", "feImage"}
    for element in root.iter():
        assert local(element.tag) not in forbidden, element.tag
        for name, value in element.attrib.items():
            bare = name.rpartition("}")[2]
            assert not bare.lower().startswith("on"), name
            assert bare not in ("href", "style", "src"), name
            assert "url(" not in value and "javascript:" not in value.lower(), (name, value)
            if name != "xmlns":
                assert "http" not in value, (name, value)


# The document


def test_the_chart_is_an_image_named_by_its_title_and_description():
    root = parse(chart(KVINNOR, MAN))
    assert local(root.tag) == "svg"
    assert root.get("role") == "img"
    assert root.get("lang") == "sv"
    assert root.get("viewBox") == f"0 0 {root.get('width')} {root.get('height')}"
    first, second = list(root)[:2]
    assert (local(first.tag), local(second.tag)) == ("title", "desc")
    assert root.get("aria-labelledby").split() == [first.get("id"), second.get("id")]
    assert first.text == "Andel otrygga"


def test_the_description_states_each_series_first_and_last_value_in_swedish():
    root = parse(chart(KVINNOR, MAN, beskrivning="Andelen som känner sig otrygga."))
    assert root.find(f"{SVG}desc").text == (
        "Andelen som känner sig otrygga. Linjediagram, 2019–2024. "
        "Kvinnor: från 34 % till 31 %. Män: från 18 % till 12,5 %."
    )


def test_the_description_says_when_a_series_starts_late_or_has_one_value():
    late = Serie("Kvinnor", {2021: 10, 2023: 12})
    one = Serie("Män", {2020: 7})
    none = Serie("Alla", {})
    desc = parse(chart(late, one, none, enhet="antal")).find(f"{SVG}desc").text
    assert desc == (
        "Linjediagram, 2019–2024. Kvinnor: från 10 år 2021 till 12 år 2023. "
        "Män: 7 år 2020. Alla: inga värden."
    )


def test_the_chart_has_a_white_background_first_of_all_it_draws():
    root = parse(chart(KVINNOR))
    drawn = [e for e in root if local(e.tag) not in ("title", "desc")]
    assert local(drawn[0].tag) == "rect"
    assert drawn[0].get("fill").lower() in ("#fff", "#ffffff", "white")
    assert (drawn[0].get("width"), drawn[0].get("height")) == (
        root.get("width"),
        root.get("height"),
    )


def test_nothing_in_the_chart_runs_or_fetches():
    assert_nothing_active(parse(chart(KVINNOR, MAN, ALLA)))
    assert_nothing_active(parse(chart(Serie(NASTY[9], {2020: 1}), titel=NASTY[11])))


def test_the_same_data_gives_the_same_bytes():
    reordered = Serie("Kvinnor", dict(reversed(list(KVINNOR.varden.items()))))
    first = chart(KVINNOR, MAN, ALLA)
    assert first == chart(KVINNOR, MAN, ALLA)
    # Neither the order of the mapping nor of the years given changes the file.
    assert first == chart(reordered, MAN, ALLA, ar=list(reversed(AR)))
    assert first != chart(KVINNOR, MAN, ALLA, titel="Annan titel")


def test_a_typical_chart_is_small():
    ar = list(range(2015, 2025))
    serier = [
        Serie(n, {a: 10 + i * 7.3 + (a % 4) * 1.15 for a in ar})
        for i, n in enumerate(["Kvinnor", "Män", "Alla"])
    ]
    assert len(chart(*serier, ar=ar).encode("utf-8")) < 10_000


def test_coordinates_are_rounded_to_a_tenth():
    svg = chart(Serie("Kvinnor", {2019: 1 / 3, 2020: 2 / 3, 2021: math.pi}))
    assert not re.search(r"\d\.\d{2}", svg)


# Editors' text


@pytest.mark.parametrize("nasty", NASTY)
def test_hostile_editor_text_is_only_ever_text(nasty):
    svg = linjediagram(nasty, nasty, nasty, [Serie(nasty, {2020: 1.0, 2021: 2.0})], [2020, 2021])
    svg.encode("utf-8")  # a lone surrogate would fail here
    root = parse(svg)
    assert_nothing_active(root)
    expected = " ".join(
        re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]", "", nasty).split()
    )
    assert (root.find(f"{SVG}title").text or "") == expected
    assert expected in (root.find(f"{SVG}desc").text or "")
    kinds = {local(e.tag) for e in root.iter()}
    assert kinds <= {
        "svg",
        "title",
        "desc",
        "rect",
        "text",
        "g",
        "line",
        "polyline",
        "circle",
        "path",
    }


def test_markup_in_a_title_is_escaped_not_parsed():
    svg = chart(KVINNOR, titel="<script>alert(1)</script> & ]]>")
    assert "<script" not in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; ]]&gt;" in svg
    assert parse(svg).find(f"{SVG}title").text == "<script>alert(1)</script> & ]]>"


_STANDARD = st.sampled_from(["Kvinnor", "Män", "Alla"])
_ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=40)
_VALUE = st.one_of(st.floats(), st.integers(-(10**12), 10**12))


@settings(max_examples=150, deadline=None)
@given(
    titel=_ANY_TEXT,
    beskrivning=_ANY_TEXT,
    enhet=st.one_of(st.sampled_from(["procent", "antal", "kronor"]), _ANY_TEXT),
    serier=st.lists(
        st.builds(
            Serie,
            st.one_of(_STANDARD, _ANY_TEXT),
            st.dictionaries(st.integers(1990, 2030), _VALUE, max_size=35),
        ),
        max_size=6,
    ),
    ar=st.lists(st.integers(1990, 2030), max_size=35),
)
def test_any_input_gives_a_safe_svg_that_parses(titel, beskrivning, enhet, serier, ar):
    svg = linjediagram(titel, beskrivning, enhet, serier, ar)
    svg.encode("utf-8")
    root = parse(svg)
    assert_nothing_active(root)
    assert [local(e.tag) for e in list(root)[:2]] == ["title", "desc"]
    width, height = float(root.get("width")), float(root.get("height"))
    for element in root.iter(f"{SVG}circle"):
        assert 0 <= float(element.get("cx")) <= width and 0 <= float(element.get("cy")) <= height


# Contrast and telling series apart


def test_contrast_is_the_wcag_ratio():
    assert kontrast("#000000", "#ffffff") == pytest.approx(21)
    assert kontrast("#ffffff", "#FFFFFF") == pytest.approx(1)
    assert kontrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert kontrast("#0072b2", "#ffffff") == kontrast("#ffffff", "#0072b2")
    with pytest.raises(ValueError):
        kontrast("#fff", "#000000")
    with pytest.raises(ValueError):
        kontrast("red", "#000000")


def test_every_style_has_enough_contrast_for_a_line_and_for_its_label():
    for stil in STILAR:
        assert kontrast(stil.colour, "#ffffff") >= KONTRAST_MIN
        # End labels are text in the series colour.
        assert kontrast(stil.colour, "#ffffff") >= KONTRAST_TEXT_MIN


def test_every_colour_drawn_has_enough_contrast_against_white():
    root = parse(chart(*[Serie(n, {2023: i, 2024: i * 3}) for i, n in enumerate("abcdef", 1)]))

    def walk(element: ET.Element, fill: str | None) -> None:
        fill = element.get("fill", fill)
        if local(element.tag) == "text":
            assert kontrast(fill, "#ffffff") >= KONTRAST_TEXT_MIN, (element.text, fill)
        if local(element.tag) in ("polyline", "circle", "path"):
            stroke = element.get("stroke") or parents[element].get("stroke")
            colour = stroke if local(element.tag) == "polyline" else fill
            assert kontrast(colour, "#ffffff") >= KONTRAST_MIN, colour
        for child in element:
            walk(child, fill)

    parents = {child: parent for parent in root.iter() for child in parent}
    walk(root, None)
    assert len(list(root.iter(f"{SVG}polyline"))) == 6


def test_text_is_at_least_12_px_in_a_system_font():
    root = parse(chart(KVINNOR, MAN))
    assert root.get("font-family") == "system-ui, sans-serif"
    sizes = [float(e.get("font-size")) for e in root.iter() if e.get("font-size")]
    assert sizes and min(sizes) >= 12


def test_six_series_differ_in_colour_dash_and_marker():
    serier = [
        Serie(n, {2019: i, 2020: i + 1})
        for i, n in enumerate(["Kvinnor", "Män", "Alla", "a", "b", "c"])
    ]
    root = parse(chart(*serier))
    dashes, shapes = [], []
    for stil in stilar_for([s.namn for s in serier]):
        lines, markers = series_groups(root, stil.colour)
        dashes.append(lines.get("stroke-dasharray", ""))
        shapes.append(marker_shape(markers[0]))
    assert len(set(dashes)) == 6
    assert len(set(shapes)) == 6
    assert len({s.colour for s in STILAR}) == len(STILAR)


def test_women_men_and_all_keep_their_style_whatever_the_order():
    kvinnor, man, alla = stilar_for(["Kvinnor", "Män", "Alla"])
    assert stilar_for(["Alla", "Kvinnor"]) == [alla, kvinnor]
    assert stilar_for(["  kvinnor "]) == [kvinnor]
    # Others take what is left, in order, and never a standard group's style beside it.
    assert stilar_for(["Stadsdel", "Kvinnor", "Annan"]) == [man, kvinnor, alla]
    assert len(set(stilar_for(["Kvinnor", "Kvinnor"]))) == 2


def test_more_series_than_styles_is_refused():
    with pytest.raises(ValueError):
        chart(*[Serie(str(i), {2020: i}) for i in range(len(STILAR) + 1)])


# Labels and numbers


def test_each_line_ends_in_a_label_with_its_last_value():
    labels = end_labels(parse(chart(KVINNOR, MAN, ALLA)))
    assert set(labels) == {"Kvinnor 31 %", "Män 12,5 %", "Alla 22 %"}
    root = parse(chart(KVINNOR, MAN))
    kvinnor_x = max(
        float(c.get("cx")) for c in series_groups(root, stilar_for(["Kvinnor"])[0].colour)[1]
    )
    label = next(t for t in root.iter(f"{SVG}text") if t.text == "Kvinnor 31 %")
    assert float(label.get("x")) > kvinnor_x


def test_a_line_that_ends_early_says_the_year_of_its_last_value():
    labels = end_labels(parse(chart(Serie("Män", {2019: 5, 2022: 6}), KVINNOR)))
    assert set(labels) == {"Män 6 % (2022)", "Kvinnor 31 %"}


def test_labels_with_equal_last_values_are_nudged_apart():
    same = [Serie(n, {2019: 10, 2024: 20}) for n in ["Kvinnor", "Män", "Alla"]]
    labels = end_labels(parse(chart(*same)))
    assert len(labels) == 3
    for a, b in combinations(labels.values(), 2):
        assert abs(a - b) >= 14
    # Centred on where the lines end, not all pushed one way.
    assert min(labels.values()) < sorted(labels.values())[1] < max(labels.values())


def test_six_labels_crowded_at_the_top_stay_apart_and_in_the_picture():
    serier = [Serie(str(i), {2019: 0, 2024: 100 - i * 0.1}) for i in range(6)]
    root = parse(chart(*serier))
    ys = sorted(end_labels(root).values())
    assert len(ys) == 6
    assert all(b - a >= ETIKETT_AVSTAND - 0.1 for a, b in pairwise(ys))
    assert ys[0] >= 12 and ys[-1] <= float(root.get("height"))


def test_numbers_are_written_the_swedish_way():
    root = parse(chart(Serie("Alla", {2019: 0, 2024: 12345}), enhet="antal"))
    assert f"Alla 12{THIN}345" in end_labels(root)
    assert f"12{THIN}500" in tick_labels(root)
    root = parse(chart(Serie("Alla", {2019: 1.25, 2024: 2}), enhet="kronor"))
    assert set(end_labels(root)) == {"Alla 2 kronor"}
    assert "Alla: från 1,3 kronor till 2 kronor." in root.find(f"{SVG}desc").text


def test_the_value_axis_starts_at_zero_and_ends_at_a_round_number():
    assert tick_labels(parse(chart(KVINNOR))) == ["0 %", "10 %", "20 %", "30 %", "40 %"]
    assert tick_labels(parse(chart(Serie("a", {2020: 0.7}), enhet="antal"))) == [
        "0",
        "0,2",
        "0,4",
        "0,6",
        "0,8",
    ]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(-1e9, 1e9), min_size=1, max_size=10))
def test_the_value_axis_has_four_to_six_round_gridlines(values):
    root = parse(
        chart(Serie("a", dict(enumerate(values, 2000))), ar=range(2000, 2011), enhet="antal")
    )
    ticks = [
        float(t.replace("−", "-").replace(THIN, "").replace(",", ".")) for t in tick_labels(root)
    ]
    assert 4 <= len(ticks) <= 6
    assert 0 in ticks
    step = ticks[1] - ticks[0]
    mantissa = step / 10 ** math.floor(math.log10(step))
    assert any(math.isclose(mantissa, m, rel_tol=1e-6) for m in (1, 2, 2.5, 5, 10))
    assert ticks[0] <= min(values, default=0) + abs(step) * 1e-6
    assert ticks[-1] >= max(values) - abs(step) * 1e-6


def test_negative_values_take_the_axis_below_zero():
    root = parse(chart(Serie("Alla", {2019: -12, 2020: 3, 2021: 8}), enhet="antal"))
    ticks = tick_labels(root)
    assert ticks[0].startswith("−") and "0" in ticks
    assert "Alla: från −12 år 2019 till 8 år 2021." in root.find(f"{SVG}desc").text
    # The zero line is the one dark gridline, above the bottom of the plot.
    dark = [
        e
        for e in root.iter(f"{SVG}line")
        if e.get("stroke") == "#595959" and e.get("x1") != e.get("x2")
    ]
    ys = [float(e.get("y1")) for e in root.iter(f"{SVG}line") if e.get("x1") != e.get("x2")]
    assert len(dark) == 1 and float(dark[0].get("y1")) < max(ys)


# Gaps, single values and no values


def test_a_missing_year_breaks_the_line_into_segments():
    root = parse(chart(Serie("Kvinnor", {2019: 1, 2020: 2, 2022: 3, 2023: 4, 2024: 5})))
    lines, markers = series_groups(root, stilar_for(["Kvinnor"])[0].colour)
    assert [len(p.get("points").split()) for p in lines] == [2, 3]
    assert len(markers) == 5


def test_a_year_the_axis_skips_is_not_a_gap():
    root = parse(chart(Serie("Kvinnor", {2015: 1, 2020: 2, 2021: 3}), ar=[2015, 2020, 2021]))
    lines, _ = series_groups(root, stilar_for(["Kvinnor"])[0].colour)
    assert [len(p.get("points").split()) for p in lines] == [3]


def test_a_single_value_is_a_marker_without_a_line():
    root = parse(chart(Serie("Män", {2021: 4}), Serie("Kvinnor", {2019: 1, 2021: 2, 2023: 3})))
    for namn in ("Män", "Kvinnor"):
        lines, markers = series_groups(root, stilar_for([namn])[0].colour)
        assert len(lines) == 0
        assert len(markers) >= 1
    assert "Män 4 % (2021)" in end_labels(root)


def test_missing_and_non_finite_values_are_gaps_not_errors():
    serie = Serie("Alla", {2019: 1, 2020: math.nan, 2021: math.inf, 2022: 4, 2023: 5, 1990: 9})
    root = parse(chart(serie))
    lines, markers = series_groups(root, stilar_for(["Alla"])[0].colour)
    assert [len(p.get("points").split()) for p in lines] == [2]
    assert len(markers) == 3  # 1990 is off the axis


@pytest.mark.parametrize(
    ("serier", "ar", "desc"),
    [
        ((), AR, "Linjediagram, 2019–2024. Inga värden."),
        (
            (Serie("Kvinnor", {}), Serie("Män", {1990: 3})),
            AR,
            "Linjediagram, 2019–2024. Inga värden.",
        ),
        ((KVINNOR,), [], "Linjediagram. Inga värden."),
    ],
)
def test_no_values_is_a_chart_that_says_so(serier, ar, desc):
    root = parse(chart(*serier, ar=ar))
    assert root.find(f"{SVG}desc").text == desc
    assert "Inga värden" in [t.text for t in root.iter(f"{SVG}text")]
    assert not list(root.iter(f"{SVG}polyline"))


def test_many_years_thin_the_labels_but_keep_the_first_and_last():
    ar = list(range(1995, 2025))
    root = parse(chart(Serie("Alla", {a: a % 7 for a in ar}), ar=ar))
    years = year_labels(root)
    assert years[0] == "1995" and years[-1] == "2024"
    assert 4 <= len(years) < 30
    xs = [
        float(t.get("x"))
        for g in root.iter(f"{SVG}g")
        if g.get("text-anchor") == "middle"
        for t in g
    ]
    # A four-digit year is about 29 px wide: labels keep a gap between them.
    assert all(b - a >= 35 for a, b in pairwise(xs))
    # Every year still has its tick mark.
    ticks = [e for e in root.iter(f"{SVG}line") if e.get("x1") == e.get("x2")]
    assert len(ticks) == 30


def test_a_dozen_years_are_all_labelled():
    ar = list(range(2013, 2025))
    assert year_labels(parse(chart(Serie("Alla", {a: 1 for a in ar}), ar=ar))) == [
        str(a) for a in ar
    ]


def test_more_than_a_dozen_years_are_thinned_even_where_they_would_fit():
    ar = list(range(2012, 2025))
    years = year_labels(parse(chart(Serie("Alla", {a: 1 for a in ar}), ar=ar)))
    assert years[0] == "2012" and years[-1] == "2024"
    assert len(years) < len(ar)
