//! The builder's questions, in order: each in a fieldset of its own with its code, kind, words in both
//! languages, choices, show-if rule and tags, and buttons to move or remove it. Drawn again only when the
//! form's shape changes (`Editor::reshape`); typing changes the form, never the page's structure.

use leptos::prelude::*;
use yoursay_core::form::{Choice, Kind, MultiChoice};
use yoursay_core::{Bilingual, Language};

use super::survey_editor::Editor;
use crate::form_edit::{
    change_kind, choices_path, field_id, move_item, new_choice, new_question, rule_choices, set_rule_target,
    show_if_targets, Slot, KINDS,
};
use crate::i18n::{officer::Key, I18n};
use crate::ui::{check_box, fill, focus, item_options, toggle, Checks, Group, SelectBox};

fn kind_key(name: &str) -> Key {
    match name {
        "easy3" => Key::BuilderKindEasy3,
        "frequency" => Key::BuilderKindFrequency,
        "single" => Key::BuilderKindSingle,
        "multi" => Key::BuilderKindMulti,
        "text" => Key::BuilderKindText,
        "service_promise_grid" => Key::BuilderKindGrid,
        _ => Key::BuilderKindFaces,
    }
}

/// Words with the item's number filled in ("Move question 2 up"), following the language.
fn numbered(i18n: I18n, key: Key, n: usize) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    move || fill(i18n.t(key), &[("n", n.to_string())])
}

/// Focuses an element once the list has been drawn again.
fn focus_later(id: String) {
    request_animation_frame(move || focus(&id));
}

#[component]
pub fn Questions(ed: Editor) -> impl IntoView {
    let i18n = ed.i18n;
    let list_error = ed.error("questions".into());
    let add = move |_| {
        let n = ed.form.with_untracked(|f| f.questions.len());
        ed.reshape(|f| {
            let q = new_question(f);
            f.questions.push(q);
        });
        focus_later(field_id(&format!("questions[{n}].code")));
    };
    view! {
        <section class="questions" aria-labelledby="survey-questions"
            aria-describedby=move || list_error.with(|e| e.is_some()).then_some("survey-questions-error")>
            <h2 id="survey-questions" tabindex="-1">{i18n.tr(Key::BuilderQuestions)}</h2>
            {move || list_error.get().map(|t| crate::ui::error_note(Some("survey-questions-error".into()), t))}
            {move || {
                ed.shape.track();
                let count = ed.form.with_untracked(|f| f.questions.len());
                if count == 0 {
                    return view! { <p>{i18n.tr(Key::BuilderNoQuestions)}</p> }.into_any();
                }
                (0..count).map(|i| question(ed, i, count)).collect_view().into_any()
            }}
            <button type="button" class="button secondary" id="survey-add-question" on:click=add>
                {i18n.tr(Key::BuilderAddQuestion)}
            </button>
        </section>
    }
}

