//! The built-in question bank: shape, five-minute budget, screen fit.

use pyramid::input::bank_file;
use pyramid::lang::Lang;
use pyramid::model::bank::Bank;

fn bank() -> Bank {
    bank_file::builtin().expect("the built-in bank is valid")
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

#[test]
fn fifteen_questions_over_four_pillars_at_least_three_each() {
    let bank = bank();
    assert_eq!(bank.questions.len(), 15);
    let ids: Vec<&str> = bank.pillars.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["strategy", "platform", "traffic", "conversion"]);
    for pillar in &bank.pillars {
        let count = bank
            .questions
            .iter()
            .filter(|q| q.pillar == pillar.id)
            .count();
        assert!(count >= 3, "{} has {count} questions", pillar.id);
    }
}

#[test]
fn every_question_has_four_options_one_per_level() {
    for question in &bank().questions {
        let mut levels: Vec<u8> = question.options.iter().map(|o| o.level).collect();
        levels.sort_unstable();
        assert_eq!(levels, [1, 2, 3, 4], "{}", question.id);
    }
}

#[test]
fn four_stages_named_after_the_learning_ladder() {
    let bank = bank();
    let names: Vec<&str> = bank.stages.iter().map(|s| s.name.own(Lang::EN)).collect();
    assert_eq!(
        names,
        [
            "Unconsciously incompetent",
            "Consciously incompetent",
            "Consciously competent",
            "Unconsciously competent"
        ]
    );
    assert_eq!(bank.stages[0].name.own(Lang::NL), "Onbewust onbekwaam");
}

#[test]
fn the_pyramid_bank_is_written_in_dutch_english_and_french() {
    let bank = bank();
    assert_eq!(bank.languages(), [Lang::NL, Lang::EN, Lang::FR]);
    assert_eq!(
        bank.stages[0].name.own(Lang::FR),
        "Inconsciemment incompétent"
    );
    // Every text has its own French, not a copy of another language.
    for question in &bank.questions {
        let fr = question.text.own(Lang::FR);
        assert!(
            !fr.is_empty() && fr != question.text.own(Lang::EN),
            "{}",
            question.id
        );
    }
}

#[test]
fn questions_and_options_read_in_five_minutes_in_each_language() {
    let bank = bank();
    for lang in bank.languages() {
        let total: usize = bank
            .questions
            .iter()
            .map(|q| {
                let dont_know = if q.dont_know {
                    words(bank.dont_know.get(lang))
                } else {
                    0
                };
                words(q.text.get(lang))
                    + q.options
                        .iter()
                        .map(|o| words(o.label.get(lang)))
                        .sum::<usize>()
                    + dont_know
            })
            .sum();
        assert!(total <= 1000, "{} words in {}", total, lang.code());
        // Not a stub either: fifteen real questions take some words.
        assert!(total >= 400, "{} words in {}", total, lang.code());
    }
}

#[test]
fn option_labels_fit_one_line_of_an_eighty_column_terminal() {
    // dialoguer draws each option on one line after a 2-column marker.
    for question in &bank().questions {
        for option in &question.options {
            for lang in bank().languages() {
                let label = option.label.get(lang);
                assert!(
                    label.chars().count() <= 72,
                    "{} {}: {label}",
                    question.id,
                    option.key
                );
            }
        }
    }
}

#[test]
fn every_pillar_has_advice_with_two_or_three_steps_for_every_stage() {
    let bank = bank();
    for pillar in &bank.pillars {
        for stage in 1..=4u8 {
            let advice = pillar
                .advice
                .iter()
                .find(|a| a.stage == stage)
                .expect("advice for stage");
            assert!(
                (2..=3).contains(&advice.steps.len()),
                "{} stage {stage}",
                pillar.id
            );
            for step in &advice.steps {
                let phase = step.phase.as_deref().expect("step names its cycle phase");
                assert!(bank.phase(phase).is_some());
            }
        }
    }
}

#[test]
fn the_cycle_is_the_roadmap() {
    let ids: Vec<String> = bank().cycle.iter().map(|p| p.id.clone()).collect();
    assert_eq!(
        ids,
        [
            "vision",
            "plan",
            "structure",
            "do",
            "measure",
            "evaluate",
            "optimise"
        ]
    );
}

/// Every Dutch text of a bank: title, stages, phases, pillars, advice,
/// steps, questions and options.
fn dutch_texts(bank: &mut Bank) -> Vec<String> {
    let mut texts = Vec::new();
    bank.for_each_text_mut(|text| texts.push(text.own(Lang::NL).to_string()));
    texts
}

#[test]
fn dutch_bank_texts_say_jullie_to_the_organisation_never_je() {
    // The rule of the source text: "je" for the person at the keyboard,
    // "jullie" for the team or organisation. Every bank text speaks about
    // the organisation (options speak as "we").
    for (name, _, _) in bank_file::MODELS {
        let mut bank = bank_file::model(name).expect("bundled model");
        for text in dutch_texts(&mut bank) {
            let found = text.split(|c: char| !c.is_alphanumeric()).find(|word| {
                matches!(
                    word.to_lowercase().as_str(),
                    "je" | "jij" | "jou" | "jouw" | "jezelf" | "u" | "uw"
                )
            });
            assert_eq!(found, None, "{name}: {text:?}");
        }
    }
}

#[test]
fn next_steps_follow_the_order_of_the_improvement_cycle() {
    for (name, _, _) in bank_file::MODELS {
        let bank = bank_file::model(name).expect("bundled model");
        let position = |phase: &str| bank.cycle.iter().position(|p| p.id == phase);
        for pillar in &bank.pillars {
            for advice in &pillar.advice {
                let order: Vec<usize> = advice
                    .steps
                    .iter()
                    .filter_map(|step| step.phase.as_deref().and_then(position))
                    .collect();
                assert!(
                    order.windows(2).all(|w| w[0] <= w[1]),
                    "{name}: {} stage {}: phases out of cycle order: {order:?}",
                    pillar.id,
                    advice.stage
                );
            }
        }
    }
}

#[test]
fn halfway_between_two_levels_stays_in_the_lower_stage() {
    // A pillar answered half at level 2 and half at level 3 scores 50: it
    // gets stage 2's advice, not stage 3's.
    let bank = bank();
    let stage_of = |score: u8| {
        bank.stages
            .iter()
            .rposition(|stage| stage.min_score <= score)
            .map(|n| n + 1)
    };
    assert_eq!(stage_of(17), Some(1));
    assert_eq!(stage_of(50), Some(2));
    assert_eq!(stage_of(83), Some(3));
    assert_eq!(stage_of(84), Some(4));
}
