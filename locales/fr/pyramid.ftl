# Les mots de pyramid en français : écrans, tableaux et rapports.
# Tout ce qui relève du modèle (questions, stades, conseils) est dans la banque.

back = ← Revenir à la question précédente
keys-hint = ↑/↓ choisir · Entrée ou un chiffre valider · Échap ou q arrêter
quit-confirm = Arrêter l'autotest ? Vos réponses jusqu'ici restent enregistrées.
keep-going = Non, continuer le test
quit = Oui, arrêter
quit-done = Autotest arrêté.
interrupted = Interrompu.
stopped = Arrêté.
resume = Reprendre là où je m'étais arrêté
start-over = Recommencer
nothing-to-resume = Aucun autotest inachevé ; un nouveau commence.
result = Résultat
score = Score
stage = Stade
overall = Global
not-enough = trop peu de réponses
why = Pourquoi ce stade
focus = Priorité
next-steps = Prochaines étapes
you-are-here = ◀ vous êtes ici
question = Question
question-columns = Question (réponses : clé · niveau · texte)
respondent = Répondant
before = Avant
target = Objectif
moves = Réponses à améliorer d'abord
after = Après
change = Écart
moved = Réponses qui ont changé
mean = Moy.
min = Min
max = Max
spread = Dispersion
team-stage = Stade de l'équipe
distribution = Répartition entre les stades
disagreement = Là où l'équipe est le moins d'accord
cell-legend = Chaque cellule : score · stade.
no-stage = Trop peu de réponses pour déterminer un stade.
trend = Évolution

## Phrases avec des nombres et des noms.

intro = { $count } questions, environ { $minutes ->
    [one] 1 minute
   *[other] { $minutes } minutes
}.
dont-know-count = { $count }× je ne sais pas
saved-to = Réponses enregistrées dans { $path }
team-of = Équipe { $count ->
    [one] d'un répondant
   *[other] de { $count } répondants
}
how-to-continue = { $count ->
    [0] Aucune réponse n'a encore été donnée.
    [one] Votre première réponse est enregistrée ; reprenez avec : pyramid test --resume
   *[other] Vos { $count } réponses jusqu'ici sont enregistrées ; reprenez avec : pyramid test --resume
}
resume-question = Un autotest inachevé a été trouvé ({ $answered } sur { $total } répondues).
progress-unusable = Attention : la progression enregistrée dans { $path } est inutilisable ({ $reason }) ; un nouveau test commence.
progress-kept-aside = Attention : la progression enregistrée est inutilisable ({ $reason }) ; elle a été mise de côté dans { $kept }. Un nouveau test commence.
answers-dropped = Attention : { $count ->
    [one] 1 réponse enregistrée ne correspond plus aux questions et sera redemandée
   *[other] { $count } réponses enregistrées ne correspondent plus aux questions et seront redemandées
} ; l'ancien fichier se trouve dans { $kept }.
progress-locked = un autotest avec ces questions est déjà en cours et enregistre ses réponses dans { $path } ; terminez-le (ou fermez-le) d'abord, pour qu'aucun des deux ne perde de réponses
progress-not-saved = Attention : la progression ne peut pas être enregistrée ({ $reason }) ; en cas d'interruption, les réponses seront perdues.
# L'invite de l'autotest ligne par ligne ; elle se termine par une espace.
plain-choice = Tapez 1–{ $count } puis Entrée ; q arrête :{ " " }
plain-choice-back = Tapez 1–{ $count } puis Entrée ; b revient en arrière, q arrête :{ " " }

## Comment un modèle appelle ses piliers ($term : pillar ou dimension), et les
## phrases qui expliquent un résultat ($p : un mot pour pilier, $ps : plusieurs).

pillar-one = { $term ->
    [dimension] dimension
   *[pillar] pilier
}
pillar-many = { $term ->
    [dimension] dimensions
   *[pillar] piliers
}
pillar-title = { $term ->
    [dimension] Dimension
   *[pillar] Pilier
}
advice-per = Conseils par { $p }
balanced = { $ps ->
    [dimensions] Les dimensions sont équilibrées
   *[other] Les piliers sont équilibrés
} : la règle d'équilibre n'abaisse pas le stade.
explain-score = Le score global est de { $score } : la moyenne des scores par { $p } ({ $parts }). Cela vous place au stade { $stage } ({ $name }), qui commence à { $min }.
explain-top-rule = Le stade le plus élevé demande chaque { $p } au moins au stade { $required } ; { $behind } { $count ->
    [one] est en dessous
   *[other] sont en dessous
}, le résultat est donc le stade { $stage }.
explain-weakest-rule = Le stade global dépasse d'au plus { $above } { $p ->
    [dimension] la dimension la plus faible
   *[other] le pilier le plus faible
} ; { $weakest } est au stade { $weakest-stage } et freine le résultat, qui est donc le stade { $stage }.
explain-unscored = { $pillar } a trop peu de réponses ({ $answered } données, { $dont-know }× je ne sais pas ; au moins { $needed } nécessaires) et ne compte pas dans le score global.