fn question(ed: Editor, i: usize, count: usize) -> impl IntoView {
    let (i18n, form) = (ed.i18n, ed.form);
    let at = move |rest: &str| format!("questions[{i}].{rest}");
    let kind = form.with_untracked(|f| f.questions[i].kind.clone());
    let kinds = Signal::derive(move || KINDS.iter().map(|k| (k.to_string(), i18n.t(kind_key(k)).to_owned())).collect());
    let kind_name = kind.name().to_owned();
    let set_kind = move |name: String| {
        ed.reshape(|f| {
            if let Some(q) = f.questions.get_mut(i) {
                q.kind = change_kind(&q.kind, &name);
            }
        });
        focus_later(field_id(&format!("questions[{i}].kind")));
    };
    let move_to = move |up: bool| {
        let mut to = None;
        ed.reshape(|f| to = move_item(&mut f.questions, i, up));
        if let Some(to) = to {
            let button = if up && to > 0 || !up && to + 1 == count { "up" } else { "down" };
            focus_later(format!("survey-question-{to}-{button}"));
        }
    };
    let remove = move |_| {
        ed.reshape(|f| {
            f.questions.remove(i);
        });
        focus_later("survey-add-question".into());
    };
    let settings = match &kind {
        Kind::Single(_) | Kind::Multi(_) => choices_view(ed, i, &kind).into_any(),
        Kind::Text(_) => view! {
            {ed.text_box(Slot::MaxChars(i), Language::En, Key::BuilderMaxChars, None)}
            {check_box(
                field_id(&at("kind.text.promise_tags")),
                i18n.tr(Key::BuilderPromiseTags),
                move || form.with(|f| matches!(f.questions.get(i).map(|q| &q.kind), Some(Kind::Text(t)) if t.promise_tags)),
                move |on| form.update(|f| if let Some(Kind::Text(t)) = f.questions.get_mut(i).map(|q| &mut q.kind) { t.promise_tags = on }),
            )}
        }
        .into_any(),
        _ => ().into_any(),
    };
    view! {
        <fieldset class="question" id=format!("survey-question-{i}") data-index=i>
            <legend>{numbered(i18n, Key::BuilderQuestionN, i + 1)}</legend>
            <div class="two-columns">
                {ed.text_box(Slot::QuestionCode(i), Language::En, Key::BuilderQuestionCode, None)}
                <SelectBox id=field_id(&at("kind")) label=i18n.tr(Key::BuilderKind) options=kinds
                    selected=Signal::stored(kind_name) on_change=set_kind error=ed.error(at("kind")) />
            </div>
            {ed.pair(Slot::Prompt(i), (Key::BuilderPromptEn, Key::BuilderPromptCy), Some(2))}
            {ed.pair(Slot::Help(i), (Key::BuilderHelpEn, Key::BuilderHelpCy), Some(2))}
            {check_box(
                field_id(&at("required")),
                i18n.tr(Key::BuilderRequired),
                move || form.with(|f| f.questions.get(i).is_some_and(|q| q.required)),
                move |on| form.update(|f| if let Some(q) = f.questions.get_mut(i) { q.required = on }),
            )}
            {settings}
            {show_if_view(ed, i)}
            {tags_view(ed, i)}
            <div class="actions">
                {(i > 0).then(|| view! {
                    <button type="button" class="button secondary" id=format!("survey-question-{i}-up") on:click=move |_| move_to(true)>
                        {numbered(i18n, Key::BuilderMoveUp, i + 1)}
                    </button>
                })}
                {(i + 1 < count).then(|| view! {
                    <button type="button" class="button secondary" id=format!("survey-question-{i}-down") on:click=move |_| move_to(false)>
                        {numbered(i18n, Key::BuilderMoveDown, i + 1)}
                    </button>
                })}
                <button type="button" class="button secondary" on:click=remove>{numbered(i18n, Key::BuilderRemove, i + 1)}</button>
            </div>
        </fieldset>
    }
}

/// Changes question `i`'s choices (of either choice kind) and draws the list again.
fn edit_choices(ed: Editor, i: usize, change: impl FnOnce(&mut Vec<Choice>)) {
    ed.reshape(|f| match f.questions.get_mut(i).map(|q| &mut q.kind) {
        Some(Kind::Single(c)) | Some(Kind::Multi(MultiChoice { choices: c, .. })) => change(c),
        _ => {}
    });
}

fn choices_view(ed: Editor, i: usize, kind: &Kind) -> impl IntoView {
    let (i18n, form) = (ed.i18n, ed.form);
    let path = form.with_untracked(|f| choices_path(f, i));
    let (count, none) = match kind {
        Kind::Single(c) => (c.len(), None),
        Kind::Multi(m) => (m.choices.len(), Some(m.none_of_these.is_some())),
        _ => (0, None),
    };
    let add = move |_| {
        edit_choices(ed, i, |c| c.push(new_choice(c)));
        focus_later(field_id(&format!("{}[{count}].code", form.with_untracked(|f| choices_path(f, i)))));
    };
    let choice = move |j: usize| {
        let button = move |key: Key, change: fn(&mut Vec<Choice>, usize)| {
            view! {
                <button type="button" class="button secondary" on:click=move |_| {
                    edit_choices(ed, i, move |c| change(c, j));
                    focus_later(format!("survey-question-{i}-add-choice"));
                }>{numbered(i18n, key, j + 1)}</button>
            }
        };
        view! {
            <fieldset class="choice-item">
                <legend>{numbered(i18n, Key::BuilderChoiceN, j + 1)}</legend>
                {ed.text_box(Slot::ChoiceCode(i, j), Language::En, Key::BuilderChoiceCode, None)}
                {ed.pair(Slot::ChoiceLabel(i, j), (Key::BuilderLabelEn, Key::BuilderLabelCy), None)}
                <div class="actions">
                    {(j > 0).then(|| button(Key::BuilderChoiceUp, |c, j| { move_item(c, j, true); }))}
                    {(j + 1 < count).then(|| button(Key::BuilderChoiceDown, |c, j| { move_item(c, j, false); }))}
                    {button(Key::BuilderRemoveChoice, |c, j| { c.remove(j); })}
                </div>
            </fieldset>
        }
    };
    let none_view = none.map(|offered| {
        view! {
            {check_box(
                field_id(&format!("questions[{i}].kind.multi.offer_none")),
                i18n.tr(Key::BuilderNoneOffer),
                move || offered,
                move |on| ed.reshape(|f| {
                    if let Some(Kind::Multi(m)) = f.questions.get_mut(i).map(|q| &mut q.kind) {
                        m.none_of_these = on.then(|| Bilingual::new("", ""));
                    }
                }),
            )}
            {offered.then(|| ed.pair(Slot::NoneOfThese(i), (Key::BuilderNoneEn, Key::BuilderNoneCy), None))}
        }
    });
    view! {
        <Group id=field_id(&path) legend=i18n.tr(Key::BuilderChoices) error=ed.error(path.clone()) class="choices">
            {(0..count).map(choice).collect_view()}
            <button type="button" class="button secondary" id=format!("survey-question-{i}-add-choice") on:click=add>
                {i18n.tr(Key::BuilderAddChoice)}
            </button>
        </Group>
        {none_view}
    }
}

