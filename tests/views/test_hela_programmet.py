""" "Hela programmet": what it holds for each audience, and in which order."""

from __future__ import annotations

import yaml

from styrdok.core.sortering import svensk
from styrdok.views.hela_programmet import innehall
from styrdok.views.program_notice import PROGRAMSIDOR

from helpers import REPO, make_project, publication_of


def nav_pages(entry) -> list[str]:
    if isinstance(entry, str):
        return [entry]
    if isinstance(entry, dict):
        return [p for value in entry.values() for p in nav_pages(value)]
    return [p for item in entry for p in nav_pages(item)]


def test_the_programme_pages_are_in_the_navs_order():
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    (programmet,) = (e["Programmet"] for e in config["nav"] if "Programmet" in e)
    in_nav = [p for p in nav_pages(programmet) if p in PROGRAMSIDOR]
    assert in_nav == list(PROGRAMSIDOR)
    assert "hela-programmet.md" in nav_pages(programmet)


def test_every_anvisning_in_force_in_title_order_and_nothing_else(tmp_path):
    project = make_project(tmp_path / "projekt")
    for malgrupp in ("intranät", "publik"):
        pub = publication_of(project, malgrupp)
        held = innehall(pub)
        in_force = [a for a in pub.anvisningar if pub.giltighet(a).i_kraft]
        assert in_force, "the test project has anvisningar in force"
        titles = [
            pub.anvisning_for_sida(d.sida) or pub.version_for_sida(d.sida) for d in held.anvisningar
        ]
        assert all(t is not None for t in titles)
        keys = [(svensk(t.titel), t.id) for t in titles]
        assert keys == sorted(keys)
        listed = {d.sida for d in held.anvisningar} | {s for s, _ in held.utan_text}
        applying = {
            (pub.giltighet(a).gallande.anvisning.sida if pub.giltighet(a).gallande else a.sida)
            for a in in_force
        }
        assert listed == applying
        # Only pages this publication has.
        assert all(pub.sida(d.sida) is not None for d in held.program)