## Synthèses d'équipe, modèles et objectifs.

and = et
team-heading = { $team } : stade { $stage }/{ $stages }, { $name } (score { $score })
model-line = { $title } · { $stages } stades, { $pillars } { $ps }, { $questions } questions · { $languages } ({ $file })
bank-valid = { $file } : valide : { $questions } questions, { $pillars } { $ps }, { $stages } stades ; mots à lire : { $words } (budget { $budget })
fix = correction
# One stage in the team's distribution: its level and name, how many, what share.
distribution-line = { $stage } : { $count } ({ $share } %)
disagreement-line = { $pillar } : dispersion { $spread } ; groupe de tête de { $front } à { $front-mean } en moyenne, peloton de { $peloton } à { $peloton-mean } en moyenne (écart { $gap })
stage-stays = Le stade global reste { $new }.
stage-moves = Le stade global passe de { $old } à { $new }.
focus-stays = { $p ->
    [dimension] La dimension prioritaire
   *[other] Le pilier prioritaire
} reste { $new }.
focus-moves = { $p ->
    [dimension] La dimension prioritaire
   *[other] Le pilier prioritaire
} passe de { $old } à { $new }.
target-now = score { $score }, stade { $stage }
target-reached = { $pillar } : { $now } ; objectif stade { $level } ({ $name }) atteint
target-short = { $pillar } : { $now } ; { $points ->
    [one] 1 point
   *[other] { $points } points
} sous le stade { $level } ({ $name }, à partir de { $from })
answer-level = « { $label } » (niveau { $level })
no-answer = pas de réponse
target-move = { $question } : maintenant { $now } → { $key } { $to }

## Langues. $lang et $shown sont des noms de langue (language-name).

# A label in front of a line: error, warning, note, fix.
# An error and what caused it.
because = { $outer } : { $inner }
labelled = { $label } : { $text }
note = remarque
warning = avertissement
language-name = { $code ->
    [nl] néerlandais
    [en] anglais
    [fr] français
    [de] allemand
   *[other] « { $code } »
}
interface-in-english = pyramid n'a pas ses propres textes en { $lang } et les affiche en anglais ; les questions et les conseils sont en { $lang }.
model-lacks-language = { $model } n'a pas de textes en { $lang } ; ses questions et ses conseils sont affichés en { $shown }.
language-unavailable = { $lang } n'est pas disponible : pyramid affiche ses propres textes en anglais, et ceux de { $model } en { $shown }.

## Lecture des réponses. $place est un fichier et une ligne ; $valid les choix.

column = colonne { $column }
# An answer that is a list or mapping instead of one value.
not-a-single-answer = (une liste ou une table)
bad-answer = { $place } : { $question } : « { $value } » n'est pas une réponse à cette question ; réponses valides : { $valid }
missing-answers = { $place } : { $respondent } n'a pas répondu à { $questions } ; { $count ->
    [one] complétez-la
   *[other] complétez-les
}, ou évaluez ce qui est là avec --allow-incomplete
problems-nothing-written = { $count ->
    [one] 1 problème
   *[other] { $count } problèmes
} dans les réponses ; rien n'a été écrit :
skipped-respondents = { $respondents ->
    [one] 1 répondant ignoré
   *[other] { $respondents } répondants ignorés
} pour { $count ->
    [one] 1 problème
   *[other] { $count } problèmes
} :
and-more-problems = … et { $count ->
    [one] 1 autre problème
   *[other] { $count } autres problèmes
}
and-more = … et { $count } de plus
more = et { $count } de plus
fix-the-answers = Corrigez les réponses, ou évaluez les répondants valides avec --skip-invalid (et ceux dont des réponses manquent avec --allow-incomplete).
answered-twice = { $count ->
    [one] 1 répondant a
   *[other] { $count } répondants ont
} répondu deux fois ; les réponses les plus récentes comptent (--keep-duplicates garde les deux) :
answered-twice-at = { $name } : { $earlier } et { $later }
ignored-columns = { $file } : colonnes ignorées : { $columns }
no-column-for = { $file } : pas de colonne pour { $questions } (--map COLONNE=QUESTION indique quelle colonne en est une)

## Erreurs. $file est un fichier tel qu'indiqué ; $reason les mots du système.

