# pyramid's own words in English: screens, tables and reports.
# Everything about the model itself (questions, stages, advice) is in the bank.

back = ← Back to the previous question
keys-hint = ↑/↓ move · Enter or a number key choose · Esc or q quit
quit-confirm = Quit the self-test? Your answers so far are kept.
keep-going = No, go on with the test
quit = Yes, quit
quit-done = Self-test stopped.
interrupted = Interrupted.
stopped = Stopped.
resume = Continue where I left off
start-over = Start over
nothing-to-resume = No unfinished self-test was found; starting a new one.
result = Result
score = Score
stage = Stage
overall = Overall
not-enough = not enough answers
why = Why this stage
focus = Focus
next-steps = Next steps
you-are-here = ◀ you are here
question = Question
question-columns = Question (options: key · level · text)
respondent = Respondent
before = Before
target = Target
moves = Answers to move first
after = After
change = Change
moved = Answers that changed
mean = Mean
min = Min
max = Max
spread = Spread
team-stage = Team stage
distribution = Stage distribution
disagreement = Where the team disagrees most
cell-legend = Each cell: score · stage.
no-stage = Too few answers to give a stage.
trend = Trend

## Sentences with numbers and names.

intro = { $count } questions, about { $minutes ->
    [one] 1 minute
   *[other] { $minutes } minutes
}.
dont-know-count = { $count }× don't know
saved-to = Answers saved to { $path }
team-of = Team of { $count ->
    [one] 1 respondent
   *[other] { $count } respondents
}
how-to-continue = { $count ->
    [0] Nothing was answered yet.
    [one] Your 1 answer so far is saved; continue with: pyramid test --resume
   *[other] Your { $count } answers so far are saved; continue with: pyramid test --resume
}
resume-question = An unfinished self-test was found ({ $answered } of { $total } answered).
progress-unusable = Warning: the saved progress in { $path } cannot be used ({ $reason }); starting a new test.
progress-kept-aside = Warning: the saved progress cannot be used ({ $reason }); it is kept in { $kept }. Starting a new test.
answers-dropped = Warning: { $count ->
    [one] 1 saved answer no longer fits the questions and will be asked again
   *[other] { $count } saved answers no longer fit the questions and will be asked again
}; the old file is kept in { $kept }.
progress-locked = another self-test with these questions is running and keeps its answers in { $path }; finish (or close) that one first, so that neither loses answers
progress-not-saved = Warning: progress cannot be saved ({ $reason }); an interruption will lose the answers.
# The prompt of the line-by-line self-test; it ends in a space.
plain-choice = Type 1–{ $count } and Enter; q quits:{ " " }
plain-choice-back = Type 1–{ $count } and Enter; b goes back, q quits:{ " " }

## What a model calls its pillars ($term: pillar or dimension), and the
## sentences that explain a result ($p: one pillar word, $ps: many).

