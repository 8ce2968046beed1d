"""The Swedish wording of every rule, in one place.

Each rule has a short code (used in tests, `--format json` and the editor guide), a
severity, a message saying what is wrong and a hint saying what to do. Templates use
`str.format` fields; the checks supply the values. Below the rules: the wording that
fills some of their fields (why YAML cannot be read, what shape was expected), and how a
value is shown in a message (shortened, described, sized, with a suggestion).

The module is longer than the others because it is mostly one declarative table;
splitting it would scatter the wording among the checks again, which is what it avoids.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from styrdok.core.problems import Position, Problem, Severity


@dataclass(frozen=True)
class Rule:
    severity: Severity
    message: str
    hint: str | None = None


FEL = Severity.FEL
VARNING = Severity.VARNING

RULES: dict[str, Rule] = {
    # Reading files.
    "tom-fil": Rule(FEL, "filen är tom", "Skriv in uppgifterna, eller ta bort filen."),
    "binar-fil": Rule(
        FEL,
        "filen är inte en textfil (den innehåller binära data)",
        "Spara filen som vanlig text med teckenkodningen UTF-8.",
    ),
    "teckenkodning": Rule(
        FEL,
        "filen är inte sparad som UTF-8 (tecknet på kolumn {kolumn} går inte att läsa)",
        "Spara filen med teckenkodningen UTF-8.",
    ),
    "styrtecken": Rule(
        FEL,
        "texten innehåller ett osynligt styrtecken ({tecken})",
        "Ta bort tecknet, till exempel genom att skriva texten på nytt i stället för att klistra in den. Styrtecken syns inte men kan vända texten baklänges eller göra flödet med ändringar oläsbart.",
    ),
    "tabb": Rule(
        FEL,
        "tabbtecken i indraget",
        "Dra in med mellanslag – två per nivå – i stället för tabb.",
    ),
    "ogiltig-yaml": Rule(FEL, "YAML-koden går inte att läsa: {detalj}", "{rad}"),
    "kommentar-i-varde": Rule(
        VARNING,
        "texten efter # ('{bort}') räknas som en kommentar och kommer inte med i värdet",
        "I YAML inleder ett blanksteg följt av # en kommentar. Sätt hela värdet inom "
        'citattecken, så kommer allt med: "{citerat}"',
    ),
    "fel-modeline": Rule(
        VARNING,
        "raden yaml-language-server pekar på schemat '{skrivet}', som inte är rätt schema för filen",
        "VS Code kontrollerar då filen mot fel schema eller inget alls. Skriv raden så här: {rad}",
    ),
    "dubblett-nyckel": Rule(
        FEL,
        "fältet '{nyckel}' står två gånger (första gången på rad {forsta_rad})",
        "Ta bort det ena – annars gäller bara det sista.",
    ),
    "ogiltig-nyckel": Rule(
        FEL,
        "fältnamnet på den här raden är inte ett ord",
        "Skriv fältnamn som vanliga ord följda av kolon, t.ex. titel: …",
    ),
    # The YAML style the repository's .yamllint.yml enforces (core/rules/yaml_style.py).
    "yaml-stil": Rule(FEL, "{detalj}", "{tips}"),
    "yaml-cirkel": Rule(
        FEL,
        "YAML-ankaret hänvisar till sig självt",
        "Skriv ut värdet i stället för att använda & och *.",
    ),
    # Limits on what one file may cost to read (limits.MAX_*): a short file must not
    # stand for a huge one.
    "yaml-hanvisningar": Rule(
        FEL,
        "filen har fler än {max} YAML-hänvisningar (*namn); den här är en för mycket",
        "Skriv ut värdena i stället för att hänvisa till ett ankare (&namn) med *.",
    ),
    "yaml-expansion": Rule(
        FEL,
        "YAML-hänvisningarna (*namn) blir fler än {max} värden när de skrivs ut; "
        "den här går över gränsen",
        "Hänvisa inte till ankare (&namn) som själva innehåller hänvisningar – skriv ut värdena.",
    ),
    "yaml-djup": Rule(
        FEL,
        "värdena är nästlade i mer än {max} nivåer",
        "Inga uppgifter behöver så många nivåer: kontrollera indraget och att varje [ och {{ "
        "stängs, och hänvisa inte med * till ankare som i sin tur innehåller hänvisningar.",
    ),
    "for-stor-fil": Rule(
        FEL,
        "filen är {storlek}, men en källfil får vara högst {grans}",
        "Dela upp texten i flera anvisningar eller sidor, och lägg stora bilagor (bilder, "
        "PDF-filer, kalkylblad) i stadens dokumenthantering och länka till dem därifrån.",
    ),
    "frontmatter-saknas": Rule(
        FEL,
        "filen saknar front matter (uppgifterna mellan två rader med ---)",
        "Börja filen med en rad ---, sedan uppgifterna, sedan en rad --- och därefter texten.",
    ),
    "frontmatter-oavslutad": Rule(
        FEL,
        "front matter avslutas aldrig: raden --- som ska stänga den saknas",
        "Lägg till en rad med bara --- efter sista uppgiften.",
    ),
    "fel-struktur": Rule(FEL, "{vad} ska vara {forvantat}, men är {faktiskt}", "{rad}"),
    "schemafil": Rule(
        FEL,
        "schemat går inte att läsa: {detalj}",
        "Schemana hör till förrådet och ändras av utvecklare; återställ filen från main.",
    ),
    # Which files exist.
    "datafil-saknas": Rule(
        FEL,
        "datafilen saknas",
        "Filen behövs för att bygga webbplatsen; återställ den från main.",
    ),
    "okand-datafil": Rule(
        FEL,
        "okänd datafil '{namn}'",
        "Datafilerna heter {kanda}. Byt namn på filen eller flytta den.",
    ),
    "fel-filnamn": Rule(
        FEL,
        "filen '{namn}' i {mapp} har fel namn och läses inte",
        "Filerna i {mapp} ska heta {form}. Döp om filen eller flytta den.",
    ),
    # Against the schema.
    "saknat-falt": Rule(
        FEL, "fältet '{falt}' saknas", "Lägg till en rad '{falt}: …'. {beskrivning}"
    ),
    "okant-falt": Rule(FEL, "okänt fält '{falt}'", "{forslag}"),
    "fel-typ": Rule(FEL, "'{falt}' ska vara {forvantat}, men är {faktiskt}", "{rad}"),
    "ogiltigt-varde": Rule(FEL, "'{varde}' är inte ett tillåtet värde för '{falt}'", "{forslag}"),
    "tomt-varde": Rule(FEL, "'{falt}' saknar värde", "{forslag}"),
    "ogiltigt-datum": Rule(
        FEL,
        "'{varde}' i '{falt}' är inget giltigt datum",
        "Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. {exempel}.",
    ),
    "ogiltigt-format": Rule(FEL, "'{varde}' i '{falt}' har fel form", "{beskrivning}"),
    "for-fa": Rule(FEL, "'{falt}' är tom eller har för få värden", "{beskrivning}"),
    "for-lang": Rule(FEL, "'{falt}' är för lång (högst {max} tecken)", "Korta texten."),
    "dubblett-varde": Rule(
        FEL, "'{falt}' innehåller samma värde flera gånger", "Ta bort dubbletten."
    ),
    "for-manga": Rule(
        FEL,
        "'{falt}' har fler än {max} poster",
        "{beskrivning}",
    ),
    "utanfor-intervall": Rule(FEL, "'{falt}' har värdet {varde}, som är {hur}", "{beskrivning}"),
    "otillatet-falt": Rule(FEL, "fältet '{falt}' får inte finnas här", "{beskrivning}"),
    "schemafel": Rule(FEL, "'{falt}' är felaktigt: {detalj}", "{beskrivning}"),
    # Across files.
    "dubblett-id": Rule(
        FEL,
        "id '{id}' används redan av {vad} i {plats}",
        "Ge var och en ett eget id.",
    ),
    "reserverat-id": Rule(
        FEL,
        "id '{id}' är reserverat för en sida som webbplatsen skapar",
        "Välj ett annat id; {reserverade} är upptagna.",
    ),
    "id-filnamn": Rule(
        FEL,
        "id '{id}' stämmer inte med filnamnet '{filnamn}'",
        "Döp om filen till {id}.md eller ändra id, så att adressen till sidan blir stabil.",
    ),
    "version-filnamn": Rule(
        FEL,
        "en tidigare version med id '{id}' och version {version} ligger i '{filnamn}'",
        "En tidigare version sparas som docs/anvisningar/{id}/version-{version}.md. Skapa den med 'styrdok ny version {id}' i stället för att kopiera filen för hand.",
    ),
    "version-ej-aldre": Rule(
        FEL,
        "den sparade versionen {version} är inte äldre än anvisningen, som har version {aktuell}",
        "En sparad version ska vara en tidigare version. Rätta version här eller i {fil}.",
    ),
    "version-saknas": Rule(
        FEL,
        "version {saknas} av anvisningen saknas bland de sparade tidigare versionerna",
        "Alla versioner från den äldsta sparade ska finnas kvar, annars visar webbplatsen fel text för en del av tiden. Ta tillbaka filen docs/anvisningar/{id}/version-<n>.md ur versionshistoriken i Git.",
    ),
    "version-datumordning": Rule(
        FEL,
        "version {version} börjar gälla {datum}, men version {foregaende} började gälla {datum_foregaende}",
        "En ny version börjar gälla efter den förra. Rätta giltig_fran.",
    ),
    "platshallare-historik": Rule(
        FEL,
        "historiken har kvar exempeltexten från styrdok ny version i stället för vad som ändras i version {version}",
        "Skriv med egna ord vad som är nytt i version {version}, t.ex. 'Nya rutiner för rapportering.' Exempeltexten skulle annars publiceras i anvisningens versionshistorik.",
    ),
    "platshallare-anvisning": Rule(
        FEL,
        "{falt} har kvar exempeltexten från styrdok ny anvisning, men anvisningen har status {status}",
        "Skriv anvisningens egen text i stället för exempeltexten ('Skriv …', 'Beskriv …', "
        "'Ange …'), eller sätt status: utkast tills texten är klar. Exempeltexten skulle "
        "annars publiceras som stadens anvisning.",
    ),
    "platshallare-utkast": Rule(
        VARNING,
        "{falt} har kvar exempeltexten från styrdok ny anvisning",
        "Skriv anvisningens egen text i stället för exempeltexten ('Skriv …', 'Beskriv …', "
        "'Ange …') innan anvisningen beslutas: med en annan status än utkast är det ett fel.",
    ),
    "version-upphavd": Rule(
        FEL,
        "en tidigare version har upphavd_datum",
        "Ett upphävande gäller hela anvisningen: ta bort upphavd_datum här och skriv det i {fil}.",
    ),
    "ar-filnamn": Rule(
        FEL,
        "ar: {varde} stämmer inte med filnamnet '{filnamn}'",
        "Varje år har en egen fil som heter som året: döp om filen till {varde}.yml eller rätta ar.",
    ),
    "for-manga-filer": Rule(
        FEL,
        "{mapp} har fler än {max} filer; {namn} läses inte",
        "Varje fil blir en sida eller ett diagram på webbplatsen. Slå ihop eller ta bort filer så att högst {max} finns kvar.",
    ),
    "indikator-filnamn": Rule(
        FEL,
        "id '{varde}' stämmer inte med filnamnet '{filnamn}'",
        "Varje indikator har en egen fil som heter som dess id: döp om filen till {varde}.yml eller rätta id.",
    ),
    "okant-program": Rule(FEL, "okänt program '{id}'", "{forslag}"),
    "okant-malomrade": Rule(FEL, "okänt målområde '{id}'", "{forslag}"),
    "okant-fokusomrade": Rule(FEL, "okänt fokusområde '{id}'", "{forslag}"),
    "okant-organ": Rule(FEL, "okänt organ '{id}'", "{forslag}"),
    "okand-anvisning": Rule(FEL, "okänd anvisning '{id}'", "{forslag}"),
    "okand-forfattning": Rule(
        FEL,
        "okänd författning '{id}'",
        "{forslag} Saknas författningen i data/forfattningar.yml, lägg till den där: en post "
        "med id, namn och sfs (SFS-numret inom citattecken), och skriv dess id här. En "
        "EU-förordning har inget SFS-nummer: hänvisa till den svenska lag som kompletterar "
        "den (för dataskyddsförordningen dataskyddslagen, SFS 2018:218).",
    ),
    # Integrity of the whole.
    "ersatt-men-gallande": Rule(
        FEL,
        "{vad} '{id}' har ersatts av '{av}' men har fortfarande status {status}",
        "Sätt status: {ny_status} i '{id}', eller ta bort '{id}' ur ersatter i '{av}'.",
    ),
    "ersattningscykel": Rule(
        FEL,
        "ersatter bildar en cirkel: {cirkel}",
        "Ett dokument kan inte ersätta ett som i sin tur ersätter det; ta bort en av hänvisningarna.",
    ),
    "revision-passerad": Rule(
        VARNING,
        "revideras_senast ({datum}) har passerat",
        "Se över anvisningen och sätt ett nytt datum, eller sätt status: under revidering.",
    ),
    "datumordning": Rule(VARNING, "{forsta} ({datum1}) är senare än {andra} ({datum2})", "{rad}"),
    "skyddsvard-men-oppen": Rule(
        FEL,
        "anvisningen rör säkerhetsskydd eller sekretess ({skal}) men har atkomst: öppen",
        "Sätt atkomst: skyddad (eller intern om innehållet får spridas inom staden) – en öppen anvisning publiceras även på stadens webbplats.",
    ),
    "historik-ordning": Rule(
        VARNING,
        "historiken är inte i datumordning: {datum} kommer efter {foregaende}",
        "Skriv posterna äldst först.",
    ),
    "version-utan-historik": Rule(
        FEL,
        "anvisningen har version {version}, men historiken har ingen post för den (den senaste är för version {senaste})",
        "Lägg till en post sist i historik: med datum, version: {version} och vad som ändrades, så att läsarna ser vad som är nytt. Skapa nästa version med 'styrdok ny version <id>', så skrivs posten åt dig.",
    ),
    "forenlighet-och-brister": Rule(
        FEL,
        "tillgänglighetsredogörelsen säger {forenlighet} men listar {brister}",
        "Helt förenlig får bara stå när inga brister finns kvar; delvis eller inte förenlig ska beskriva bristerna under brister:, med vad, vilket WCAG-kriterium och varför.",
    ),
    "datum-i-framtiden": Rule(
        FEL,
        "{falt} har datumet {datum}, som ligger i framtiden",
        "Ett beslut eller en händelse i historiken har redan skett. Rätta datumet (ÅÅÅÅ-MM-DD) – är år eller månad felskrivna?",
    ),
    "rubrik-niva-1": Rule(
        FEL,
        "texten har en rubrik på nivå 1 ({hur})",
        "Sidan har redan anvisningens titel som enda rubrik på nivå 1. Skriv rubriker i texten med två # eller fler, t.ex. ## Syfte.",
    ),
    "historik-version": Rule(
        FEL,
        "historiken nämner version {version}, men anvisningen har version {aktuell}",
        "Höj version till {version}, eller rätta versionen i historiken.",
    ),
    "flera-karnor": Rule(
        FEL,
        "flera målområden i programmet '{program}' är markerade som kärnan",
        "Sätt karna: true på ett enda målområde.",
    ),
    "fel-program": Rule(
        FEL,
        "målområdet '{malomrade}' hör till programmet '{annat}', inte till '{program}'",
        "Ett fokusområde kan bara ha bäring på målområden i sitt eget program.",
    ),
    "flera-gallande-program": Rule(
        FEL,
        "flera program med egna målområden eller fokusområden har status gällande: {program}",
        "Webbplatsen visar ett programs målområden och fokusområden. Sätt status: utgått och ersatt_av på det som har ersatts.",
    ),
    "programperiod-slut": Rule(
        VARNING,
        "programmet '{id}' har status gällande, men dess period {period} har löpt ut ({datum})",
        "Webbplatsen visar att perioden har löpt ut. Ta reda på vad som gäller: har programmet ersatts, sätt status: utgått och ersatt_av med id för programmet som ersatte det (och lägg till det programmet); har kommunfullmäktige förlängt programmet, ändra period.till till det nya sista året.",
    ),
    "fast-sida": Rule(
        FEL,
        "sidan '{sida}' måste ha atkomst: öppen",
        "Webbplatsen länkar till den från varje sida, också på den publika webbplatsen. Flytta det som är internt till en egen sida med atkomst: intern.",
    ),
    "inget-gallande-program": Rule(
        VARNING,
        "inget program har status gällande",
        "Webbplatsen visar då programmet som målområdena och fokusområdena hör till, med en markering om att det inte gäller.",
    ),
    # Reporting (data/uppfoljning/<år>.yml): one report a year from every body the
    # programme applies to.
    "rapport-saknas": Rule(
        FEL,
        "{namn} ({id}) saknas bland rapporterna för {ar}",
        "Programmet gäller alla nämnder och bolagsstyrelser, så varje år har en post per organ. Lägg till '- organ: {id}' under rapporter:, med inlamnad: false tills rapporten har kommit in.",
    ),
    "rapport-dubblett": Rule(
        FEL,
        "{namn} ({id}) står redan bland rapporterna för {ar}, på rad {rad}",
        "Ett organ har en enda post per år; slå ihop posterna.",
    ),
    "rapport-fel-organ": Rule(
        FEL,
        "{namn} ({id}) lämnar ingen risk- och lägesbild: programmet gäller inte organ av typen {typ}",
        "Bara kommunstyrelsen, nämnderna och bolagsstyrelserna lämnar risk- och lägesbilder. Ta bort posten, eller ange organet som rapporten kommer från.",
    ),
    "rapport-utanfor-ar": Rule(
        FEL,
        "{namn} lämnar risk- och lägesbild {ar_text} (data/organ.yml) och ska inte stå i filen för {ar}",
        "Ta bort posten, eller rätta rapporterar_fran och rapporterar_till för organet i data/organ.yml.",
    ),
    "rapporterar-ordning": Rule(
        FEL,
        "{namn} slutar rapportera {till}, före första året {fran}",
        "rapporterar_till är det sista året organet lämnar risk- och lägesbild och kan inte komma före rapporterar_fran. Rätta något av åren.",
    ),
    # External identifiers of organ (data/organ.yml).
    "organisationsnummer-personnummer": Rule(
        FEL,
        "organisationsnumret för {namn} har formen av ett personnummer (den tredje siffran är 0 eller 1)",
        "Ett organisationsnummer för en juridisk person har alltid 2 eller mer som tredje siffra. Ett personnummer är en personuppgift och får inte publiceras: skriv av organets nummer från Bolagsverket, eller ta bort fältet.",
    ),
    "organisationsnummer-kontrollsiffra": Rule(
        FEL,
        "organisationsnumret {varde} för {namn} har fel kontrollsiffra (den sista siffran skulle vara {vantad})",
        "Skriv av numret på nytt från Bolagsverket eller organets egna handlingar: ett nummer med fel kontrollsiffra tillhör ingen, och andra system som läser det skulle koppla organet fel.",
    ),
    "sista-dag-utanfor": Rule(
        FEL,
        "sista_dag {sista_dag} ligger inte under {ar} eller {nasta}",
        "Sista dagen för årets risk- och lägesbild ligger under året eller året efter, t.ex. {nasta}-02-28. Rätta datumet.",
    ),
    "inlamnad-fore-aret": Rule(
        FEL,
        "rapporten från {namn} lämnades in {datum}, före året {ar} som den gäller",
        "Rätta inlamnad_datum: dagen då rapporten kom in, ÅÅÅÅ-MM-DD.",
    ),
    "platshallare-kvar": Rule(
        FEL,
        "rapporten från {namn} har kvar exempeltexten från styrdok ny lagesbild i {falt}",
        "Skriv vad rapporten faktiskt säger, eller ta bort risken. Exempeltexten skulle annars publiceras som organets rapport.",
    ),
    "sen-rapport": Rule(
        FEL,
        "rapporten från {namn} lämnades in {datum}, efter sista dagen {sista_dag}, men har ingen notering",
        "Skriv i notering: varför rapporten kom in sent (t.ex. att organet fick anstånd), eller rätta inlamnad_datum.",
    ),
    "rapport-ej-inlamnad": Rule(
        VARNING,
        "{namn} ({id}) har inte lämnat in sin risk- och lägesbild för {ar}; sista dagen var {sista_dag}",
        "Påminn organet. När rapporten har kommit in: sätt inlamnad: true och inlamnad_datum.",
    ),
    "skyddsvard-rapport-oppen": Rule(
        FEL,
        "rapporten från {namn} tar upp risker inom {skal} men har atkomst: öppen",
        "Sätt atkomst: skyddad (eller intern om innehållet får spridas inom staden) – en öppen rapport får publiceras även på stadens webbplats.",
    ),
    "indikator-ar-dubblett": Rule(
        FEL,
        "indikatorn {namn} har två värden för {ar} (också på rad {rad})",
        "Ett år står bara en gång: slå ihop värdena eller rätta året.",
    ),
    "indikator-over-100": Rule(
        FEL,
        "indikatorn {namn} har värdet {varde} för {vem} {ar}, men enheten är procent",
        "En andel i procent är 0–100. Rätta värdet, eller sätt enhet: antal om det är ett antal.",
    ),
    "skyddsvard-indikator-oppen": Rule(
        FEL,
        "indikatorn {namn} följer {skal} men har atkomst: öppen",
        "Sätt atkomst: intern – en öppen indikator publiceras även på stadens webbplats.",
    ),
    # Files below docs/: only pages and declared attachments are published.
    "symbolisk-lank": Rule(
        FEL,
        "'{namn}' är en symbolisk länk; sådana följs inte och får inte finnas i docs/ eller data/",
        "Lägg själva filen här i stället för en länk till den, eller ta bort länken.",
    ),
    "fel-filandelse": Rule(
        FEL,
        "'{namn}' har filändelsen '{andelse}'; sidor och anvisningar ska sluta på .md (små bokstäver)",
        "Döp om filen så att namnet slutar på .md.",
    ),
    "ogiltigt-filnamn": Rule(
        FEL,
        "sidans filnamn '{namn}' får bara innehålla små bokstäver a–z, siffror, - och _",
        "Namnet blir sidans adress. Döp om filen, t.ex. till om-programmet.md.",
    ),
    "sida-i-bilagemapp": Rule(
        FEL,
        "sidan '{namn}' ligger i en mapp för en anvisnings bilagor",
        "I docs/anvisningar/<id>/ får bara anvisningens bilagor och dess sparade tidigare versioner ligga. En tidigare version heter version-<n>.md, med versionsnumret utan inledande nollor, och skapas med 'styrdok ny version <id>'. Gör annars sidan till en egen anvisning, eller flytta den till docs/.",
    ),
    "i-api-mappen": Rule(
        FEL,
        "'{namn}' ligger i API:ts mapp {mapp}",
        "Allt i {mapp} skapar bygget, och andra system läser det som API:t: en sida eller fil där skulle se ut som en del av det. Flytta den till en annan mapp i docs/, och skriv om länkarna till den.",
    ),
    "samma-adress": Rule(
        FEL,
        "'{namn}' och '{annan}' får samma adress på webbplatsen",
        "Ta bort eller döp om den ena sidan.",
    ),
    "okand-fil": Rule(
        FEL,
        "filen '{namn}' hör inte till någon sida eller anvisning och publiceras inte",
        "Ange den under bilagor: i front matter på det dokument den hör till, eller ta bort den.",
    ),
    "bilaga-saknas": Rule(
        FEL,
        "bilagan '{namn}' finns inte",
        "Lägg filen på docs/{sokvag} eller rätta namnet under bilagor:.",
    ),
    "bilaga-fel-mapp": Rule(
        FEL,
        "bilagan '{namn}' ligger inte i dokumentets egen mapp",
        "Lägg filen i docs/{mapp}/ och skriv den som '{ratt}' under bilagor (och i länken), så att adressen inte nämner ett annat dokument.",
    ),
    "bilaga-dubblett": Rule(
        FEL,
        "bilagan '{namn}' anges redan av {annan}",
        "En bilaga hör till ett enda dokument och får dess åtkomst; ta bort den ur det ena.",
    ),
    "for-stor-bilaga": Rule(
        FEL,
        "bilagan '{namn}' är {storlek}, men en bilaga får vara högst {grans}",
        "Lägg stora filer i stadens dokumenthantering och länka till dem därifrån.",
    ),
    "bilaga-odeklarerad": Rule(
        FEL,
        "texten länkar till filen '{namn}', som inte står under bilagor: i front matter",
        "Lägg till '{forslag}' under bilagor:, så publiceras filen med dokumentet och får dess åtkomst.",
    ),
    # Links inside the site: the build refuses a link to a page or an avsnitt it does not
    # have (core/rules/links.py judges them as the build will, for both audiences).
    "lank-saknas": Rule(
        FEL,
        "länken '{lank}' går till {sida}, som inte finns på webbplatsen",
        "{forslag}Skriv adressen till en sida relativt den här filen, med .md, t.ex. [Krisledning](krisledning-och-stabsarbete.md) från en annan anvisning.",
    ),
    "lank-absolut": Rule(
        FEL,
        "länken '{lank}' börjar med / och går inte att följa på alla webbplatser",
        "Skriv adressen relativt den här filen, med .md: {forslag}",
    ),
    "lank-i-html": Rule(
        FEL,
        "länken '{lank}' står i HTML och leder ingenstans på webbplatsen: bara länkar i Markdown får sidans adress när webbplatsen byggs",
        "Skriv länken i Markdown: {forslag}.",
    ),
    "ankare-saknas": Rule(
        FEL,
        "länken '{lank}' går till avsnittet '#{ankare}', som inte finns på {sida}",
        "{forslag}Ett avsnitts namn bildas av dess rubrik: små bokstäver, å/ä blir a och ö blir o, mellanslag blir bindestreck (## Så här gör ni → #sa-har-gor-ni).",
    ),
    "ankare-okontrollerat": Rule(
        FEL,
        "länken '{lank}' går till avsnittet '#{ankare}' på {sida}, vars avsnitt styrdok skapar när webbplatsen byggs och som ändras med innehållet",
        "Länka till sidan utan #{ankare}: ett sådant avsnitt kan försvinna när någon ändrar en annan fil, och då stoppas bygget.",
    ),
    "ankare-skyddad": Rule(
        FEL,
        "länken '{lank}' går till ett avsnitt i den skyddade anvisningen {sida}, vars text inte publiceras",
        "Länka till anvisningen utan #{ankare}: på intranätet visas bara dess uppgifter, inte texten.",
    ),
    "lank-bara-intranat": Rule(
        FEL,
        "länken '{lank}' går till {sida}, som bara finns på intranätet, men den här texten publiceras också på den publika webbplatsen",
        "Ta bort länken, eller länka till anvisningens egen sida (som blir oklickbar text där den inte publiceras).",
    ),
    "lank-ej-publicerad": Rule(
        VARNING,
        "länken '{lank}' går till {sida}, som är {atkomst}: på den publika webbplatsen blir länken vanlig text märkt 'ej publicerad'",
        "Det är rätt om läsare utanför staden inte ska se sidan. Vill du att alla ska kunna följa länken måste sidan vara öppen.",
    ),
    # A page listed under makrosidor in mkdocs.yml, rendered as the build renders it
    # (adapters/macro_check.py).
    "makrosida": Rule(
        FEL,
        "{detalj}",
        "Sidan är en makrosida: bara anrop som {{{{ forteckning() }}}} eller "
        '{{{{ organ_lista("stadsdelsnamnd") }}}} får stå mellan {{{{ och }}}}. Se '
        "README.md (macros) för vilka makron som finns och vad de tar, eller ta bort anropet.",
    ),
    # What the leak scan after the build would refuse (forbidden/sources.py), said first.
    "lacka": Rule(
        FEL,
        "{texten} publiceras på {webbplats} men innehåller {vad}{citat}, som inte får synas där",
        "Annars stoppar läckkontrollen bygget. Ta bort det eller skriv om det med egna ord. Det som är internt får bara stå i det som publiceras på intranätet, och det som är skyddat får inte stå i något som publiceras; ska båda texterna kunna visas för samma läsare måste atkomst vara densamma.",
    ),
    # An attachment the leak scan cannot read through (forbidden/attachments.py).
    "bilaga-olasbar": Rule(
        FEL,
        "bilagan publiceras på {webbplats}, men läckkontrollen kan inte läsa igenom den: {orsak}",
        "Annars stoppar läckkontrollen bygget, eftersom ingen kan se vad filen innehåller. Spara filen på nytt utan lösenord eller kryptering (en PDF till exempel med Skriv ut > Spara som PDF) och kontrollera att den går att öppna; packa inte filer i varandra.",
    ),
    # Editor text is data: what would become code is refused with the reason.
    "otillaten-html": Rule(
        FEL,
        "HTML-elementet <{element}> är inte tillåtet i texten",
        "{varfor} Skriv texten i Markdown; för tabeller, listor och rubriker behövs ingen HTML.",
    ),
    "otillatet-attribut": Rule(
        FEL,
        "attributet '{attribut}' på <{element}> är inte tillåtet i texten",
        "{varfor}",
    ),
    "otillaten-lank": Rule(
        FEL,
        "länken '{adress}' använder '{schema}:', som inte är tillåtet",
        "Länka med https:, mailto: eller tel:, eller till en sida eller bilaga med en relativ sökväg.",
    ),
    "extern-bild": Rule(
        FEL,
        "bilden '{adress}' hämtas från en annan webbplats",
        "Den webbplatsen får då veta vem som läser sidan och kan byta ut bilden. Lägg bilden under bilagor: och visa den med en relativ sökväg.",
    ),
    "otillaten-attributlista": Rule(
        FEL,
        "attributlistan '{lista}' sätter '{attribut}', som inte är tillåtet",
        "I {{ … }} efter en rubrik, länk eller bild får bara #id, .klass och title stå.",
    ),
    "inkludering": Rule(
        FEL,
        "raden '--8<--' försöker hämta in en annan fil i texten, vilket inte är tillåtet",
        "Skriv texten här, eller länka till sidan med [text](sida.md).",
    ),
    "html-kommentar": Rule(
        VARNING,
        "HTML-kommentaren <!-- … --> tas bort vid publiceringen, men finns kvar i källan",
        "Källan kan läsas av alla som har tillgång till förrådet: skriv aldrig något där som inte får publiceras.",
    ),
}


# Fields editors write on the wrong kind of document, by kind and field (as `as_id`
# writes it): why it is not there and what to write instead. A "menade du" would send
# them the wrong way (ersatt_av -> ersatter on the old anvisning makes a cycle).
MISPLACED_FIELDS: dict[tuple[str, str], str] = {
    (kind, field): (
        "En anvisning skriver inte vad som har ersatt den: det står i den nya. Skriv "
        "ersatter: med den här anvisningens id i den nya anvisningen, och sätt här "
        "status: upphävd och upphavd_datum: dagen då den nya började gälla (ÅÅÅÅ-MM-DD)."
    )
    for kind in ("anvisning", "anvisningsversion")
    for field in ("ersatt-av", "ersatts-av", "ersattav", "ersatt")
}


def problem(code: str, path: str, position: Position, **values: object) -> Problem:
    rule = RULES[code]
    message = rule.message.format(**values)
    hint = rule.hint.format(**values) if rule.hint else None
    return Problem(
        code=code,
        severity=rule.severity,
        path=path,
        position=position,
        message=message,
        hint=hint or None,
    )


# Why YAML cannot be read, for "ogiltig-yaml": the detail ({detalj}) and the advice
# ({rad}) for each reason the loader gives, with the values it supplies.
YAML_HINT = (
    "Kontrollera indraget (två mellanslag per nivå), att kolon följs av ett mellanslag "
    "och att text som innehåller : eller # står inom citattecken."
)
UNREADABLE_YAML: dict[str, tuple[str, str]] = {
    "parser": ("{detalj}", YAML_HINT),  # the parser's message, in Swedish if known
    "okant-syntaxfel": ("syntaxfel ({engelska})", YAML_HINT),
    "tecken": ("tecknet {tecken} är inte tillåtet i YAML", YAML_HINT),
    "blanksteg": (
        "ett blanksteg saknas efter kolonet",
        "Skriv ett blanksteg efter kolonet: {rad}",
    ),
    "tagg": (
        "taggen '{tagg}' är inte tillåten",
        "Ta bort taggen (det som börjar med !) och skriv bara värdet.",
    ),
    "varde": ("värdet '{varde}' går inte att läsa ({orsak})", "Sätt värdet inom citattecken."),
    "inget-tal": (
        "värdet '{varde}' är inget vanligt tal",
        "Skriv ett tal med siffror, t.ex. 2 eller 0.5.",
    ),
    "fil": ("{detalj}", ""),  # the operating system's message: the file cannot be opened
}

# Parser messages (English, from PyYAML) and what they mean for an editor.
YAML_PARSER_MESSAGES: list[tuple[str, str]] = [
    (
        "cannot start any token",
        "ett tecken som inte får inleda ett värde – sätt värdet inom citattecken",
    ),
    (
        "mapping values are not allowed",
        "ett kolon på fel ställe – saknas ett mellanslag efter kolon, eller behöver texten citattecken?",
    ),
    ("could not find expected ':'", "ett kolon saknas efter fältnamnet"),
    ("did not find expected '-' indicator", "en rad i listan är felaktigt indragen"),
    ("did not find expected key", "indraget stämmer inte med raderna ovanför"),
    ("expected <block end>", "indraget stämmer inte med raderna ovanför"),
    ("expected a single document", "filen innehåller flera YAML-dokument (mer än en rad ---)"),
    ("found undefined alias", "hänvisningen med * går till ett ankare (&) som inte finns"),
    (
        "found unexpected end of stream",
        "texten tar slut mitt i ett värde – stängs alla citattecken och parenteser?",
    ),
    ("found unknown escape character", "ett okänt tecken efter \\ inom citattecken"),
    ("while parsing a flow", "en [ eller { stängs aldrig"),
    (
        "while scanning a quoted scalar",
        "citattecknet som börjar här stängs aldrig (ett likadant citattecken ska avsluta värdet)",
    ),
    ("while scanning a simple key", "ett kolon saknas efter fältnamnet"),
    (
        "while scanning an alias",
        "ett * som inte följs av ett ankarnamn – sätt värdet inom citattecken",
    ),
    (
        "while scanning an anchor",
        "ett & som inte följs av ett ankarnamn – sätt värdet inom citattecken",
    ),
    ("while scanning a directive", "en rad som börjar med % – sätt värdet inom citattecken"),
    ("while scanning a block scalar", "ett flerradigt värde (| eller >) är felaktigt skrivet"),
]

# What "fel-struktur" expects of the YAML in a data file and in a page's front matter.
SHAPES: dict[str, dict[str, str]] = {
    "datafil": {
        "vad": "filen",
        "forvantat": "en lista med poster som var och en börjar med '- '",
        "rad": "Se de andra datafilerna för hur en post ser ut.",
    },
    "datapost": {
        "vad": "filen",
        "forvantat": "fält med värden, en per rad (namn: värde)",
        "rad": "Se de andra filerna i samma mapp för hur en fil ser ut.",
    },
    "enkel datafil": {
        "vad": "filen",
        "forvantat": "fält med värden, en per rad (namn: värde)",
        "rad": "Filen beskriver en enda sak: skriv fälten utan '- ' framför.",
    },
    "front matter": {
        "vad": "front matter",
        "forvantat": "fält med värden, en per rad (namn: värde)",
        "rad": "Skriv t.ex. titel: Min anvisning på en egen rad.",
    },
}


# yamllint's rule id -> (what is wrong, what to do), for "yaml-stil". yamllint's own
# description is kept in the message only where it carries the numbers (indentation).
YAML_STYLE: dict[str, tuple[str, str]] = {
    "trailing-spaces": (
        "mellanslag i slutet av raden",
        "Ta bort mellanslagen efter sista tecknet på raden.",
    ),
    "indentation": (
        "fel indrag ({detalj})",
        "Dra in med två mellanslag per nivå, och lika mycket på alla rader på samma nivå.",
    ),
    "truthy": (
        "sanningsvärdet ska skrivas true eller false",
        "Skriv true eller false (inte yes, no, on, off eller True). Menar du en text, sätt den inom citattecken.",
    ),
    "comments": (
        "kommentaren är inte skriven som de andra",
        "Skriv ett mellanslag efter # och minst ett mellanslag före # när kommentaren står efter ett värde.",
    ),
    "comments-indentation": (
        "kommentaren är inte indragen som raderna runt den",
        "Dra in kommentaren lika mycket som raden under den.",
    ),
    "empty-lines": (
        "för många tomma rader",
        "Lämna högst två tomma rader i rad, och inga tomma rader först eller sist i filen.",
    ),
    "new-line-at-end-of-file": (
        "sista raden slutar inte med radbrytning",
        "Tryck Enter efter sista raden och spara.",
    ),
    "new-lines": (
        "raderna slutar med fel sorts radbrytning",
        "Spara filen med radbrytningar av typen LF (i VS Code: klicka på CRLF längst ned till höger och välj LF).",
    ),
    "hyphens": (
        "för många mellanslag efter bindestrecket",
        "Skriv ett mellanslag efter - i en lista.",
    ),
    "colons": (
        "fel antal mellanslag vid kolon",
        "Skriv inget mellanslag före kolon och ett mellanslag efter: namn: värde.",
    ),
    "commas": (
        "fel antal mellanslag vid kommatecken",
        "Skriv inget mellanslag före kommatecken och ett efter: [a, b].",
    ),
    "brackets": (
        "fel antal mellanslag innanför hakparenteserna",
        "Skriv listan utan mellanslag innanför hakparenteserna: [a, b].",
    ),
    "braces": (
        "fel antal mellanslag innanför klammerparenteserna",
        "Skriv utan mellanslag innanför klammerparenteserna: {a: 1}.",
    ),
    "key-duplicates": (
        "fältet står två gånger",
        "Ta bort det ena – annars gäller bara det sista.",
    ),
    "anchors": (
        "YAML-hänvisningen (*namn) går inte att följa",
        "Skriv ut värdet i stället för att använda & och *.",
    ),
    "document-start": (
        "filen börjar inte som de andra",
        "Ta bort eller lägg till raden --- överst, som i de andra datafilerna.",
    ),
    "document-end": (
        "filen slutar inte som de andra",
        "Ta bort raden ... i slutet av filen.",
    ),
    "empty-values": (
        "ett fält saknar värde",
        "Skriv ett värde efter kolon, eller ta bort fältet.",
    ),
    "float-values": (
        "decimaltalet är inte skrivet som de andra",
        "Skriv decimaltal med siffror på båda sidor om punkten, t.ex. 0.5.",
    ),
    "octal-values": (
        "talet kan läsas som ett oktalt tal",
        "Sätt värdet inom citattecken, eller ta bort nollan först.",
    ),
    "quoted-strings": (
        "texten är inte citerad som de andra",
        "Skriv texten med samma sorts citattecken som i resten av filen.",
    ),
    "key-ordering": (
        "fälten står inte i bokstavsordning",
        "Sortera fälten i bokstavsordning.",
    ),
    "line-length": (
        "raden är för lång",
        "Dela upp texten på flera rader (med > eller |).",
    ),
}
_INDENTATION_NUMBERS = re.compile(r"expected (\d+) but found (\d+)")


def yaml_style(path: str, position: Position, rule: str, description: str) -> Problem:
    """A "yaml-stil" problem for one of yamllint's findings, in Swedish."""
    message, hint = YAML_STYLE.get(rule, ("YAML-koden är inte skriven enligt husets stil", ""))
    detail = ""
    numbers = _INDENTATION_NUMBERS.search(description)
    if numbers:
        detail = f"{numbers.group(2)} mellanslag, här ska det vara {numbers.group(1)}"
    elif rule == "indentation":
        detail = "indraget är inte som på raderna runt omkring"
    if rule not in YAML_STYLE:
        hint = f"yamllint säger: {description} ({rule})."
    return problem("yaml-stil", path, position, detalj=message.format(detalj=detail), tips=hint)