error = erreur
cannot-read = impossible de lire { $file } : { $kind ->
    [not-found] ce fichier n'existe pas ; vérifiez le nom et le dossier
    [permission-denied] vous n'avez pas le droit de lire ce fichier ; demandez l'accès en lecture ou copiez-le dans un de vos dossiers
   *[other] { $reason }
}
is-a-directory = { $file } est un dossier ; indiquez le chemin d'un fichier
document-over-limit = { $file } fait { $size } Mio, au-delà de la limite de { $limit } Mio pour un fichier YAML ou JSON ; vérifiez que c'est le bon fichier
document-grew-over-limit = { $file } dépasse la limite de { $limit } Mio pour un fichier YAML ou JSON ; vérifiez que c'est le bon fichier
document-not-utf8 = { $file }:{ $line } : le fichier n'est pas du texte UTF-8 (octet invalide à la position { $offset }) ; enregistrez-le en UTF-8
answers-over-limit = { $file } dépasse la limite de { $limit } Mio pour un fichier de réponses
answers-not-utf8 = { $file }:{ $line } : le fichier n'est pas du texte UTF-8 ; enregistrez-le en UTF-8
folder-without-answers = le dossier { $folder } ne contient aucun fichier de réponses ; pyramid lit les fichiers .yaml, .yml, .json, .csv, .tsv, .txt, .xlsx, .xls et .ods
answer-file-empty = { $file } : le fichier est vide ; un fichier de réponses contient `respondent`, `bank` et `answers`
answer-file-nested = { $place } : ce n'est pas un fichier de réponses : il est imbriqué sur plus de { $limit } niveaux
answers-for-another-bank = { $file } : ces réponses concernent la banque `{ $named }`, pas `{ $bank }` ; évaluez-les avec --model { $named } (un modèle fourni) ou --bank FICHIER
unknown-question = { $place } : `{ $id }` n'est pas une question de la banque `{ $bank }` ; les identifiants des questions sont : { $known }
cannot-write = impossible d'écrire { $file }
cannot-write-stdout = impossible d'écrire sur la sortie standard
spool-failed = impossible d'écrire les lignes dans un fichier temporaire de { $folder } : { $reason } ; faites pointer { $variable } vers un dossier qui a la place
input-changed = l'entrée a changé pendant la lecture : { $first } évalués la première fois, { $second } la seconde ; relancez une fois qu'elle ne change plus
cannot-create-in = impossible d'écrire { $file } : impossible de créer un fichier dans { $folder }
write-over-input = impossible d'écrire { $file } : c'est aussi une entrée ({ $input }), que l'écriture détruirait ; choisissez un autre fichier de sortie
write-to-folder = impossible d'écrire { $file } : c'est un dossier ; indiquez le chemin d'un fichier
write-read-only = impossible d'écrire { $file } : le fichier est en lecture seule ; rendez-le modifiable ou choisissez un autre fichier
io-reason = { $kind ->
    [not-found] ce fichier ou ce dossier n'existe pas
    [permission-denied] vous n'en avez pas l'autorisation
    [storage-full] le disque est plein ; libérez de la place et réessayez
    [read-only] le système de fichiers est en lecture seule
   *[other] { $reason }
}
sqlite-reason = { $kind ->
    [read-only] cet utilisateur ne peut pas écrire le fichier ou son dossier ; vérifiez les droits, ou choisissez un autre fichier avec --db
    [locked] un autre programme tient le fichier verrouillé ; attendez un moment, ou fermez cet autre programme
    [full] le disque est plein, ou la limite (--max-db-size) est atteinte ; libérez de la place et réessayez
   *[not-a-database] le fichier n'est pas une base SQLite intacte ; restaurez une sauvegarde
}
reading-stdin = lecture des réponses sur l'entrée standard (un fichier de réponses ou un export d'enquête) ; terminez avec { $end }, ou nommez des fichiers : pyramid score FICHIER…
did-you-mean = { $file } : la colonne { $header } ne nomme aucune question ; vouliez-vous dire { $question } (« { $text } ») ? Nommez la colonne { $question }, ou comptez-la comme telle avec --map { $map }
map-unused = --map { $map } : aucun des tableaux lus n'a de colonne { $column } ; l'en-tête doit être celui du fichier (casse et espaces mis à part)
partial-skipped = { $file } : { $count ->
    [one] 1 réponse que l'export marque comme inachevée (Finished = False, ou sans date d'envoi) est ignorée
   *[other] { $count } réponses que l'export marque comme inachevées (Finished = False, ou sans date d'envoi) sont ignorées
}
man-written = { $count ->
    [one] 1 page de manuel écrite dans { $folder }
   *[other] { $count } pages de manuel écrites dans { $folder }
}
same-file = { $file } est le même fichier que { $first } ; il n'est lu qu'une fois
cannot-read-folder = impossible de lire le dossier { $folder }
cannot-read-file = impossible de lire { $file }
csv-not-utf8 = ligne { $line } : le texte n'est pas en UTF-8 alors que le fichier commençait en UTF-8 ; enregistrez-le en UTF-8
csv-quote-never-closed = ligne { $line } : un guillemet (") ouvre ici une cellule qui n'est jamais fermée, et le reste du fichier serait cette seule cellule ; fermez la cellule par un second guillemet, ou retirez le guillemet
csv-error = { $line ->
    [0] { $reason }
   *[other] ligne { $line } : { $reason }
}
cannot-create-folder = impossible de créer le dossier { $folder }
cannot-remove = impossible de supprimer { $file }
csv-one-table = un CSV contient un seul tableau : utilisez --summary ou --rows, pas les deux, ou un autre --format
no-answers = aucun répondant n'a pu être évalué : l'entrée ne contient aucune réponse
all-skipped = aucun répondant n'a pu être évalué : { $count ->
    [one] le seul répondant a été ignoré
   *[other] les { $count } répondants ont tous été ignorés
} à cause des problèmes ci-dessus ; corrigez-les et relancez l'évaluation
report-too-many-previous = { $count } évaluations antérieures données avec --previous ; un rapport en prend au plus { $max } : omettez les plus anciennes
report-previous-without-path = --previous demande aussi l'évaluation actuelle : pyramid report CHEMIN --previous ANTÉRIEURE --output FICHIER
report-no-history = votre historique ne contient aucun autotest avec ce modèle : faites l'autotest (pyramid), ou nommez une évaluation : pyramid report CHEMIN --output FICHIER
compare-one-with-one = { $file } contient { $count ->
    [one] 1 répondant
   *[other] { $count } répondants
} ; comparez un répondant avec un autre, ou des équipes avec --summary
not-a-terminal = l'autotest pose ses questions dans un terminal, mais l'entrée standard ou la sortie d'erreur n'en est pas un.
    Pour évaluer des réponses sans terminal, écrivez-les dans un fichier de réponses (voir `pyramid questions` pour les identifiants et les clés) et évaluez-le avec `pyramid score FICHIER`.
