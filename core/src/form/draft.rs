//! What a draft must be before it is stored: anything the officer has not finished yet is allowed (Welsh
//! still missing, a question without choices), but never beyond the publishing rules' bounds (texts too
//! long, too many questions, choices or tags), so a stored draft is always one a version could grow from.
//! The bounds are the publishing rules' own: one definition of each.

use super::{Form, PublishedForm};
use crate::catalogue::Catalogue;
use crate::error::{ErrorCode, FieldError};

/// `Ok` when `form` may be stored as a draft; otherwise every bound it breaks, named by path.
pub fn check_draft(form: &Form, catalogue: &Catalogue) -> Result<(), Vec<FieldError>> {
    let beyond: Vec<FieldError> = publish_problems(form, catalogue)
        .into_iter()
        .filter(|e| matches!(e.code, ErrorCode::TooLong | ErrorCode::TooMany))
        .collect();
    if beyond.is_empty() {
        Ok(())
    } else {
        Err(beyond)
    }
}

/// Everything publishing `form` on its own would refuse (the rules between versions aside).
pub fn publish_problems(form: &Form, catalogue: &Catalogue) -> Vec<FieldError> {
    PublishedForm::parse(form, 1, catalogue).err().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::default_catalogue;
    use crate::form::starting_points;

    #[test]
    fn an_unfinished_draft_may_be_stored() {
        let mut form = starting_points::coffee_and_catch_up();
        form.title.cy.clear();
        form.questions[0].prompt.cy.clear();
        assert_eq!(check_draft(&form, &default_catalogue()), Ok(()));
        let problems: Vec<String> =
            publish_problems(&form, &default_catalogue()).into_iter().map(|e| e.field).collect();
        assert_eq!(problems, ["title.cy", "questions[0].prompt.cy"]);
    }

    #[test]
    fn a_draft_beyond_the_bounds_is_refused_by_path() {
        let mut form = starting_points::care_leavers();
        form.intro.cy = "a".repeat(crate::form::MAX_INTRO_CHARS + 1);
        form.questions[1].prompt.en = "b".repeat(crate::form::MAX_PROMPT_CHARS + 1);
        form.questions[0].prompt.cy.clear();
        let errors = check_draft(&form, &default_catalogue()).unwrap_err();
        let fields: Vec<(&str, ErrorCode)> = errors.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(fields, [("intro.cy", ErrorCode::TooLong), ("questions[1].prompt.en", ErrorCode::TooLong)]);
    }

    #[test]
    fn too_many_questions_is_a_bound_even_for_a_draft() {
        let mut form = starting_points::event_feedback();
        let q = form.questions[0].clone();
        form.questions = (0..=crate::form::MAX_QUESTIONS)
            .map(|i| crate::form::Question { code: format!("q{i}"), ..q.clone() })
            .collect();
        let errors = check_draft(&form, &default_catalogue()).unwrap_err();
        assert_eq!(errors, [FieldError::new("questions", ErrorCode::TooMany)]);
    }
}