def unreadable_yaml(path: str, position: Position, reason: str, **values: object) -> Problem:
    """An "ogiltig-yaml" problem for one of the reasons in UNREADABLE_YAML."""
    detail, hint = UNREADABLE_YAML[reason]
    return problem(
        "ogiltig-yaml", path, position, detalj=detail.format(**values), rad=hint.format(**values)
    )


# How much of a value an editor sees in a message: enough to recognise it.
MAX_SHOWN = 60


def shorten(text: str, limit: int = MAX_SHOWN) -> str:
    """`text` on one line and at most `limit` characters, ending in … if cut."""
    # Only the start is looked at, so a megabyte of text costs no more than a word.
    head = text[: limit + 1]
    if "\n" in head or "\r" in head:
        head = " ".join(head.splitlines())
    if len(text) <= limit and len(head) <= limit:
        return head
    return head[: limit - 1].rstrip() + "…"


def number_text(count: int) -> str:
    """A whole number as Swedish writes it: 100 000."""
    return f"{count:,}".replace(",", " ")


def size_text(count: int) -> str:
    """Bytes as an editor reads them: exact, with megabytes when it is that big."""
    exact = number_text(count) + " byte"
    if count < 1024 * 1024:
        return exact
    return f"{exact} ({count / (1024 * 1024):.1f} MB)".replace(".", ",")