save-folder-missing = impossible d'enregistrer les réponses dans { $file } : le dossier { $folder } n'existe pas
save-over-progress = --save { $file } désigne le fichier où l'autotest garde sa progression, qui est supprimé à la fin du test ; choisissez un autre fichier
target-not-a-pair = --target { $spec } : `{ $value }` n'est pas de la forme NOM=STADE ; écrivez par exemple stage=3 ou traffic=3
target-not-a-stage = --target { $spec } : `{ $value }` n'est pas un stade : utilisez un nombre de 1 à { $top }
target-stage-twice = --target { $spec } : `stage` apparaît deux fois ; indiquez-le une seule fois
target-pillar-twice = --target { $spec } : `{ $value }` apparaît deux fois ; donnez à chaque pilier un seul stade cible
target-unknown-pillar = --target { $spec } : `{ $value }` n'est pas un pilier ; utilisez stage ou l'un de : { $known }
target-no-stage = --target { $spec } : l'objectif n'indique aucun stade ; écrivez par exemple stage=3
survey-empty = { $file } : le fichier est vide ; un export d'enquête a une ligne d'en-tête et une ligne par répondant
no-question-columns = { $file } : aucune colonne n'est une question de la banque `{ $bank }`. L'en-tête d'une colonne de question est l'identifiant de la question (par exemple `{ $example }`) ou son texte complet dans une des langues de la banque ({ $languages }) ; `pyramid questions` les affiche. En-têtes trouvés : { $count ->
    [0] aucun
   *[other] { $found }
}
survey-no-respondents = { $file } : le tableau a une ligne d'en-tête mais aucun répondant ; exportez-le à nouveau quand des réponses seront arrivées
question-twice = { $file } : les colonnes { $first } et { $second } contiennent toutes deux la question `{ $question }` ; supprimez-en une
question-twice-mapped = { $file } : les colonnes { $first } et { $second } contiennent toutes deux la question `{ $question }` (la colonne { $mapped } par --map { $map }) ; modifiez --map, ou supprimez l'une des colonnes
not-a-scores-document = { $place } : ce n'est pas un document de scores : { $reason }
scores-document-newer = { $file } : un document de scores de version { $version }, écrit par un pyramid plus récent ; celui-ci lit la version { $known } : mettez pyramid à jour, ou évaluez à nouveau les réponses
scores-for-another-bank = { $file } : ces scores concernent la banque `{ $named }`, pas `{ $bank }`
score-out-of-range = { $file } : le score du pilier `{ $pillar }` n'est pas un nombre entier de 0 à 100
no-score-for-pillar = { $file } : aucun score pour le pilier `{ $pillar }`
scores-document-empty = { $file } : un document de scores contient `respondents` ou `summary`
spreadsheet-cannot-open = { $file } : impossible d'ouvrir le classeur
spreadsheet-too-many-parts = { $file } : le classeur compte { $count } parties, au-delà de la limite de { $limit } ; ce n'est pas un export d'enquête
spreadsheet-no-sheets = { $file } : le classeur n'a aucune feuille
spreadsheet-missing-part = { $file } : impossible d'ouvrir le classeur : il n'a pas de partie { $part }
sheet-cannot-read = { $file } : impossible de lire la première feuille
sheet-too-many-cells = { $file } : la feuille contient plus de { $limit } cellules (un million de répondants avec vingt réponses) ; divisez-la, ou exportez-la en CSV
part-cannot-read = { $file } : impossible de lire la partie { $part }
part-cannot-unpack = { $file } : impossible de décompresser la partie { $part }
part-not-xml = { $file } : la partie { $part } n'est pas du XML valide : { $reason }
part-too-big = { $file } : la partie { $part } fait { $size } Mio une fois décompressée, au-delà de la limite de { $limit } Mio ; ce n'est pas un export d'enquête
part-unpacks-over = { $file } : la partie { $part } dépasse { $limit } Mio une fois décompressée (sa taille dans le zip est fausse)
part-cell-too-long = { $file } : la partie { $part } contient une cellule ou une balise de plus de { $limit } Mio ; ce n'est pas un export d'enquête
part-declaration = { $file } : la partie { $part } contient un DOCTYPE, un commentaire ou une section CDATA, que les tableurs n'écrivent pas
cell-too-big = { $file } : une cellule dépasse { $limit } Mio ; ce n'est pas un export d'enquête
cell-beyond-last-column = { $place } : une cellule se trouve au-delà de la dernière colonne (XFD) ; ce n'est pas un export d'enquête
table-in-table = { $file } : un tableau dans un tableau ; ce n'est pas un export d'enquête
shared-strings-too-big = { $file } : les chaînes partagées du classeur dépassent { $limit } Mio ; ce n'est pas un export d'enquête
missing-shared-string = { $place } : une cellule renvoie à la chaîne partagée { $raw }, que le classeur n'a pas
no-such-model = il n'y a pas de modèle fourni `{ $name }` ; les modèles sont : { $models } (voir `pyramid models`), ou chargez un fichier avec --bank FICHIER