pillar-one = { $term ->
    [dimension] dimension
   *[pillar] pillar
}
pillar-many = { $term ->
    [dimension] dimensions
   *[pillar] pillars
}
pillar-title = { $term ->
    [dimension] Dimension
   *[pillar] Pillar
}
advice-per = Advice per { $p }
balanced = The { $ps } are in balance: the balance rule does not lower the stage.
explain-score = The overall score is { $score }: the mean of the { $p } scores ({ $parts }). That reaches stage { $stage } ({ $name }), which starts at { $min }.
explain-top-rule = The top stage needs every { $p } at stage { $required } or higher; { $behind } { $count ->
    [one] is
   *[other] are
} below that, so the stage is { $stage }.
explain-weakest-rule = The overall stage is at most { $above } above the weakest { $p }; { $weakest } is at stage { $weakest-stage } and holds the result back, so the stage is { $stage }.
explain-unscored = { $pillar } has too few answers ({ $answered } answered, { $dont-know }× don't know; at least { $needed } needed) and is left out of the overall score.

## Team views, models and targets.

and = and
team-heading = { $team }: stage { $stage }/{ $stages }, { $name } (score { $score })
model-line = { $title } · { $stages } stages, { $pillars } { $ps }, { $questions } questions · { $languages } ({ $file })
bank-valid = { $file }: valid: { $questions } questions, { $pillars } { $ps }, { $stages } stages; words to read: { $words } (budget { $budget })
fix = fix
# One stage in the team's distribution: its level and name, how many, what share.
distribution-line = { $stage }: { $count } ({ $share }%)
disagreement-line = { $pillar }: spread { $spread }; front group of { $front } at { $front-mean } on average, peloton of { $peloton } at { $peloton-mean } (gap { $gap })
stage-stays = The overall stage stays at { $new }.
stage-moves = The overall stage moves from { $old } to { $new }.
focus-stays = The focus { $p } stays { $new }.
focus-moves = The focus { $p } moves from { $old } to { $new }.
target-now = score { $score }, stage { $stage }
target-reached = { $pillar }: { $now }; target stage { $level } ({ $name }) reached
target-short = { $pillar }: { $now }; { $points ->
    [one] 1 point
   *[other] { $points } points
} short of stage { $level } ({ $name }, from { $from })
answer-level = "{ $label }" (level { $level })
no-answer = no answer
target-move = { $question }: now { $now } → { $key } { $to }

## Languages. $lang and $shown are language names (language-name).

# A label in front of a line: error, warning, note, fix.
# An error and what caused it.
because = { $outer }: { $inner }
labelled = { $label }: { $text }
note = note
warning = warning
language-name = { $code ->
    [nl] Dutch
    [en] English
    [fr] French
    [de] German
   *[other] “{ $code }”
}
interface-in-english = pyramid's own words are not available in { $lang }, so they are shown in English; the questions and advice are in { $lang }.
model-lacks-language = { $model } has no texts in { $lang }; its questions and advice are shown in { $shown }.
language-unavailable = { $lang } is not available: pyramid's own words are shown in English, the texts of { $model } in { $shown }.

## Reading answers. $place is a file and line; $valid the choices.

column = column { $column }
# An answer that is a list or mapping instead of one value.
not-a-single-answer = (a list or mapping)
bad-answer = { $place }: { $question }: "{ $value }" is not an answer to this question; valid: { $valid }
missing-answers = { $place }: { $respondent } has no answer to { $questions }; fill { $count ->
    [one] it
   *[other] them
} in, or score what is there with --allow-incomplete
problems-nothing-written = { $count ->
    [one] 1 problem
   *[other] { $count } problems
} in the answers; nothing was written:
skipped-respondents = skipped { $respondents ->
    [one] 1 respondent
   *[other] { $respondents } respondents
} with { $count ->
    [one] 1 problem
   *[other] { $count } problems
}:
and-more-problems = … and { $count ->
    [one] 1 more problem
   *[other] { $count } more problems
}
and-more = … and { $count } more
more = and { $count } more
fix-the-answers = Fix the answers, or score the valid respondents with --skip-invalid (and respondents with missing answers with --allow-incomplete).
answered-twice = { $count ->
    [one] 1 respondent
   *[other] { $count } respondents
} answered twice; the later answers count (--keep-duplicates keeps both):
answered-twice-at = { $name }: { $earlier } and { $later }
ignored-columns = { $file }: ignored columns: { $columns }
no-column-for = { $file }: no column for { $questions } (--map COLUMN=QUESTION says which column is one)

## Errors. $file is a file as given; $reason the system's own words.

error = error
cannot-read = cannot read { $file }: { $reason }
is-a-directory = { $file } is a directory; give the path of a file
document-over-limit = { $file } is { $size } MiB, over the { $limit } MiB limit for a YAML or JSON file; check that it is the right file
document-grew-over-limit = { $file } is over the { $limit } MiB limit for a YAML or JSON file; check that it is the right file
document-not-utf8 = { $file }:{ $line }: the file is not UTF-8 text (bad byte at offset { $offset }); save it as UTF-8
answers-over-limit = { $file } is over the { $limit } MiB limit for an answer file
answers-not-utf8 = { $file }:{ $line }: the file is not UTF-8 text; save it as UTF-8
folder-without-answers = the folder { $folder } holds no answer files; pyramid reads .yaml, .yml, .json, .csv, .tsv, .txt, .xlsx, .xls and .ods
answer-file-empty = { $file }: the file is empty; an answer file has `respondent`, `bank` and `answers`
answer-file-nested = { $place }: not an answer file: it is nested more than { $limit } levels deep
answers-for-another-bank = { $file }: these answers are for the bank `{ $named }`, not `{ $bank }`; score them with --model { $named } (a bundled model) or --bank FILE
unknown-question = { $place }: `{ $id }` is not a question of the bank `{ $bank }`; the question ids are: { $known }
cannot-write = cannot write { $file }
cannot-write-stdout = cannot write to standard output
spool-failed = cannot write the rows to a temporary file in { $folder }: { $reason }; set { $variable } to a folder with room for them
input-changed = the input changed while it was read: { $first } scored the first time, { $second } the second; score it again once it stays the same
cannot-create-in = cannot write { $file }: cannot create a file in { $folder }
write-over-input = cannot write { $file }: it is also an input ({ $input }), which writing would destroy; choose another output file
write-to-folder = cannot write { $file }: it is a folder; give the path of a file
write-read-only = cannot write { $file }: the file is read-only; make it writable, or choose another file
io-reason = { $kind ->
    [not-found] no such file or folder
    [permission-denied] permission denied
    [storage-full] the disk is full; make room and try again
    [read-only] the file system is read-only
   *[other] { $reason }
}
sqlite-reason = { $kind ->
    [read-only] the file or its folder cannot be written by this user; check the permissions, or name another file with --db
    [locked] another program holds the file locked; wait a moment, or close the other program
    [full] the disk is full, or the size limit (--max-db-size) is reached; make room and try again
   *[not-a-database] the file is not an intact SQLite database; restore a backup
}
reading-stdin = reading answers from standard input (an answer file or a survey export); end with { $end }, or name files instead: pyramid score FILE…
did-you-mean = { $file }: the column { $header } names no question; did you mean { $question } ("{ $text }")? Name the column { $question }, or count it as that with --map { $map }
map-unused = --map { $map }: none of the tables read has a column { $column }; the header must be as in the file (case and spaces aside)
partial-skipped = { $file }: { $count ->
    [one] 1 response the export marks as unfinished (Finished = False, or no submit date) is skipped
   *[other] { $count } responses the export marks as unfinished (Finished = False, or no submit date) are skipped
}
man-written = { $count ->
    [one] 1 manual page written to { $folder }
   *[other] { $count } manual pages written to { $folder }
}
same-file = { $file } is the same file as { $first }; it is read once
cannot-read-folder = cannot read the folder { $folder }
cannot-read-file = cannot read { $file }
csv-not-utf8 = line { $line }: the text is not UTF-8 although the file started as UTF-8; save the file as UTF-8
csv-quote-never-closed = line { $line }: a quote (") opens a cell here and is never closed, so the rest of the file would be that one cell; close the cell with a second quote, or take the quote out
csv-error = { $line ->
    [0] { $reason }
   *[other] line { $line }: { $reason }
}
cannot-create-folder = cannot create the folder { $folder }
cannot-remove = cannot remove { $file }
csv-one-table = CSV holds one table: use --summary or --rows, not both, or another --format
no-answers = no respondent could be scored: the input holds no answers
all-skipped = no respondent could be scored: { $count ->
    [one] the only respondent was
   *[other] all { $count } respondents were
} skipped for the problems above; mend them and score again
report-too-many-previous = { $count } earlier assessments named with --previous; a report takes at most { $max }: leave out the oldest
report-previous-without-path = --previous needs the current assessment too: pyramid report PATH --previous OLDER --output FILE
report-no-history = there is no self-test with this model in your history to report on: take the self-test (pyramid), or name an assessment: pyramid report PATH --output FILE
compare-one-with-one = { $file } holds { $count ->
    [one] 1 respondent
   *[other] { $count } respondents
}; compare one respondent with one, or teams with --summary
not-a-terminal = the self-test asks its questions in a terminal, but standard input or standard error is not one.
    To score answers without a terminal, write them in an answer file (see `pyramid questions` for the ids and keys) and score it with `pyramid score FILE`.
save-folder-missing = cannot save answers to { $file }: the folder { $folder } does not exist
save-over-progress = --save { $file } names the file where the self-test keeps its progress, which is removed when the test ends; choose another file
target-not-a-pair = --target { $spec }: `{ $value }` is not NAME=STAGE; write for example stage=3 or traffic=3
target-not-a-stage = --target { $spec }: `{ $value }` is not a stage: use a number from 1 to { $top }
target-stage-twice = --target { $spec }: `stage` is named twice; name it once
target-pillar-twice = --target { $spec }: `{ $value }` is named twice; give each pillar one target stage
target-unknown-pillar = --target { $spec }: `{ $value }` is not a pillar; use stage or one of: { $known }
target-no-stage = --target { $spec }: the target names no stage; write for example stage=3
survey-empty = { $file }: the file is empty; a survey export has a header row and a row per respondent
no-question-columns = { $file }: no column is a question of the bank `{ $bank }`. A question column's header must be the question's id (such as `{ $example }`) or its full text in one of the bank's languages ({ $languages }); `pyramid questions` lists them. Headers found: { $count ->
    [0] none
   *[other] { $found }
}
survey-no-respondents = { $file }: the table has a header row but no respondents; export it again once answers are in
question-twice = { $file }: columns { $first } and { $second } both hold question `{ $question }`; remove one
question-twice-mapped = { $file }: columns { $first } and { $second } both hold question `{ $question }` (column { $mapped } through --map { $map }); change --map, or remove one of the columns
not-a-scores-document = { $place }: not a scores document: { $reason }
scores-document-newer = { $file }: a scores document of version { $version }, written by a newer pyramid; this one reads version { $known }: update pyramid, or score the answers again
scores-for-another-bank = { $file }: these scores are for the bank `{ $named }`, not `{ $bank }`
score-out-of-range = { $file }: the score of pillar `{ $pillar }` is not a whole number from 0 to 100
no-score-for-pillar = { $file }: no score for pillar `{ $pillar }`
scores-document-empty = { $file }: a scores document has `respondents` or `summary`
spreadsheet-cannot-open = { $file }: cannot open the spreadsheet
spreadsheet-too-many-parts = { $file }: the spreadsheet has { $count } parts, over the limit of { $limit }; it is not a survey export
spreadsheet-no-sheets = { $file }: the spreadsheet has no sheets
spreadsheet-missing-part = { $file }: cannot open the spreadsheet: it has no { $part }
sheet-cannot-read = { $file }: cannot read the first sheet
sheet-too-many-cells = { $file }: the sheet holds over { $limit } cells (a million respondents with twenty answers); split it, or export it as CSV
part-cannot-read = { $file }: cannot read the part { $part }
part-cannot-unpack = { $file }: cannot unpack the part { $part }
part-not-xml = { $file }: the part { $part } is not valid XML: { $reason }
part-too-big = { $file }: the part { $part } unpacks to { $size } MiB, over the limit of { $limit } MiB; it is not a survey export
part-unpacks-over = { $file }: the part { $part } unpacks to over { $limit } MiB (its size in the zip is wrong)
part-cell-too-long = { $file }: the part { $part } holds a cell or tag over { $limit } MiB; it is not a survey export
part-declaration = { $file }: the part { $part } holds a DOCTYPE, comment or CDATA section, which spreadsheet programs do not write
cell-too-big = { $file }: a cell is over { $limit } MiB; it is not a survey export
cell-beyond-last-column = { $place }: a cell lies beyond the last column (XFD); it is not a survey export
table-in-table = { $file }: a table inside a table; it is not a survey export
shared-strings-too-big = { $file }: the shared strings of the spreadsheet are over { $limit } MiB; it is not a survey export
missing-shared-string = { $place }: a cell refers to shared string { $raw }, which the spreadsheet does not have
no-such-model = there is no bundled model `{ $name }`; the models are: { $models } (see `pyramid models`), or load a file with --bank FILE

## Question banks, for their authors. Each message says what is wrong; its
## .fix how to mend it. $language is a language's name, $code its code.

bank-invalid = { $file } is not a valid question bank ({ $count ->
    [one] 1 problem
   *[other] { $count } problems
}):
bank-text-too-long = the text is { $length } characters long, over the limit of { $limit }
    .fix = shorten it: a question, label or piece of advice is read in seconds
bank-text-control-character = the text holds the control character { $character }, which is shown written out
    .fix = remove it: a terminal would take it as a command to move the cursor, change colour or reverse text
bank-text-other-language = `{ $code }` is not one of the bank's languages ({ $languages }), so this text is never shown
    .fix = add `{ $code }` to `languages:`, or remove the text
bank-text-missing-declared = the { $language } text is missing
    .fix = add `{ $code }:` with the text in { $language }: the bank's languages are { $languages }
bank-text-missing = the text is missing
    .fix = add the text in each language: { $languages }
bank-text-missing-one = the { $language } text is missing; another language is shown instead
    .fix = add `{ $code }:` with the text in { $language }
bank-bad-id = { $what ->
    [bank] the bank id
    [question] the question id
    [option] the option key
    [phase] the phase id
   *[pillar] the pillar id
} `{ $id }` is not a short ASCII id
    .fix = use 1 to { $limit } lower-case letters, digits, `-` or `_`, starting with a letter or digit
bank-id-twice = { $what ->
    [question] question id
    [option] option key
    [phase] phase id
   *[pillar] pillar id
} `{ $id }` is used twice
    .fix = give every { $what ->
        [question] question id
        [option] option key
        [phase] phase id
       *[pillar] pillar id
    } its own id
bank-language-twice = `{ $code }` is listed twice
    .fix = list each language once
bank-min-answers-zero = min_answers_per_pillar is 0
    .fix = set it to 1 or more: a pillar needs at least one real answer to be scored
bank-no-such-stage = stage { $level } does not exist
    .fix = use a stage level from 1 to { $count }
bank-stage-count = the bank has { $count } stages
    .fix = list from { $min } to { $max } stages, lowest first
bank-first-stage = the lowest stage starts at { $min }
    .fix = set min_score of the first stage to 0, so every score has a stage
bank-thresholds-rise = min_score { $min } is not above the previous stage's { $before }
    .fix = thresholds must rise from stage to stage
bank-threshold-over = min_score { $min } is above 100
    .fix = scores run from 0 to 100
bank-pillar-count = the bank has { $count } pillars
    .fix = list from 1 to { $max } pillars
bank-pillar-few-questions = pillar `{ $pillar }` has { $count ->
    [one] 1 question
   *[other] { $count } questions
}, fewer than min_answers_per_pillar ({ $needed })
    .fix = add questions for this pillar or lower rules.min_answers_per_pillar
bank-no-advice = pillar `{ $pillar }` has no advice for stage { $level }; none is shown there
    .fix = add an advice entry with `stage: { $level }`
bank-advice-twice = pillar `{ $pillar }` has two advice entries for stage { $level }
    .fix = keep one entry for each stage
bank-steps-count = { $count } next steps given
    .fix = give from 1 to 5 concrete next steps (2 or 3 read best)
bank-unknown-phase = phase `{ $phase }` is not in the cycle
    .fix = use the id of a phase listed under `cycle:`, or leave `phase` out
bank-no-questions = the bank has no questions
    .fix = add questions under `questions:`
bank-unknown-pillar = pillar `{ $pillar }` is not defined
    .fix = use one of: { $known }
bank-weight = weight { $weight } is out of range
    .fix = use a whole number from 1 to { $max }, or leave `weight` out for 1
bank-few-options = question `{ $question }` has { $count } options
    .fix = give at least 2 options
bank-many-options = question `{ $question }` has { $count } options, over the limit of { $limit }
    .fix = split it into questions with fewer options
bank-same-label = two options of `{ $question }` have the same { $language } label
    .fix = give every option its own label, so answers given as labels are unambiguous
bank-reserved-key = `{ $key }` is reserved for "don't know"
    .fix = pick another key; set `dont_know: true` on the question to allow that answer
bank-level-not-a-stage = level { $level } is not a stage
    .fix = use a level from 1 to { $count }
bank-scale-end = no option of `{ $question }` has level { $level }
    .fix = the options must reach both ends of the scale: level 1 and level { $count }
bank-stage-unreached = no option has level { $level }, so no single answer points to this stage
    .fix = give some questions an option at this level, or merge the stage with a neighbour
bank-over-budget = { $words } { $language } words to read, more than the five-minute budget of { $budget }
    .fix = shorten question texts and labels, or ask fewer questions
bank-long-label = the { $language } label is { $length } characters long
    .fix = keep labels at most { $max } characters, so each option fits one line of an 80-column terminal
bank-empty = the file is empty
    .fix = a bank needs id, title, dont_know, rules, stages, pillars and questions; see `pyramid questions --format yaml` for the built-in one
bank-nested = nested more than { $limit } levels deep
    .fix = a bank nests a few levels; check that this is the right file
bank-looks-like-answers = { $reason }
    .fix = this looks like an answer file: score it with `pyramid score FILE`
bank-unknown-field = { $reason }
    .fix = remove or rename this field: the message lists the fields a bank has
bank-duplicate-key = { $reason }
    .fix = a key may appear once in a mapping: remove or rename one of the two
bank-yaml-syntax = { $reason }
    .fix = fix the YAML syntax here: check the indentation, and put a text that contains `: ` or starts with a special character (`[`, `{"{"}`, `*`, `&`, `#`) in quotes
bank-field-shape = { $reason }
    .fix = check the spelling and indentation of this field against the bank format (the README's "The question bank" lists every field)
not-an-answer-file = { $place }: not an answer file: { $reason }; { $looks ->
    [bank] this looks like a question bank: use it with --bank FILE
   *[other] an answer file has `respondent`, `bank` and `answers: {"{"}id: key{"}"}`
}
new-bank-pillars = give 1 to { $max } pillars, comma separated: --pillars people,process,tools
new-bank-pillar-twice = pillar `{ $pillar }` is named twice
progress-bank-changed = the questions or options have changed since these answers were saved
progress-answers-unmatched = { $count ->
    [one] 1 answer matches
   *[other] { $count } answers match
} no option
csv-record-too-long = { $line ->
    [0] {""}
   *[other] line { $line }: {""}
}a line or cell is over { $limit } MiB: not a survey export (a cell may hold a whole file, or a quote is never closed)

## Campaigns and their database.

campaign-created = Campaign "{ $name }" created ({ $model }); the respondents' link is { $link } on the server. Database: { $db }
campaign-closed = Campaign "{ $name }" is closed: its link stores no more answers.
campaign-erased = Campaign "{ $name }" is erased, with every answer in it.
history-kept = kept in your history as self-test { $number }: `pyramid history` lists them, `pyramid compare` compares the last two
history-not-kept = the result could not be kept in your history ({ $reason })
history-too-short = { $count ->
    [0] there is no self-test in your history yet
    [one] there is only one self-test in your history
   *[other] there are { $count } self-tests in your history
}: comparing needs two; take the self-test (pyramid) again, or name two assessments: pyramid compare OLD NEW
self-test-unknown = there is no self-test { $number } in the history ({ $count ->
    [one] 1 is kept
   *[other] { $count } are kept
}); pyramid history lists them
self-test-for-another-bank = self-test { $number } was taken with { $model }, not { $bank }; choose that model with --model { $model }
history-none = No self-test kept yet: take one with `pyramid`.
history-column-number = #
history-column-date = Date (UTC)
history-column-respondent = Respondent
campaign-backed-up = Copied { $db } to { $file }: every campaign as it was at this moment (a server may keep running meanwhile).
campaign-imported = { $count ->
    [one] 1 respondent imported into "{ $name }", finished.
   *[other] { $count } respondents imported into "{ $name }", finished.
}
campaign-exported = { $count ->
    [one] 1 answer file of "{ $name }" written
   *[other] { $count } answer files of "{ $name }" written
} to { $folder }{ $unfinished ->
    [0] .
    [one] ; 1 respondent who has not finished is left out.
   *[other] ; { $unfinished } respondents who have not finished are left out.
}
export-folder-not-empty = { $folder } is not an empty folder; name a new or empty folder, so that the answer files are not mixed with others
respondent-erased = { $count ->
    [one] The answers of { $respondent } are
   *[other] The answers of { $count } respondents named { $respondent } are
} erased from campaign "{ $name }".
campaign-none = No campaigns yet; create one with: pyramid campaign new NAME
campaign-column-name = Campaign
campaign-column-model = Model
campaign-links = Links for respondents (on the server):
campaign-column-finished = Finished
campaign-column-unfinished = Unfinished
campaign-column-status = Status
campaign-status = { $status ->
    [closed] closed
   *[open] open
}
campaign-exists = there is already a campaign named "{ $name }"; choose another name, or erase the old one with: pyramid campaign erase "{ $name }"
campaign-unknown = there is no campaign named "{ $name }"; { $count ->
    [0] the database holds none yet
   *[other] the campaigns are: { $known }
}
campaign-no-respondent = campaign "{ $campaign }" has no respondent named "{ $respondent }"
campaign-bad-name = "{ $name }" cannot name a campaign: use 1 to { $max } characters, not only spaces, and no control characters
db-cannot-open = cannot open the database { $file }
db-cannot-upgrade = cannot upgrade the database { $file } to this version of pyramid
db-newer = { $file } was written by a newer pyramid (database version { $version }; this one reads up to { $known }); update pyramid, the file is left as it is
db-not-sqlite = { $file } is not a pyramid database (not an SQLite file); name another file with --db, the file is left as it is
db-no-default = this system has no data folder for pyramid's database; name a file with --db FILE
respondent-unknown = this answer belongs to no respondent of an open campaign
campaign-for-another-bank = campaign "{ $name }" was made with the model `{ $model }`, not `{ $bank }`; score it with --model { $model }

## The web form.

web-languages = Language
web-who-sees = Your answers go to the organisers of "{ $campaign }", who see them with everyone else's.
web-name = Name
web-start = Start
web-next = Next
web-choose-one = Choose one of the answers.
web-download = Download your answers (YAML, for pyramid score)
web-closed = The campaign "{ $campaign }" is closed: no more answers are taken.
web-try-again = This could not be saved just now. Wait a moment, then go back and send the page again; your earlier answers are kept.
serve-listening = Listening on { $address } (database { $db }); the open campaigns' links:
serve-not-encrypted = { $address } is reachable from other machines, and its traffic is not encrypted; put a TLS reverse proxy (Caddy, nginx) in front, or bind 127.0.0.1
serve-bad-address = `{ $bind }` is not an address and port; write for example 127.0.0.1:8080, or 127.0.0.1:0 for a free port
serve-cannot-bind = cannot listen on { $bind }
serve-cannot-start = cannot start the server
serve-admin = Admin: { $url }
serve-writer-stopped = the server is stopping and stores no more answers
serve-stopped = Stopped; every answer is in { $db }.
serve-cannot-save = an answer could not be saved ({ $reason }); the respondent was asked to try again
admin-title = Campaigns
admin-counts = { $finished ->
    [one] 1 respondent finished
   *[other] { $finished } respondents finished
}, { $unfinished } still answering
admin-token-weak = the admin token in { $file } is shorter than 32 characters or holds spaces or control characters; write a longer one, or delete the file to have one made
admin-new-campaign = New campaign
admin-campaign-name = Name of the campaign
admin-model = Model
admin-anonymous = Anonymous: do not ask for names
admin-create = Create
admin-link = Link for the respondents
admin-qr = QR code of the link
admin-present = Presenter view
admin-downloads = Downloads
admin-report = Report (HTML)
admin-scores-csv = Scores (CSV)
admin-scores-json = Scores and team summary (JSON)
admin-manage = Manage
admin-close = Close the campaign
admin-erase = Erase the campaign
admin-erase-explain = This erases the campaign "{ $campaign }" and every answer in it, for good. Type its name to confirm.
admin-erase-name = Name of the campaign to erase
admin-erase-button = Erase for good
admin-erase-mismatch = The name you typed is not the campaign's name: nothing was erased.
admin-nobody-yet = Nobody has finished yet.
admin-answered = { $count ->
    [one] 1 person has answered
   *[other] { $count } people have answered
}
admin-reveal = Show the team's pyramid
admin-hide = Hide the pyramid
admin-live = Updated every { $seconds } seconds
admin-pause = Pause updates
admin-paused = Updates paused
admin-resume = Resume updates