def describe(value: Any, written: str | None = None) -> str:
    """How a value's type reads in Swedish, for messages; `written` is the text in the file.

    Lists and mappings are named, never written out, and text is shortened: a message
    must not grow with the value (an alias can make a short file stand for a huge one).
    """
    if written is not None:
        written = shorten(written)
    if value is None:
        return "tomt"
    if isinstance(value, bool):
        return f"ett sanningsvärde ({written or ('true' if value else 'false')})"
    if isinstance(value, int):
        return f"ett heltal ({written or shorten(str(value))})"
    if isinstance(value, float):
        return f"ett decimaltal ({written or shorten(str(value))})"
    if isinstance(value, str):
        return f"en text ('{shorten(value)}')"
    if isinstance(value, list):
        return "en lista"
    if isinstance(value, dict):
        return "fält med värden"
    return type(value).__name__


def show(value: Any) -> str:
    """A value as written in a message, at most MAX_SHOWN characters.

    Lists and mappings are encoded piece by piece and the encoding stops at the limit,
    so a value that aliases made huge costs no more than a short one.
    """
    if isinstance(value, str):
        return shorten(value)
    encoder = json.JSONEncoder(ensure_ascii=False, default=str)
    text = ""
    # iterencode yields small pieces as it walks the value (not in one shot).
    for piece in encoder.iterencode(value):
        text += piece
        if len(text) > MAX_SHOWN:
            break
    return shorten(text)