## Banques de questions, pour leurs auteurs. Chaque message dit ce qui ne va
## pas ; son .fix comment y remédier. $language est le nom d'une langue, $code son code.

bank-invalid = { $file } n'est pas une banque de questions valide ({ $count ->
    [one] 1 problème
   *[other] { $count } problèmes
}) :
bank-text-too-long = le texte compte { $length } caractères, au-delà de la limite de { $limit }
    .fix = raccourcissez-le : une question, une réponse ou un conseil se lit en quelques secondes
bank-text-control-character = le texte contient le caractère de contrôle { $character }, affiché en toutes lettres
    .fix = supprimez-le : un terminal le prendrait pour un ordre de déplacer le curseur, de changer de couleur ou d'inverser le texte
bank-text-other-language = `{ $code }` n'est pas une des langues de la banque ({ $languages }), ce texte n'est donc jamais affiché
    .fix = ajoutez `{ $code }` à `languages:`, ou supprimez le texte
bank-text-missing-declared = le texte en { $language } manque
    .fix = ajoutez `{ $code }:` avec le texte en { $language } : les langues de la banque sont { $languages }
bank-text-missing = le texte manque
    .fix = ajoutez le texte dans chaque langue : { $languages }
bank-text-missing-one = le texte en { $language } manque ; une autre langue est affichée à la place
    .fix = ajoutez `{ $code }:` avec le texte en { $language }
bank-bad-id = { $what ->
    [bank] l'identifiant de la banque
    [question] l'identifiant de question
    [option] la clé de réponse
    [phase] l'identifiant de phase
   *[pillar] l'identifiant de pilier
} `{ $id }` n'est pas un identifiant ASCII court
    .fix = utilisez 1 à { $limit } lettres minuscules, chiffres, `-` ou `_`, en commençant par une lettre ou un chiffre
bank-id-twice = `{ $id }` est utilisé deux fois comme { $what ->
    [question] identifiant de question
    [option] clé de réponse
    [phase] identifiant de phase
   *[pillar] identifiant de pilier
}
    .fix = donnez à chaque { $what ->
        [question] question
        [option] réponse
        [phase] phase
       *[pillar] pilier
    } son propre identifiant
