//! One module per console screen: UI only; the network is in `officer::api`.

pub mod audit;
pub mod catalogue;
mod confirm;
mod erase;
pub mod event_poster;
pub mod events;
pub mod export;
pub mod inbox;
pub mod keywords;
mod paging;
mod response_views;
pub mod responses;
pub mod responses_print;
pub mod results;
pub mod settings;
pub mod sign_in;
pub mod survey_editor;
mod survey_question;
pub mod survey_results;
pub mod surveys;
mod view_card;
