# pyramid's own words in Dutch: screens, tables and reports.
# Everything about the model itself (questions, stages, advice) is in the bank.

back = ← Terug naar de vorige vraag
keys-hint = ↑/↓ kiezen · Enter of een cijfertoets bevestigen · Esc of q stoppen
quit-confirm = Stoppen met de zelftest? Je antwoorden tot nu toe blijven bewaard.
keep-going = Nee, verder met de test
quit = Ja, stoppen
quit-done = Zelftest gestopt.
interrupted = Onderbroken.
stopped = Gestopt.
resume = Verder waar ik gebleven was
start-over = Opnieuw beginnen
nothing-to-resume = Geen onafgemaakte zelftest gevonden; er start een nieuwe.
result = Resultaat
score = Score
stage = Fase
overall = Totaal
not-enough = te weinig antwoorden
why = Waarom deze fase
focus = Focus
next-steps = Volgende stappen
you-are-here = ◀ hier staan jullie
question = Vraag
question-columns = Vraag (antwoorden: sleutel · niveau · tekst)
respondent = Respondent
before = Voor
target = Doel
moves = Eerst te verbeteren antwoorden
after = Na
change = Verschil
moved = Antwoorden die veranderden
mean = Gem.
min = Min
max = Max
spread = Spreiding
team-stage = Teamfase
distribution = Verdeling over de fasen
disagreement = Waar het team het minst eens is
cell-legend = Elke cel: score · fase.
no-stage = Te weinig antwoorden om een fase te bepalen.
trend = Verloop

## Zinnen met getallen en namen.

intro = { $count } vragen, ongeveer { $minutes ->
    [one] 1 minuut
   *[other] { $minutes } minuten
}.
dont-know-count = { $count }× weet ik niet
saved-to = Antwoorden bewaard in { $path }
team-of = Team van { $count ->
    [one] 1 respondent
   *[other] { $count } respondenten
}
how-to-continue = { $count ->
    [0] Er is nog niets beantwoord.
    [one] Je eerste antwoord is bewaard; ga verder met: pyramid test --resume
   *[other] Je { $count } antwoorden tot nu toe zijn bewaard; ga verder met: pyramid test --resume
}
resume-question = Er is een onafgemaakte zelftest gevonden ({ $answered } van { $total } beantwoord).
progress-unusable = Let op: de bewaarde voortgang in { $path } is onbruikbaar ({ $reason }); er start een nieuwe test.
progress-kept-aside = Let op: de bewaarde voortgang is onbruikbaar ({ $reason }); die staat nu in { $kept }. Er start een nieuwe test.
answers-dropped = Let op: { $count ->
    [one] 1 bewaard antwoord past niet meer bij de vragen en wordt opnieuw gevraagd
   *[other] { $count } bewaarde antwoorden passen niet meer bij de vragen en worden opnieuw gevraagd
}; het oude bestand staat in { $kept }.
progress-locked = er loopt al een zelftest met deze vragen, die zijn antwoorden bewaart in { $path }; maak die eerst af (of sluit hem), zodat geen van beide antwoorden verliest
progress-not-saved = Let op: de voortgang kan niet bewaard worden ({ $reason }); bij een onderbreking gaan de antwoorden verloren.
# De prompt van de zelftest regel voor regel; hij eindigt op een spatie.
plain-choice = Typ 1–{ $count } en Enter; q stopt:{ " " }
plain-choice-back = Typ 1–{ $count } en Enter; b gaat terug, q stopt:{ " " }

## Hoe een model zijn pijlers noemt ($term: pillar of dimension), en de
## zinnen die een resultaat uitleggen ($p: één pijlerwoord, $ps: meer).

pillar-one = { $term ->
    [dimension] dimensie
   *[pillar] pijler
}
pillar-many = { $term ->
    [dimension] dimensies
   *[pillar] pijlers
}
pillar-title = { $term ->
    [dimension] Dimensie
   *[pillar] Pijler
}
advice-per = Advies per { $p }
balanced = De { $ps } zijn in balans: de balansregel verlaagt de fase niet.
explain-score = De totaalscore is { $score }: het gemiddelde van de { $p }scores ({ $parts }). Daarmee halen jullie fase { $stage } ({ $name }), die begint bij { $min }.
explain-top-rule = De hoogste fase vraagt elke { $p } op minstens fase { $required }; { $behind } { $count ->
    [one] zit
   *[other] zitten
} daaronder, dus wordt het fase { $stage }.
explain-weakest-rule = De totaalfase ligt hooguit { $above } boven de zwakste { $p }; { $weakest } zit in fase { $weakest-stage } en houdt het resultaat tegen, dus wordt het fase { $stage }.
explain-unscored = { $pillar } heeft te weinig antwoorden ({ $answered } beantwoord, { $dont-know }× weet ik niet; minstens { $needed } nodig) en telt niet mee in de totaalscore.