bank-language-twice = `{ $code }` figure deux fois
    .fix = indiquez chaque langue une seule fois
bank-min-answers-zero = min_answers_per_pillar vaut 0
    .fix = mettez 1 ou plus : un pilier a besoin d'au moins une vraie réponse pour être évalué
bank-no-such-stage = le stade { $level } n'existe pas
    .fix = utilisez un stade de 1 à { $count }
bank-stage-count = la banque compte { $count } stades
    .fix = indiquez de { $min } à { $max } stades, le plus bas d'abord
bank-first-stage = le stade le plus bas commence à { $min }
    .fix = mettez min_score du premier stade à 0, pour que chaque score ait un stade
bank-thresholds-rise = min_score { $min } ne dépasse pas celui du stade précédent ({ $before })
    .fix = les seuils doivent monter d'un stade à l'autre
bank-threshold-over = min_score { $min } dépasse 100
    .fix = les scores vont de 0 à 100
bank-pillar-count = la banque compte { $count } piliers
    .fix = indiquez de 1 à { $max } piliers
bank-pillar-few-questions = le pilier `{ $pillar }` a { $count ->
    [one] 1 question
   *[other] { $count } questions
}, moins que min_answers_per_pillar ({ $needed })
    .fix = ajoutez des questions pour ce pilier ou abaissez rules.min_answers_per_pillar
bank-no-advice = le pilier `{ $pillar }` n'a pas de conseil pour le stade { $level } ; rien n'y est affiché
    .fix = ajoutez un conseil avec `stage: { $level }`
bank-advice-twice = le pilier `{ $pillar }` a deux conseils pour le stade { $level }
    .fix = gardez un conseil par stade
bank-steps-count = { $count } prochaines étapes indiquées
    .fix = donnez de 1 à 5 prochaines étapes concrètes (2 ou 3 se lisent le mieux)
bank-unknown-phase = la phase `{ $phase }` ne figure pas dans le cycle
    .fix = utilisez l'identifiant d'une phase listée sous `cycle:`, ou omettez `phase`
bank-no-questions = la banque n'a aucune question
    .fix = ajoutez des questions sous `questions:`
bank-unknown-pillar = le pilier `{ $pillar }` n'est pas défini
    .fix = utilisez l'un de : { $known }
bank-weight = le poids { $weight } est hors limites
    .fix = utilisez un nombre entier de 1 à { $max }, ou omettez `weight` pour 1
bank-few-options = la question `{ $question }` a { $count } réponses possibles
    .fix = donnez-en au moins 2
bank-many-options = la question `{ $question }` a { $count } réponses possibles, plus que la limite de { $limit }
    .fix = répartissez-la en questions avec moins de réponses
bank-same-label = deux réponses de `{ $question }` ont le même texte en { $language }
    .fix = donnez à chaque réponse son propre texte, pour que les réponses données en texte soient sans ambiguïté
bank-reserved-key = `{ $key }` est réservé à « je ne sais pas »
    .fix = choisissez une autre clé ; mettez `dont_know: true` sur la question pour autoriser cette réponse
bank-level-not-a-stage = le niveau { $level } n'est pas un stade
    .fix = utilisez un niveau de 1 à { $count }
bank-scale-end = aucune réponse de `{ $question }` n'a le niveau { $level }
    .fix = les réponses doivent atteindre les deux bouts de l'échelle : niveau 1 et niveau { $count }
bank-stage-unreached = aucune réponse n'a le niveau { $level }, donc aucune ne mène à ce stade
    .fix = donnez à quelques questions une réponse de ce niveau, ou fusionnez ce stade avec un voisin
bank-over-budget = { $words } mots à lire en { $language }, plus que le budget de cinq minutes ({ $budget })
    .fix = raccourcissez les questions et les réponses, ou posez moins de questions
bank-long-label = le texte en { $language } compte { $length } caractères
    .fix = limitez les réponses à { $max } caractères, pour que chacune tienne sur une ligne d'un terminal de 80 colonnes
bank-empty = le fichier est vide
    .fix = une banque contient id, title, dont_know, rules, stages, pillars et questions ; voir `pyramid questions --format yaml` pour la banque intégrée
bank-nested = imbriqué sur plus de { $limit } niveaux
    .fix = une banque n'a que quelques niveaux ; vérifiez que c'est le bon fichier
bank-looks-like-answers = { $reason }
    .fix = ceci ressemble à un fichier de réponses : évaluez-le avec `pyramid score FICHIER`
bank-unknown-field = { $reason }
    .fix = supprimez ou renommez ce champ : le message liste les champs d'une banque
bank-duplicate-key = { $reason }
    .fix = une clé ne peut apparaître qu'une fois : supprimez ou renommez l'une des deux
