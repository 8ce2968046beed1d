""" "Hela programmet" in the build: the pages it holds are kept as they are rendered and
sanitised (on_page_content), the page is filled in once all are (on_page_context), and
its PDF is rendered on another core (pdf_worker) from then on, while the templates
render, and written before the gate lists the tree and the leak scan reads it.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from styrdok.adapters import pdf, pdf_worker
from styrdok.adapters.sammanstallning import (
    INNEHALL_ID,
    Adresser,
    Grupp,
    Renderad,
    del_id,
    dokument,
    for_page,
    for_pdf,
)
from styrdok.core import addresses
from styrdok.core.withheld import names_withheld
from styrdok.select import Publication
from styrdok.views.hela_programmet import (
    GALLANDE,
    PDF_LANK_TEXT,
    TITEL,
    UTAN_TEXT,
    Innehall,
    om_listan,
)
from styrdok.views.urls import sidadress

UTSKRIFT_CSS = "stylesheets/utskrift.css"
ANVISNINGAR_ID = "grupp-anvisningar"


class Sammanstallning:
    sida = addresses.HELA_PROGRAMMET

    def __init__(
        self, innehall: Innehall, pub: Publication, config: MkDocsConfig, make_pdf: bool
    ) -> None:
        self.innehall = innehall
        self.pub = pub
        self.site_url = config.site_url or ""
        program = pub.program.titel if pub.program is not None else config.site_name
        # The document's title: the programme's and the audience's.
        self.titel = f"{program} · {pub.malgrupp_namn}"
        self.make_pdf = make_pdf
        # Shown where the PDF link would be when no PDF is made (the preview says why).
        self.utan_pdf = ""
        self.wanted = {d.sida for d in innehall.delar}
        self.rendered: dict[str, Renderad] = {}
        self.url = ""
        self.own = ""

    def keep(self, page: Page, html: str) -> None:
        """Keep a page's sanitised content if the document holds it (or is it)."""
        src = page.file.src_uri
        if src == self.sida:
            self.url, self.own = page.url, html
        elif src in self.wanted:
            # The theme's titles are Markup, escaped once (theme.page_meta); the document
            # takes the text and escapes it where it writes it, so "&" is not "&amp;amp;".
            title = page.title or src
            titel = title.unescape() if isinstance(title, Markup) else title
            self.rendered[src] = Renderad(page.url, titel, html)

    def _grupper(self) -> tuple[Grupp, ...]:
        def found(delar):
            return tuple(self.rendered[d.sida] for d in delar if d.sida in self.rendered)

        # Above the bound the anvisningar are a list (_lista), not parts.
        texter = self.innehall.anvisningar if self.innehall.med_texter else ()
        return (
            Grupp("Programmet", "grupp-programmet", found(self.innehall.program)),
            Grupp(GALLANDE, ANVISNINGAR_ID, found(texter)),
        )

    def _lista(self, adresser: Adresser) -> str:
        """Above the bound: every anvisning in force by title and facts, and why."""
        if self.innehall.med_texter:
            return ""
        items = "".join(
            f'<li><a href="{escape(adresser.link(sidadress(rad.sida)))}">{escape(rad.titel)}</a>'
            f" – {escape(rad.uppgifter)}</li>"
            for rad in self.innehall.lista
        )
        forteckning = escape(adresser.link(sidadress(addresses.FORTECKNING)))
        return (
            f'<h2 id="{ANVISNINGAR_ID}">{GALLANDE}</h2>'
            f'<p class="sd-hela-lista">{escape(om_listan(self.innehall))} '
            f'<a href="{forteckning}">Förteckningen över anvisningar</a> visar alla uppgifter '
            "om dem.</p>"
            f"<ol>{items}</ol>"
        )

    def _efter(self, adresser: Adresser) -> str:
        return self._lista(adresser) + self._utan_text(adresser)

    def _ovriga(self) -> tuple[tuple[str, str], ...]:
        """Sections after the parts that the table of contents links to."""
        return () if self.innehall.med_texter else ((GALLANDE, ANVISNINGAR_ID),)

    def _utan_text(self, adresser: Adresser) -> str:
        """The anvisningar in force whose version in force this audience may not read."""
        if not self.innehall.utan_text:
            return ""
        items = "".join(
            f'<li><a href="{escape(adresser.link(sidadress(sida)))}">{escape(titel)}</a></li>'
            for sida, titel in self.innehall.utan_text
        )
        return (
            f'<h2 id="grupp-utan-text">{UTAN_TEXT}</h2>'
            "<p>Den version som gäller publiceras inte här. Sidan visar vad som är känt om den.</p>"
            f"<ul>{items}</ul>"
        )

    def page_html(self) -> str:
        """The page's content: its own heading and line, the PDF link, the document."""
        grupper = self._grupper()
        page = for_page(self.url)
        link = self.utan_pdf
        if self.make_pdf:
            pdf_href = page.link(addresses.HELA_PROGRAMMET_PDF)
            link = f'<p><a href="{escape(pdf_href)}" download>{PDF_LANK_TEXT}</a></p>'

        def withheld(url: str) -> bool:
            return names_withheld(self.sida, url, self.pub.withholds)

        body = dokument(grupper, page, self._efter(page), withheld, self._ovriga())
        return f"{self.own}\n{link}\n{body}"

    def toc(self) -> TableOfContents:
        items = [AnchorLink("Innehåll", INNEHALL_ID, 2)]
        for grupp in self._grupper():
            if not grupp.delar:
                continue
            heading = AnchorLink(grupp.rubrik, grupp.id, 2)
            # Titles as HTML text: theme.safe_toc reads them as HTML.
            heading.children = [AnchorLink(escape(d.titel), del_id(d.url), 3) for d in grupp.delar]
            items.append(heading)
        items.extend(AnchorLink(rubrik, id, 2) for rubrik, id in self._ovriga())
        if self.innehall.utan_text:
            items.append(AnchorLink(UTAN_TEXT, "grupp-utan-text", 2))
        return TableOfContents(items)

    def write_pdf(self, site: Path) -> frozenset[str]:
        """Write the PDF below `site`; the files written (none when switched off)."""
        if not self.make_pdf:
            return frozenset()
        pdf.write(self._pdf_html(site), site, site / addresses.HELA_PROGRAMMET_PDF)
        return frozenset({addresses.HELA_PROGRAMMET_PDF})

    def start_pdf(self, site: Path) -> pdf_worker.Pending | None:
        """Begin rendering the PDF on another core (None when switched off); its
        `finish` writes it below `site`. The files it will write: `pdf_files`."""
        if not self.make_pdf:
            return None
        return pdf_worker.start(self._pdf_html(site), site, site / addresses.HELA_PROGRAMMET_PDF)

    def pdf_files(self) -> frozenset[str]:
        return frozenset({addresses.HELA_PROGRAMMET_PDF}) if self.make_pdf else frozenset()

    def _pdf_html(self, site: Path) -> str:
        # The site's print stylesheet (overrides/); a project without one gets none.
        stylesheet = site / UTSKRIFT_CSS
        css = stylesheet.read_text(encoding="utf-8") if stylesheet.is_file() else ""
        dag = escape(self.pub.dag.isoformat())
        head = (
            f"<h1>{escape(TITEL)}</h1>"
            f'<p class="sd-pdf-titel">{escape(self.titel)}</p>'
            f'<p class="sd-referensdatum">Uppgifterna gäller per <time datetime="{dag}">{dag}</time>. '
            f"Den aktuella versionen finns på {escape(self.site_url)}</p>"
        )
        # The same parts as the page, each link absolute: the file is read off the site.
        absolute = for_pdf(self.site_url)
        body = dokument(self._grupper(), absolute, self._efter(absolute), ovriga=self._ovriga())
        return pdf.standalone(f"{TITEL} – {self.titel}", css, head + body)