fn show_if_view(ed: Editor, i: usize) -> impl IntoView {
    let (i18n, form) = (ed.i18n, ed.form);
    let at = move |rest: &str| format!("questions[{i}].show_if{rest}");
    let target = Memo::new(move |_| {
        form.with(|f| {
            f.questions.get(i).and_then(|q| q.show_if.as_ref()).map(|r| r.question.clone()).unwrap_or_default()
        })
    });
    let targets = Memo::new(move |_| {
        let lang = i18n.lang.get();
        let always = (String::new(), i18n.t(Key::BuilderShowAlways).to_owned());
        form.with(|f| {
            let earlier = show_if_targets(f, i).into_iter().map(|(code, n)| {
                let prompt = f.question(&code).map(|q| q.prompt.get(lang).trim().to_owned()).unwrap_or_default();
                let words = if prompt.is_empty() { code.clone() } else { prompt };
                (code, format!("{n}. {words}"))
            });
            std::iter::once(always).chain(earlier).collect::<Vec<_>>()
        })
    });
    let choices = Memo::new(move |_| {
        let lang = i18n.lang.get();
        form.with(|f| rule_choices(f, &target.get(), lang, i18n.t(Key::BuilderNoneOfThese)))
    });
    let chosen = Memo::new(move |_| {
        form.with(|f| f.questions.get(i).and_then(|q| q.show_if.as_ref()).map(|r| r.any_of.clone()).unwrap_or_default())
    });
    let any_of_id = field_id(&at(".any_of"));
    let any_of_error = ed.error(at(".any_of"));
    view! {
        <Group id=field_id(&at("")) legend=i18n.tr(Key::BuilderShowIf) error=ed.error(at("")) class="show-if">
            <SelectBox id=field_id(&at(".question")) label=i18n.tr(Key::BuilderShowIfQuestion) options=targets
                selected=target on_change=move |v: String| form.update(|f| set_rule_target(f, i, &v))
                error=ed.error(at(".question")) />
            {move || (!target.get().is_empty()).then(|| view! {
                <Checks id=any_of_id.clone() legend=i18n.tr(Key::BuilderShowIfChoices) options=choices chosen=chosen
                    error=any_of_error
                    on_toggle=move |code: String| form.update(|f| {
                        if let Some(rule) = f.questions.get_mut(i).and_then(|q| q.show_if.as_mut()) {
                            toggle(&mut rule.any_of, &code);
                        }
                    }) />
            })}
        </Group>
    }
}

fn tags_view(ed: Editor, i: usize) -> impl IntoView {
    let (i18n, form, catalogue) = (ed.i18n, ed.form, ed.catalogue);
    let group = move |list: &'static str, legend: Key| {
        let path = format!("questions[{i}].tags.{list}");
        let promises = list == "promises";
        let options = Memo::new(move |_| {
            catalogue.with(|c| {
                c.as_ref()
                    .map(|c| item_options(i18n, if promises { &c.promises } else { &c.services }))
                    .unwrap_or_default()
            })
        });
        let chosen = Memo::new(move |_| {
            form.with(|f| {
                f.questions
                    .get(i)
                    .map(|q| if promises { q.tags.promises.clone() } else { q.tags.services.clone() })
                    .unwrap_or_default()
            })
        });
        view! {
            <Checks id=field_id(&path) legend=i18n.tr(legend) options=options chosen=chosen error=ed.error(path.clone())
                on_toggle=move |code: String| form.update(|f| {
                    if let Some(q) = f.questions.get_mut(i) {
                        toggle(if promises { &mut q.tags.promises } else { &mut q.tags.services }, &code);
                    }
                }) />
        }
    };
    view! {
        {group("promises", Key::ResponsesPromises)}
        {group("services", Key::ResponsesServices)}
    }
}