# How an editor may write an id that is meant as one: å and ä are a, ö is o, é is e.
_ID_LETTERS = str.maketrans({"å": "a", "ä": "a", "ö": "o", "ø": "o", "æ": "ae"})
# Blanks, _ and - between words, however many: one - in the id.
_ID_SEPARATORS = re.compile(r"[\s_-]+")


def id_letters(text: str) -> str:
    """`text` in the letters of an id: lowercase, å and ä as a, ö as o, and other letters
    without their accents (é as e, ü as u); what has no such letter is dropped. The one
    rule for ids made from titles (`styrdok ny anvisning`) and for guessing what a name
    written as an id meant ('Socialnämnden')."""
    folded = text.lower().translate(_ID_LETTERS)
    return unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode("ascii")


def as_id(text: str) -> str:
    """`text` as the id it most likely means: in id letters, blanks and _ as -."""
    return _ID_SEPARATORS.sub("-", id_letters(text.strip()))


def _edits(a: str, b: str) -> int:
    """The number of single-letter slips (missing, extra, wrong or swapped) from a to b."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]


def _slips_allowed(text: str) -> int:
    """How many slips a typo of `text` may have: about one per five letters, at most three.

    More than that and the closest choice is another word, not the one meant
    (dataskyddsforordningen is not a misspelt sakerhetsskyddsforordningen)."""
    return 1 if len(text) <= 5 else 2 if len(text) <= 12 else 3


def closest(value: str, choices: Iterable[str]) -> str | None:
    """The choice `value` is plausibly a typo of, or None.

    Both are compared as ids (Socialnämnden and socialnamnden are the same), a typo keeps
    the first letter, and it is only a few slips away for its length."""
    wanted = as_id(value)[:200]
    best: tuple[int, str] | None = None
    for choice in choices:
        written = as_id(choice)
        if not wanted or not written or wanted[0] != written[0]:
            continue
        if abs(len(wanted) - len(written)) > _slips_allowed(wanted):
            continue
        slips = _edits(wanted, written)
        if slips <= _slips_allowed(wanted) and (best is None or slips < best[0]):
            best = (slips, choice)
    return best[1] if best else None


def id_hint(value: str, choices: Iterable[str] | None, where: str = "") -> str:
    """What to write for `value`, which is not in the form of an id.

    `choices` are the ids a reference may name, found in `where` (None: the value is an
    entry's own id).
    No example of some other kind's id: the editor's own value, written as an id, is the
    example."""
    rule = (
        "Ett id skrivs med små bokstäver a–z, siffror och bindestreck: å och ä blir a, "
        "ö blir o, mellanslag och _ blir -"
    )
    meant = as_id(value)
    if choices is None:
        return (
            f"{rule}, t.ex. '{shorten(meant)}'. Ändra aldrig ett id som har publicerats – "
            "adresser och andra system bygger på det."
        )
    choices = list(choices)
    close = closest(value, choices)
    if close:
        return f"Menade du '{close}'? {rule}."
    return f"{rule}. Se {where} för de id som finns."


def suggest(value: str, choices: Iterable[str], label: str) -> str:
    """A hint for a value not among `choices`: the one it is plausibly a typo of, and all
    if they are few. No suggestion rather than one that sends the editor elsewhere."""
    choices = list(choices)
    if not choices:
        return ""
    close = closest(value, choices)
    listed = f"{label}: {', '.join(choices)}." if len(choices) <= 12 else ""
    if close:
        return f"Menade du '{close}'? {listed}".strip()
    return listed