## Teamoverzichten, modellen en doelen.

and = en
team-heading = { $team }: fase { $stage }/{ $stages }, { $name } (score { $score })
model-line = { $title } · { $stages } fasen, { $pillars } { $ps }, { $questions } vragen · { $languages } ({ $file })
bank-valid = { $file }: geldig: { $questions } vragen, { $pillars } { $ps }, { $stages } fasen; te lezen woorden: { $words } (budget { $budget })
fix = oplossing
# One stage in the team's distribution: its level and name, how many, what share.
distribution-line = { $stage }: { $count } ({ $share }%)
disagreement-line = { $pillar }: spreiding { $spread }; kopgroep van { $front } met gemiddeld { $front-mean }, peloton van { $peloton } met gemiddeld { $peloton-mean } (verschil { $gap })
stage-stays = De totaalfase blijft { $new }.
stage-moves = De totaalfase gaat van { $old } naar { $new }.
focus-stays = De focus{ $p } blijft { $new }.
focus-moves = De focus{ $p } verschuift van { $old } naar { $new }.
target-now = score { $score }, fase { $stage }
target-reached = { $pillar }: { $now }; doel fase { $level } ({ $name }) gehaald
target-short = { $pillar }: { $now }; { $points ->
    [one] 1 punt
   *[other] { $points } punten
} onder fase { $level } ({ $name }, vanaf { $from })
answer-level = "{ $label }" (niveau { $level })
no-answer = geen antwoord
target-move = { $question }: nu { $now } → { $key } { $to }

## Talen. $lang en $shown zijn namen van talen (language-name).

# A label in front of a line: error, warning, note, fix.
# An error and what caused it.
because = { $outer }: { $inner }
labelled = { $label }: { $text }
note = opmerking
warning = waarschuwing
language-name = { $code ->
    [nl] het Nederlands
    [en] het Engels
    [fr] het Frans
    [de] het Duits
   *[other] „{ $code }”
}
interface-in-english = pyramid heeft geen eigen woorden in { $lang } en toont die in het Engels; de vragen en adviezen zijn in { $lang }.
model-lacks-language = { $model } heeft geen teksten in { $lang }; de vragen en adviezen staan in { $shown }.
language-unavailable = { $lang } is niet beschikbaar: pyramid toont zijn eigen woorden in het Engels, de teksten van { $model } in { $shown }.

## Antwoorden lezen. $place is een bestand en regel; $valid de keuzes.

column = kolom { $column }
# An answer that is a list or mapping instead of one value.
not-a-single-answer = (een lijst of mapping)
bad-answer = { $place }: { $question }: "{ $value }" is geen antwoord op deze vraag; geldig: { $valid }
missing-answers = { $place }: { $respondent } heeft geen antwoord op { $questions }; vul { $count ->
    [one] het
   *[other] ze
} in, of scoor wat er is met --allow-incomplete
problems-nothing-written = { $count ->
    [one] 1 probleem
   *[other] { $count } problemen
} in de antwoorden; er is niets geschreven:
skipped-respondents = { $respondents ->
    [one] 1 respondent
   *[other] { $respondents } respondenten
} overgeslagen met { $count ->
    [one] 1 probleem
   *[other] { $count } problemen
}:
and-more-problems = … en nog { $count ->
    [one] 1 probleem
   *[other] { $count } problemen
}
and-more = … en nog { $count }
more = en nog { $count }
fix-the-answers = Verbeter de antwoorden, of scoor de geldige respondenten met --skip-invalid (en respondenten met ontbrekende antwoorden met --allow-incomplete).
answered-twice = { $count ->
    [one] 1 respondent heeft
   *[other] { $count } respondenten hebben
} twee keer geantwoord; de latere antwoorden tellen (--keep-duplicates houdt ze allebei):
answered-twice-at = { $name }: { $earlier } en { $later }
ignored-columns = { $file }: genegeerde kolommen: { $columns }
no-column-for = { $file }: geen kolom voor { $questions } (--map KOLOM=VRAAG zegt welke kolom er een is)

## Fouten. $file is een bestand zoals opgegeven; $reason de woorden van het systeem.