bank-yaml-syntax = { $reason }
    .fix = corrigez la syntaxe YAML ici : vérifiez l'indentation, et mettez entre guillemets un texte qui contient `: ` ou commence par un caractère spécial (`[`, `{"{"}`, `*`, `&`, `#`)
bank-field-shape = { $reason }
    .fix = vérifiez l'orthographe et l'indentation de ce champ selon le format des banques (la section « The question bank » du README décrit chaque champ)
not-an-answer-file = { $place } : ce n'est pas un fichier de réponses : { $reason } ; { $looks ->
    [bank] ceci ressemble à une banque de questions : utilisez-la avec --bank FICHIER
   *[other] un fichier de réponses contient `respondent`, `bank` et `answers: {"{"}id: clé{"}"}`
}
new-bank-pillars = indiquez de 1 à { $max } piliers, séparés par des virgules : --pillars personnes,processus,outils
new-bank-pillar-twice = le pilier `{ $pillar }` figure deux fois
progress-bank-changed = les questions ou les réponses possibles ont changé depuis l'enregistrement de ces réponses
progress-answers-unmatched = { $count ->
    [one] 1 réponse ne correspond
   *[other] { $count } réponses ne correspondent
} à aucune possibilité
csv-record-too-long = { $line ->
    [0] {""}
   *[other] ligne { $line } : {""}
}une ligne ou une cellule dépasse { $limit } Mio : ce n'est pas un export d'enquête (une cellule contient peut-être un fichier entier, ou un guillemet n'est jamais fermé)

## Les campagnes et leur base de données.

campaign-created = Campagne « { $name } » créée ({ $model }) ; le lien des répondants est { $link } sur le serveur. Base de données : { $db }
campaign-closed = La campagne « { $name } » est close : son lien n'enregistre plus de réponses.
campaign-erased = La campagne « { $name } » est effacée, avec toutes ses réponses.
history-kept = conservé dans votre historique comme autotest { $number } : `pyramid history` les liste, `pyramid compare` compare les deux derniers
history-not-kept = le résultat n'a pas pu être conservé dans votre historique ({ $reason })
history-too-short = { $count ->
    [0] votre historique ne contient encore aucun autotest
    [one] votre historique ne contient qu'un autotest
   *[other] votre historique contient { $count } autotests
} : une comparaison en demande deux ; refaites l'autotest (pyramid), ou nommez deux évaluations : pyramid compare ANCIEN NOUVEAU
self-test-unknown = il n'y a pas d'autotest { $number } dans l'historique ({ $count ->
    [one] 1 est conservé
   *[other] { $count } sont conservés
}) ; pyramid history les liste
self-test-for-another-bank = l'autotest { $number } a été fait avec { $model }, pas avec { $bank } ; choisissez ce modèle avec --model { $model }
history-none = Aucun autotest conservé pour l'instant : faites-en un avec `pyramid`.
history-column-number = n°
history-column-date = Date (UTC)
history-column-respondent = Répondant
campaign-backed-up = { $db } copié vers { $file } : chaque campagne telle qu'elle était à cet instant (un serveur peut continuer à tourner entre-temps).
campaign-imported = { $count ->
    [one] 1 répondant importé dans « { $name } », terminé.
   *[other] { $count } répondants importés dans « { $name } », terminés.
}
campaign-exported = { $count ->
    [one] 1 fichier de réponses de « { $name } » écrit
   *[other] { $count } fichiers de réponses de « { $name } » écrits
} dans { $folder }{ $unfinished ->
    [0] .
    [one] ; 1 répondant qui n'a pas terminé est laissé de côté.
   *[other] ; { $unfinished } répondants qui n'ont pas terminé sont laissés de côté.
}
export-folder-not-empty = { $folder } n'est pas un dossier vide ; choisissez un dossier nouveau ou vide, pour que les fichiers de réponses ne soient pas mêlés à d'autres
respondent-erased = { $count ->
    [one] Les réponses de { $respondent } sont effacées
   *[other] Les réponses des { $count } répondants nommés { $respondent } sont effacées
} de la campagne « { $name } ».
campaign-none = Aucune campagne pour l'instant ; créez-en une avec : pyramid campaign new NOM
campaign-column-name = Campagne
campaign-column-model = Modèle
campaign-links = Liens des répondants (sur le serveur) :
campaign-column-finished = Terminés
campaign-column-unfinished = Inachevés
campaign-column-status = Statut
campaign-status = { $status ->
    [closed] close
   *[open] ouverte
}
campaign-exists = une campagne nommée « { $name } » existe déjà ; choisissez un autre nom, ou effacez l'ancienne avec : pyramid campaign erase "{ $name }"
campaign-unknown = il n'y a pas de campagne nommée « { $name } » ; { $count ->
    [0] la base n'en contient encore aucune
   *[other] les campagnes sont : { $known }
}
campaign-no-respondent = la campagne « { $campaign } » n'a pas de répondant nommé « { $respondent } »
campaign-bad-name = « { $name } » ne peut pas nommer une campagne : utilisez 1 à { $max } caractères, pas seulement des espaces, et aucun caractère de contrôle
db-cannot-open = impossible d'ouvrir la base de données { $file }
db-cannot-upgrade = impossible de mettre la base de données { $file } à jour pour cette version de pyramid
db-newer = { $file } a été écrit par un pyramid plus récent (version de base { $version } ; celui-ci lit jusqu'à { $known }) ; mettez pyramid à jour, le fichier reste tel quel
db-not-sqlite = { $file } n'est pas une base de données de pyramid (pas un fichier SQLite) ; indiquez un autre fichier avec --db, le fichier reste tel quel
db-no-default = ce système n'a pas de dossier de données pour la base de pyramid ; indiquez un fichier avec --db FICHIER
respondent-unknown = cette réponse n'appartient à aucun répondant d'une campagne ouverte
campaign-for-another-bank = la campagne « { $name } » a été créée avec le modèle `{ $model }`, pas `{ $bank }` ; évaluez-la avec --model { $model }

## The web form.

web-languages = Langue
web-who-sees = Vos réponses sont transmises aux organisateurs de « { $campaign } », qui les voient avec celles des autres.
web-name = Nom
web-start = Commencer
web-next = Suivant
web-choose-one = Choisissez une des réponses.
web-download = Télécharger vos réponses (YAML, pour pyramid score)
web-closed = La campagne « { $campaign } » est close : elle n'accepte plus de réponses.
web-try-again = Ceci n'a pas pu être enregistré pour l'instant. Attendez un moment, puis revenez en arrière et renvoyez la page ; vos réponses précédentes sont conservées.
serve-listening = À l'écoute sur { $address } (base de données { $db }) ; les liens des campagnes ouvertes :
serve-not-encrypted = { $address } est joignable depuis d'autres machines et son trafic n'est pas chiffré ; placez devant un proxy inverse TLS (Caddy, nginx), ou utilisez 127.0.0.1
serve-bad-address = `{ $bind }` n'est pas une adresse avec un port ; écrivez par exemple 127.0.0.1:8080, ou 127.0.0.1:0 pour un port libre
serve-cannot-bind = impossible d'écouter sur { $bind }
serve-cannot-start = impossible de démarrer le serveur
serve-admin = Administration : { $url }
serve-writer-stopped = le serveur s'arrête et n'enregistre plus de réponses
serve-stopped = Arrêté ; toutes les réponses sont dans { $db }.
serve-cannot-save = une réponse n'a pas pu être enregistrée ({ $reason }) ; le répondant a été invité à réessayer
admin-title = Campagnes
admin-counts = { $finished ->
    [one] 1 répondant a terminé
   *[other] { $finished } répondants ont terminé
}, { $unfinished } en cours
admin-token-weak = le jeton d'administration de { $file } compte moins de 32 caractères ou contient des espaces ou des caractères de contrôle ; écrivez-en un plus long, ou supprimez le fichier pour qu'il en soit créé un
admin-new-campaign = Nouvelle campagne
admin-campaign-name = Nom de la campagne
admin-model = Modèle
admin-anonymous = Anonyme : ne pas demander de noms
admin-create = Créer
admin-link = Lien pour les répondants
admin-qr = Code QR du lien
admin-present = Vue de présentation
admin-downloads = Téléchargements
admin-report = Rapport (HTML)
admin-scores-csv = Scores (CSV)
admin-scores-json = Scores et synthèse de l'équipe (JSON)
admin-manage = Gérer
admin-close = Clore la campagne
admin-erase = Effacer la campagne
admin-erase-explain = Ceci efface la campagne « { $campaign } » et toutes ses réponses, définitivement. Tapez son nom pour confirmer.
admin-erase-name = Nom de la campagne à effacer
admin-erase-button = Effacer définitivement
admin-erase-mismatch = Le nom tapé n'est pas celui de la campagne : rien n'a été effacé.
admin-nobody-yet = Personne n'a encore terminé.
admin-answered = { $count ->
    [one] 1 personne a répondu
   *[other] { $count } personnes ont répondu
}
admin-reveal = Montrer la pyramide de l'équipe
admin-hide = Masquer la pyramide
admin-live = Mis à jour toutes les { $seconds } secondes
admin-pause = Suspendre les mises à jour
admin-paused = Mises à jour suspendues
admin-resume = Reprendre les mises à jour