error = fout
cannot-read = kan { $file } niet lezen: { $kind ->
    [not-found] dat bestand bestaat niet; kijk de naam en de map na
    [permission-denied] je mag dat bestand niet lezen; vraag leesrechten of kopieer het naar een eigen map
   *[other] { $reason }
}
is-a-directory = { $file } is een map; geef het pad van een bestand
document-over-limit = { $file } is { $size } MiB, boven de grens van { $limit } MiB voor een YAML- of JSON-bestand; kijk na of het het juiste bestand is
document-grew-over-limit = { $file } is groter dan de grens van { $limit } MiB voor een YAML- of JSON-bestand; kijk na of het het juiste bestand is
document-not-utf8 = { $file }:{ $line }: het bestand is geen UTF-8-tekst (foute byte op positie { $offset }); bewaar het als UTF-8
answers-over-limit = { $file } is groter dan de grens van { $limit } MiB voor een antwoordbestand
answers-not-utf8 = { $file }:{ $line }: het bestand is geen UTF-8-tekst; bewaar het als UTF-8
folder-without-answers = de map { $folder } bevat geen antwoordbestanden; pyramid leest .yaml, .yml, .json, .csv, .tsv, .txt, .xlsx, .xls en .ods
answer-file-empty = { $file }: het bestand is leeg; een antwoordbestand heeft `respondent`, `bank` en `answers`
answer-file-nested = { $place }: geen antwoordbestand: het is meer dan { $limit } niveaus diep genest
answers-for-another-bank = { $file }: deze antwoorden horen bij de vragenbank `{ $named }`, niet bij `{ $bank }`; scoor ze met --model { $named } (een meegeleverd model) of --bank BESTAND
unknown-question = { $place }: `{ $id }` is geen vraag van de vragenbank `{ $bank }`; de vragen heten: { $known }
cannot-write = kan { $file } niet schrijven
cannot-write-stdout = kan niet naar de standaarduitvoer schrijven
spool-failed = kan de rijen niet naar een tijdelijk bestand in { $folder } schrijven: { $reason }; zet { $variable } op een map met ruimte ervoor
input-changed = de invoer veranderde tijdens het lezen: de eerste keer { $first } gescoord, de tweede keer { $second }; scoor opnieuw zodra ze niet meer verandert
cannot-create-in = kan { $file } niet schrijven: kan geen bestand maken in { $folder }
write-over-input = kan { $file } niet schrijven: het is ook een invoer ({ $input }), die het schrijven zou vernietigen; kies een ander uitvoerbestand
write-to-folder = kan { $file } niet schrijven: het is een map; geef het pad van een bestand
write-read-only = kan { $file } niet schrijven: het bestand is alleen-lezen; maak het schrijfbaar of kies een ander bestand
io-reason = { $kind ->
    [not-found] dat bestand of die map bestaat niet
    [permission-denied] daar heb je geen toestemming voor
    [storage-full] de schijf is vol; maak ruimte en probeer opnieuw
    [read-only] het bestandssysteem is alleen-lezen
   *[other] { $reason }
}
sqlite-reason = { $kind ->
    [read-only] deze gebruiker kan het bestand of de map niet beschrijven; kijk de rechten na, of kies een ander bestand met --db
    [locked] een ander programma houdt het bestand vergrendeld; wacht even, of sluit dat programma
    [full] de schijf is vol, of de limiet (--max-db-size) is bereikt; maak ruimte en probeer opnieuw
   *[not-a-database] het bestand is geen gave SQLite-database; zet een back-up terug
}
reading-stdin = antwoorden worden gelezen van standaardinvoer (een antwoordbestand of een enquête-export); sluit af met { $end }, of noem bestanden: pyramid score BESTAND…
did-you-mean = { $file }: de kolom { $header } noemt geen vraag; bedoel je { $question } ("{ $text }")? Noem de kolom { $question }, of tel ze als die vraag met --map { $map }
map-unused = --map { $map }: geen van de gelezen tabellen heeft een kolom { $column }; de kop moet zijn zoals in het bestand (hoofdletters en spaties buiten beschouwing)
partial-skipped = { $file }: { $count ->
    [one] 1 antwoord dat de export als onafgewerkt markeert (Finished = False, of geen verzenddatum) is overgeslagen
   *[other] { $count } antwoorden die de export als onafgewerkt markeert (Finished = False, of geen verzenddatum) zijn overgeslagen
}
man-written = { $count ->
    [one] 1 handleidingspagina geschreven naar { $folder }
   *[other] { $count } handleidingspagina's geschreven naar { $folder }
}
same-file = { $file } is hetzelfde bestand als { $first }; het wordt één keer gelezen
cannot-read-folder = kan de map { $folder } niet lezen
cannot-read-file = kan { $file } niet lezen
csv-not-utf8 = regel { $line }: de tekst is geen UTF-8, hoewel het bestand als UTF-8 begon; bewaar het als UTF-8
csv-quote-never-closed = regel { $line }: hier opent een aanhalingsteken (") een cel die nooit gesloten wordt, zodat de rest van het bestand die ene cel zou zijn; sluit de cel met een tweede aanhalingsteken, of haal het aanhalingsteken weg
csv-error = { $line ->
    [0] { $reason }
   *[other] regel { $line }: { $reason }
}
cannot-create-folder = kan de map { $folder } niet maken
cannot-remove = kan { $file } niet verwijderen
csv-one-table = CSV bevat één tabel: gebruik --summary of --rows, niet allebei, of een ander --format
no-answers = geen enkele respondent kon gescoord worden: de invoer bevat geen antwoorden
all-skipped = geen enkele respondent kon gescoord worden: { $count ->
    [one] de enige respondent is
   *[other] alle { $count } respondenten zijn
} overgeslagen wegens de problemen hierboven; verhelp ze en scoor opnieuw
report-too-many-previous = { $count } eerdere metingen met --previous; een rapport neemt er hoogstens { $max }: laat de oudste weg
report-previous-without-path = --previous heeft ook de huidige meting nodig: pyramid report PAD --previous OUDER --output BESTAND
report-no-history = er staat geen zelftest met dit model in je geschiedenis om over te rapporteren: doe de zelftest (pyramid), of noem een meting: pyramid report PAD --output BESTAND
compare-one-with-one = { $file } bevat { $count ->
    [one] 1 respondent
   *[other] { $count } respondenten
}; vergelijk één respondent met één, of teams met --summary
not-a-terminal = de zelftest stelt zijn vragen in een terminal, maar de standaardinvoer of de standaardfoutuitvoer is er geen.
    Om antwoorden zonder terminal te scoren, schrijf je ze in een antwoordbestand (zie `pyramid questions` voor de ids en sleutels) en scoor je dat met `pyramid score BESTAND`.
save-folder-missing = kan de antwoorden niet bewaren in { $file }: de map { $folder } bestaat niet
save-over-progress = --save { $file } is het bestand waarin de zelftest zijn voortgang bewaart en dat aan het einde verdwijnt; kies een ander bestand
target-not-a-pair = --target { $spec }: `{ $value }` is niet NAAM=FASE; schrijf bijvoorbeeld stage=3 of traffic=3
target-not-a-stage = --target { $spec }: `{ $value }` is geen fase: gebruik een getal van 1 tot { $top }
target-stage-twice = --target { $spec }: `stage` staat er twee keer; noem het één keer
target-pillar-twice = --target { $spec }: `{ $value }` staat er twee keer; geef elke pijler één doelfase
target-unknown-pillar = --target { $spec }: `{ $value }` is geen pijler; gebruik stage of een van: { $known }
target-no-stage = --target { $spec }: het doel noemt geen fase; schrijf bijvoorbeeld stage=3
survey-empty = { $file }: het bestand is leeg; een enquête-export heeft een kopregel en een regel per respondent
no-question-columns = { $file }: geen enkele kolom is een vraag van de vragenbank `{ $bank }`. De kop van een vraagkolom is de id van de vraag (zoals `{ $example }`) of de volledige vraagtekst in een van de talen van de vragenbank ({ $languages }); `pyramid questions` toont ze. Gevonden koppen: { $count ->
    [0] geen
   *[other] { $found }
}
survey-no-respondents = { $file }: de tabel heeft een kopregel maar geen respondenten; exporteer opnieuw zodra er antwoorden zijn
question-twice = { $file }: de kolommen { $first } en { $second } bevatten allebei de vraag `{ $question }`; verwijder er één
question-twice-mapped = { $file }: de kolommen { $first } en { $second } bevatten allebei de vraag `{ $question }` (kolom { $mapped } via --map { $map }); pas --map aan, of verwijder een van de kolommen
not-a-scores-document = { $place }: geen scoredocument: { $reason }
scores-document-newer = { $file }: een scoredocument van versie { $version }, geschreven door een nieuwere pyramid; deze leest versie { $known }: werk pyramid bij, of scoor de antwoorden opnieuw
scores-for-another-bank = { $file }: deze scores horen bij de vragenbank `{ $named }`, niet bij `{ $bank }`
score-out-of-range = { $file }: de score van pijler `{ $pillar }` is geen geheel getal van 0 tot 100
no-score-for-pillar = { $file }: geen score voor pijler `{ $pillar }`
scores-document-empty = { $file }: een scoredocument heeft `respondents` of `summary`
spreadsheet-cannot-open = { $file }: kan het rekenblad niet openen
spreadsheet-too-many-parts = { $file }: het rekenblad heeft { $count } onderdelen, boven de grens van { $limit }; het is geen enquête-export
spreadsheet-no-sheets = { $file }: het rekenblad heeft geen bladen
spreadsheet-missing-part = { $file }: kan het rekenblad niet openen: het onderdeel { $part } ontbreekt
sheet-cannot-read = { $file }: kan het eerste blad niet lezen
sheet-too-many-cells = { $file }: het blad heeft meer dan { $limit } cellen (een miljoen respondenten met twintig antwoorden); splits het, of exporteer het als CSV
part-cannot-read = { $file }: kan het onderdeel { $part } niet lezen
part-cannot-unpack = { $file }: kan het onderdeel { $part } niet uitpakken
part-not-xml = { $file }: het onderdeel { $part } is geen geldige XML: { $reason }
part-too-big = { $file }: het onderdeel { $part } is uitgepakt { $size } MiB, boven de grens van { $limit } MiB; het is geen enquête-export
part-unpacks-over = { $file }: het onderdeel { $part } is uitgepakt meer dan { $limit } MiB (de grootte in het zipbestand klopt niet)
part-cell-too-long = { $file }: het onderdeel { $part } bevat een cel of tag van meer dan { $limit } MiB; het is geen enquête-export
part-declaration = { $file }: het onderdeel { $part } bevat een DOCTYPE, commentaar of CDATA, wat rekenbladprogramma's niet schrijven
cell-too-big = { $file }: een cel is groter dan { $limit } MiB; het is geen enquête-export
cell-beyond-last-column = { $place }: een cel ligt voorbij de laatste kolom (XFD); het is geen enquête-export
table-in-table = { $file }: een tabel in een tabel; het is geen enquête-export
shared-strings-too-big = { $file }: de gedeelde teksten van het rekenblad zijn groter dan { $limit } MiB; het is geen enquête-export
missing-shared-string = { $place }: een cel verwijst naar gedeelde tekst { $raw }, die het rekenblad niet heeft
no-such-model = er is geen meegeleverd model `{ $name }`; de modellen zijn: { $models } (zie `pyramid models`), of laad een bestand met --bank BESTAND

## Vragenbanken, voor wie ze schrijft. Elk bericht zegt wat er mis is; zijn
## .fix hoe je het oplost. $language is de naam van een taal, $code de code.

bank-invalid = { $file } is geen geldige vragenbank ({ $count ->
    [one] 1 probleem
   *[other] { $count } problemen
}):
bank-text-too-long = de tekst is { $length } tekens lang, boven de grens van { $limit }
    .fix = maak hem korter: een vraag, antwoord of advies lees je in enkele seconden
bank-text-control-character = de tekst bevat het stuurteken { $character }, dat uitgeschreven wordt getoond
    .fix = verwijder het: een terminal zou het opvatten als opdracht om de cursor te verplaatsen, de kleur te wijzigen of tekst om te keren
bank-text-other-language = `{ $code }` is geen van de talen van de vragenbank ({ $languages }), dus deze tekst wordt nooit getoond
    .fix = voeg `{ $code }` toe aan `languages:`, of verwijder de tekst
bank-text-missing-declared = de tekst in { $language } ontbreekt
    .fix = voeg `{ $code }:` toe met de tekst in { $language }: de talen van de vragenbank zijn { $languages }
bank-text-missing = de tekst ontbreekt
    .fix = voeg de tekst toe in elke taal: { $languages }
bank-text-missing-one = de tekst in { $language } ontbreekt; er wordt een andere taal getoond
    .fix = voeg `{ $code }:` toe met de tekst in { $language }
bank-bad-id = { $what ->
    [bank] de id van de vragenbank
    [question] de vraag-id
    [option] de antwoordsleutel
    [phase] de fase-id
   *[pillar] de pijler-id
} `{ $id }` is geen korte ASCII-id
    .fix = gebruik 1 tot { $limit } kleine letters, cijfers, `-` of `_`, beginnend met een letter of cijfer
bank-id-twice = { $what ->
    [question] de vraag-id
    [option] de antwoordsleutel
    [phase] de fase-id
   *[pillar] de pijler-id
} `{ $id }` komt twee keer voor
    .fix = geef elke { $what ->
        [question] vraag
        [option] antwoordmogelijkheid
        [phase] fase
       *[pillar] pijler
    } een eigen id
bank-language-twice = `{ $code }` staat er twee keer
    .fix = noem elke taal één keer
bank-min-answers-zero = min_answers_per_pillar is 0
    .fix = zet het op 1 of meer: een pijler heeft minstens één echt antwoord nodig om gescoord te worden
bank-no-such-stage = fase { $level } bestaat niet
    .fix = gebruik een fase van 1 tot { $count }
bank-stage-count = de vragenbank heeft { $count } fasen
    .fix = geef { $min } tot { $max } fasen, de laagste eerst
bank-first-stage = de laagste fase begint bij { $min }
    .fix = zet min_score van de eerste fase op 0, zodat elke score een fase heeft
bank-thresholds-rise = min_score { $min } ligt niet boven die van de vorige fase ({ $before })
    .fix = de drempels moeten van fase tot fase stijgen
bank-threshold-over = min_score { $min } ligt boven 100
    .fix = scores lopen van 0 tot 100
bank-pillar-count = de vragenbank heeft { $count } pijlers
    .fix = geef 1 tot { $max } pijlers
bank-pillar-few-questions = pijler `{ $pillar }` heeft { $count ->
    [one] 1 vraag
   *[other] { $count } vragen
}, minder dan min_answers_per_pillar ({ $needed })
    .fix = voeg vragen toe voor deze pijler of verlaag rules.min_answers_per_pillar
bank-no-advice = pijler `{ $pillar }` heeft geen advies voor fase { $level }; daar wordt niets getoond
    .fix = voeg een advies toe met `stage: { $level }`
bank-advice-twice = pijler `{ $pillar }` heeft twee adviezen voor fase { $level }
    .fix = houd één advies per fase
bank-steps-count = { $count } volgende stappen gegeven
    .fix = geef 1 tot 5 concrete volgende stappen (2 of 3 lezen het best)
bank-unknown-phase = fase `{ $phase }` staat niet in de cyclus
    .fix = gebruik de id van een fase onder `cycle:`, of laat `phase` weg
bank-no-questions = de vragenbank heeft geen vragen
    .fix = voeg vragen toe onder `questions:`
bank-unknown-pillar = pijler `{ $pillar }` bestaat niet
    .fix = gebruik een van: { $known }
bank-weight = gewicht { $weight } valt buiten het bereik
    .fix = gebruik een geheel getal van 1 tot { $max }, of laat `weight` weg voor 1
bank-few-options = vraag `{ $question }` heeft { $count } antwoordmogelijkheden
    .fix = geef er minstens 2
bank-many-options = vraag `{ $question }` heeft { $count } antwoordmogelijkheden, meer dan de grens van { $limit }
    .fix = verdeel ze over vragen met minder antwoordmogelijkheden
bank-same-label = twee antwoorden van `{ $question }` hebben dezelfde tekst in { $language }
    .fix = geef elk antwoord een eigen tekst, zodat antwoorden als tekst ondubbelzinnig zijn
bank-reserved-key = `{ $key }` is voorbehouden aan "weet ik niet"
    .fix = kies een andere sleutel; zet `dont_know: true` op de vraag om dat antwoord toe te laten
bank-level-not-a-stage = niveau { $level } is geen fase
    .fix = gebruik een niveau van 1 tot { $count }
bank-scale-end = geen antwoord van `{ $question }` heeft niveau { $level }
    .fix = de antwoorden moeten beide uiteinden van de schaal halen: niveau 1 en niveau { $count }
bank-stage-unreached = geen antwoord heeft niveau { $level }, dus geen enkel antwoord wijst naar deze fase
    .fix = geef enkele vragen een antwoord op dit niveau, of voeg de fase samen met een buur
bank-over-budget = { $words } woorden te lezen in { $language }, meer dan het budget van vijf minuten ({ $budget })
    .fix = maak vraagteksten en antwoorden korter, of stel minder vragen
bank-long-label = de tekst in { $language } is { $length } tekens lang
    .fix = houd antwoorden op hoogstens { $max } tekens, zodat elk antwoord op één regel van een terminal van 80 kolommen past
bank-empty = het bestand is leeg
    .fix = een vragenbank heeft id, title, dont_know, rules, stages, pillars en questions; zie `pyramid questions --format yaml` voor de ingebouwde
bank-nested = meer dan { $limit } niveaus diep genest
    .fix = een vragenbank is enkele niveaus diep; kijk na of dit het juiste bestand is
bank-looks-like-answers = { $reason }
    .fix = dit lijkt een antwoordbestand: scoor het met `pyramid score BESTAND`
bank-unknown-field = { $reason }
    .fix = verwijder dit veld of geef het een andere naam: het bericht noemt de velden van een vragenbank
bank-duplicate-key = { $reason }
    .fix = een sleutel mag één keer voorkomen: verwijder of hernoem er een van de twee
bank-yaml-syntax = { $reason }
    .fix = herstel hier de YAML-syntaxis: kijk de inspringing na, en zet een tekst met `: ` of die begint met een bijzonder teken (`[`, `{"{"}`, `*`, `&`, `#`) tussen aanhalingstekens
bank-field-shape = { $reason }
    .fix = kijk de spelling en inspringing van dit veld na tegen het formaat van een vragenbank (de README, "The question bank", beschrijft elk veld)
not-an-answer-file = { $place }: geen antwoordbestand: { $reason }; { $looks ->
    [bank] dit lijkt een vragenbank: gebruik het met --bank BESTAND
   *[other] een antwoordbestand heeft `respondent`, `bank` en `answers: {"{"}id: sleutel{"}"}`
}
new-bank-pillars = geef 1 tot { $max } pijlers, gescheiden door komma's: --pillars mensen,processen,middelen
new-bank-pillar-twice = pijler `{ $pillar }` staat er twee keer
progress-bank-changed = de vragen of antwoordmogelijkheden zijn veranderd sinds deze antwoorden bewaard zijn
progress-answers-unmatched = { $count ->
    [one] 1 antwoord past
   *[other] { $count } antwoorden passen
} bij geen enkele mogelijkheid
csv-record-too-long = { $line ->
    [0] {""}
   *[other] regel { $line }: {""}
}een regel of cel is groter dan { $limit } MiB: geen enquête-export (een cel bevat misschien een heel bestand, of een aanhalingsteken wordt nooit gesloten)

## Campagnes en hun database.

campaign-created = Campagne "{ $name }" aangemaakt ({ $model }); de link voor de respondenten is { $link } op de server. Database: { $db }
campaign-closed = Campagne "{ $name }" is gesloten: de link bewaart geen antwoorden meer.
campaign-erased = Campagne "{ $name }" is gewist, met alle antwoorden erin.
history-kept = bewaard in je geschiedenis als zelftest { $number }: `pyramid history` toont ze, `pyramid compare` vergelijkt de laatste twee
history-not-kept = het resultaat kon niet in je geschiedenis bewaard worden ({ $reason })
history-too-short = { $count ->
    [0] er staat nog geen zelftest in je geschiedenis
    [one] er staat maar één zelftest in je geschiedenis
   *[other] er staan { $count } zelftests in je geschiedenis
}: vergelijken vraagt er twee; doe de zelftest (pyramid) opnieuw, of noem twee metingen: pyramid compare OUD NIEUW
self-test-unknown = er is geen zelftest { $number } in de geschiedenis ({ $count ->
    [one] er is er 1 bewaard
   *[other] er zijn er { $count } bewaard
}); pyramid history toont ze
self-test-for-another-bank = zelftest { $number } is gedaan met { $model }, niet met { $bank }; kies dat model met --model { $model }
history-none = Nog geen zelftest bewaard: doe er een met `pyramid`.
history-column-number = #
history-column-date = Datum (UTC)
history-column-respondent = Respondent
campaign-backed-up = { $db } gekopieerd naar { $file }: elke campagne zoals ze op dit moment was (een server mag intussen blijven draaien).
campaign-imported = { $count ->
    [one] 1 respondent in "{ $name }" gezet, klaar.
   *[other] { $count } respondenten in "{ $name }" gezet, klaar.
}
campaign-exported = { $count ->
    [one] 1 antwoordbestand van "{ $name }" geschreven
   *[other] { $count } antwoordbestanden van "{ $name }" geschreven
} naar { $folder }{ $unfinished ->
    [0] .
    [one] ; 1 respondent die niet klaar is, is weggelaten.
   *[other] ; { $unfinished } respondenten die niet klaar zijn, zijn weggelaten.
}
export-folder-not-empty = { $folder } is geen lege map; kies een nieuwe of lege map, zodat de antwoordbestanden niet met andere vermengd raken
respondent-erased = { $count ->
    [one] De antwoorden van { $respondent } zijn
   *[other] De antwoorden van { $count } respondenten met de naam { $respondent } zijn
} gewist uit campagne "{ $name }".
campaign-none = Nog geen campagnes; maak er een met: pyramid campaign new NAAM
campaign-column-name = Campagne
campaign-column-model = Model
campaign-links = Links voor de respondenten (op de server):
campaign-column-finished = Klaar
campaign-column-unfinished = Onafgewerkt
campaign-column-status = Status
campaign-status = { $status ->
    [closed] gesloten
   *[open] open
}
campaign-exists = er is al een campagne met de naam "{ $name }"; kies een andere naam, of wis de oude met: pyramid campaign erase "{ $name }"
campaign-unknown = er is geen campagne met de naam "{ $name }"; { $count ->
    [0] de database bevat er nog geen
   *[other] de campagnes zijn: { $known }
}
campaign-no-respondent = campagne "{ $campaign }" heeft geen respondent met de naam "{ $respondent }"
campaign-bad-name = "{ $name }" kan geen campagnenaam zijn: gebruik 1 tot { $max } tekens, niet alleen spaties, en geen stuurtekens
db-cannot-open = kan de database { $file } niet openen
db-cannot-upgrade = kan de database { $file } niet bijwerken naar deze versie van pyramid
db-newer = { $file } is geschreven door een nieuwere pyramid (databaseversie { $version }; deze leest tot { $known }); werk pyramid bij, het bestand blijft zoals het is
db-not-sqlite = { $file } is geen database van pyramid (geen SQLite-bestand); geef een ander bestand met --db, het bestand blijft zoals het is
db-no-default = dit systeem heeft geen gegevensmap voor de database van pyramid; geef een bestand met --db BESTAND
respondent-unknown = dit antwoord hoort bij geen respondent van een open campagne
campaign-for-another-bank = campagne "{ $name }" is gemaakt met het model `{ $model }`, niet `{ $bank }`; scoor ze met --model { $model }

## The web form.

web-languages = Taal
web-who-sees = Je antwoorden gaan naar de organisatoren van "{ $campaign }", die ze samen met die van de anderen zien.
web-name = Naam
web-start = Beginnen
web-next = Volgende
web-choose-one = Kies een van de antwoorden.
web-download = Download je antwoorden (YAML, voor pyramid score)
web-closed = De campagne "{ $campaign }" is gesloten: er worden geen antwoorden meer aangenomen.
web-try-again = Dit kon nu niet bewaard worden. Wacht even, ga dan terug en verstuur de pagina opnieuw; je eerdere antwoorden blijven bewaard.
serve-listening = Luistert op { $address } (database { $db }); de links van de open campagnes:
serve-not-encrypted = { $address } is bereikbaar vanaf andere machines en het verkeer is niet versleuteld; zet er een TLS-reverse-proxy (Caddy, nginx) voor, of bind aan 127.0.0.1
serve-bad-address = `{ $bind }` is geen adres met poort; schrijf bijvoorbeeld 127.0.0.1:8080, of 127.0.0.1:0 voor een vrije poort
serve-cannot-bind = kan niet luisteren op { $bind }
serve-cannot-start = kan de server niet starten
serve-admin = Beheer: { $url }
serve-writer-stopped = de server stopt en bewaart geen antwoorden meer
serve-stopped = Gestopt; elk antwoord staat in { $db }.
serve-cannot-save = een antwoord kon niet bewaard worden ({ $reason }); de respondent kreeg de vraag het opnieuw te proberen
admin-title = Campagnes
admin-counts = { $finished ->
    [one] 1 respondent klaar
   *[other] { $finished } respondenten klaar
}, { $unfinished } nog bezig
admin-token-weak = het beheertoken in { $file } is korter dan 32 tekens of bevat spaties of stuurtekens; schrijf een langer, of verwijder het bestand om er een te laten maken
admin-new-campaign = Nieuwe campagne
admin-campaign-name = Naam van de campagne
admin-model = Model
admin-anonymous = Anoniem: geen namen vragen
admin-create = Aanmaken
admin-link = Link voor de respondenten
admin-qr = QR-code van de link
admin-present = Presentatieweergave
admin-downloads = Downloads
admin-report = Rapport (HTML)
admin-scores-csv = Scores (CSV)
admin-scores-json = Scores en teamoverzicht (JSON)
admin-manage = Beheren
admin-close = De campagne sluiten
admin-erase = De campagne wissen
admin-erase-explain = Dit wist de campagne "{ $campaign }" en elk antwoord erin, voorgoed. Typ de naam om te bevestigen.
admin-erase-name = Naam van de campagne die je wist
admin-erase-button = Voorgoed wissen
admin-erase-mismatch = De naam die je typte is niet die van de campagne: er is niets gewist.
admin-nobody-yet = Nog niemand is klaar.
admin-answered = { $count ->
    [one] 1 persoon heeft geantwoord
   *[other] { $count } mensen hebben geantwoord
}
admin-reveal = De piramide van het team tonen
admin-hide = De piramide verbergen
admin-live = Wordt elke { $seconds } seconden bijgewerkt
admin-pause = Bijwerken pauzeren
admin-paused = Bijwerken gepauzeerd
admin-resume = Bijwerken hervatten
