//! Ready-made starting points the officer copies and edits: "Coffee and Catch up" for foster and kinship
//! carers, the annual consultation for young people, event feedback and a survey for care leavers.
//!
//! The topics follow what the seed councils ask about (Monmouthshire's quarterly "Coffee and Catch up"
//! sessions and the Foster Carer's Charter: support, training, inclusion in decisions, fair treatment;
//! Blaenau Gwent's annual care-experienced consultation and event feedback; care leavers' housing, money,
//! work and loneliness). Welsh addresses young people and care leavers as "ti", carers as "chi". The
//! council's Welsh language officer should read them before use, as for every text the officer publishes.
//! Each is valid by the publishing rules against the default catalogue (tested).

use super::{Audience, Choice, Form, Kind, MultiChoice, Question, ShowIf, Tags, TextLimit};
use crate::catalogue::Bilingual;

/// Every starting point, in the order the console offers them.
pub fn all() -> Vec<Form> {
    vec![coffee_and_catch_up(), annual_consultation(), event_feedback(), care_leavers()]
}

fn bi(en: &str, cy: &str) -> Bilingual {
    Bilingual::new(en, cy)
}

fn q(code: &str, kind: Kind, en: &str, cy: &str) -> Question {
    Question {
        code: code.to_owned(),
        kind,
        prompt: bi(en, cy),
        help: None,
        required: false,
        show_if: None,
        tags: Tags::default(),
    }
}

fn choices(list: &[(&str, &str, &str)]) -> Vec<Choice> {
    list.iter().map(|(code, en, cy)| Choice { code: (*code).to_owned(), label: bi(en, cy) }).collect()
}

fn single(list: &[(&str, &str, &str)]) -> Kind {
    Kind::Single(choices(list))
}

fn multi(list: &[(&str, &str, &str)], none: (&str, &str)) -> Kind {
    Kind::Multi(MultiChoice { choices: choices(list), none_of_these: Some(bi(none.0, none.1)) })
}

fn text(max_chars: u32) -> Kind {
    Kind::Text(TextLimit { max_chars, promise_tags: false })
}

impl Question {
    fn required(mut self) -> Self {
        self.required = true;
        self
    }

    fn help(mut self, en: &str, cy: &str) -> Self {
        self.help = Some(bi(en, cy));
        self
    }

    fn show_if(mut self, question: &str, any_of: &[&str]) -> Self {
        self.show_if =
            Some(ShowIf { question: question.to_owned(), any_of: any_of.iter().map(|c| (*c).to_owned()).collect() });
        self
    }

    fn about(mut self, promises: &[&str], services: &[&str]) -> Self {
        self.tags = Tags {
            promises: promises.iter().map(|c| (*c).to_owned()).collect(),
            services: services.iter().map(|c| (*c).to_owned()).collect(),
        };
        self
    }
}

const NOT_NAMES_EN: &str = "Please do not write anyone's name.";
const NOT_NAMES_CY: &str = "Peidiwch ag ysgrifennu enw neb, os gwelwch yn dda.";
const NOT_NAMES_TI: &str = "Paid ag ysgrifennu enw neb, plîs.";

/// For foster and kinship carers at the quarterly session with the Children's Services leadership team.
pub fn coffee_and_catch_up() -> Form {
    Form {
        code: "coffee_catch_up".into(),
        title: bi("Coffee and Catch up", "Paned a Sgwrs"),
        intro: bi(
            "Thank you for coming. These questions help the Children's Services leadership team understand how \
             well you are supported as a foster or kinship carer. It takes about five minutes and you do not \
             need to give your name.",
            "Diolch am ddod. Mae'r cwestiynau hyn yn helpu uwch dîm arwain y Gwasanaethau Plant i ddeall pa mor \
             dda rydych chi'n cael eich cefnogi fel gofalwr maeth neu ofalwr sy'n berthynas. Mae'n cymryd tua \
             phum munud a does dim angen i chi roi eich enw.",
        ),
        audience: Audience::Carers,
        questions: vec![
            q(
                "carer_type",
                single(&[
                    ("council_foster", "Foster carer with the council", "Gofalwr maeth gyda'r cyngor"),
                    (
                        "agency_foster",
                        "Foster carer with an independent agency",
                        "Gofalwr maeth gydag asiantaeth annibynnol",
                    ),
                    ("kinship", "Kinship carer (family or friend)", "Gofalwr sy'n berthynas (teulu neu ffrind)"),
                ]),
                "What kind of carer are you?",
                "Pa fath o ofalwr ydych chi?",
            )
            .required(),
            q(
                "support_overall",
                Kind::Faces,
                "How well do you feel supported by Children's Services?",
                "Pa mor dda ydych chi'n teimlo eich bod yn cael eich cefnogi gan y Gwasanaethau Plant?",
            )
            .required()
            .about(&["support"], &["family_support"]),
            q(
                "worker_reachable",
                Kind::Frequency,
                "When you need help, how often can you reach your supervising social worker?",
                "Pan fydd angen help arnoch chi, pa mor aml ydych chi'n gallu cael gafael ar eich gweithiwr \
                 cymdeithasol goruchwyliol?",
            )
            .about(&["support"], &["social_worker"]),
            q(
                "training_useful",
                Kind::Faces,
                "How useful has the training you were offered been?",
                "Pa mor ddefnyddiol fu'r hyfforddiant a gynigiwyd i chi?",
            ),
            q(
                "training_wanted",
                multi(
                    &[
                        ("trauma", "Understanding trauma and behaviour", "Deall trawma ac ymddygiad"),
                        ("wellbeing", "Children's emotional wellbeing", "Lles emosiynol plant"),
                        ("online_safety", "Keeping children safe online", "Cadw plant yn ddiogel ar-lein"),
                        ("education", "Supporting learning and school", "Cefnogi dysgu a'r ysgol"),
                        (
                            "independence",
                            "Preparing young people for independence",
                            "Paratoi pobl ifanc i fyw'n annibynnol",
                        ),
                    ],
                    ("None of these", "Dim un o'r rhain"),
                ),
                "Which training would help you most?",
                "Pa hyfforddiant fyddai'n eich helpu fwyaf?",
            )
            .help("Choose as many as you like.", "Dewiswch gymaint ag y dymunwch."),
            q(
                "included_in_decisions",
                Kind::Frequency,
                "How often are you included in decisions about the children you care for?",
                "Pa mor aml ydych chi'n cael eich cynnwys mewn penderfyniadau am y plant rydych chi'n gofalu \
                 amdanyn nhw?",
            )
            .about(&["togetherness"], &[]),
            q(
                "treated_fairly",
                Kind::Faces,
                "How fairly do you feel you are treated, compared with other carers?",
                "Pa mor deg ydych chi'n teimlo eich bod yn cael eich trin, o'i gymharu â gofalwyr eraill?",
            )
            .about(&["equality"], &[]),
            q(
                "kinship_allowance",
                single(&[("yes", "Yes", "Ydw"), ("partly", "Partly", "Yn rhannol"), ("no", "No", "Nac ydw")]),
                "Do you know what financial support you can get as a kinship carer?",
                "Ydych chi'n gwybod pa gymorth ariannol y gallwch chi ei gael fel gofalwr sy'n berthynas?",
            )
            .show_if("carer_type", &["kinship"]),
            q(
                "raise_today",
                text(1000),
                "Is there anything you would like to raise with the leadership team?",
                "Oes unrhyw beth yr hoffech chi ei godi gyda'r tîm arwain?",
            )
            .help(NOT_NAMES_EN, NOT_NAMES_CY),
        ],
    }
}

/// The annual care-experienced youth consultation, reported to the Corporate Parenting Board.
pub fn annual_consultation() -> Form {
    Form {
        code: "annual_consultation".into(),
        title: bi("Annual consultation: your care, your say", "Ymgynghoriad blynyddol: dy ofal, dy lais"),
        intro: bi(
            "Once a year we ask young people in care and care leavers what is going well and what needs to \
             change. What you tell us goes to the Corporate Parenting Board. You can skip any question.",
            "Unwaith y flwyddyn rydyn ni'n gofyn i bobl ifanc mewn gofal a phobl ifanc sydd wedi gadael gofal \
             beth sy'n mynd yn dda a beth sydd angen newid. Mae'r hyn rwyt ti'n ei ddweud wrthon ni yn mynd i'r \
             Bwrdd Rhianta Corfforaethol. Gelli di hepgor unrhyw gwestiwn.",
        ),
        audience: Audience::YoungPeople,
        questions: vec![
            q(
                "where_you_live",
                Kind::Easy3,
                "How do you feel about where you live?",
                "Sut wyt ti'n teimlo am y lle rwyt ti'n byw?",
            )
            .about(&["stable_home"], &[]),
            q(
                "worker_listens",
                Kind::Frequency,
                "How often does your social worker listen to what you say?",
                "Pa mor aml mae dy weithiwr cymdeithasol yn gwrando ar beth rwyt ti'n ei ddweud?",
            )
            .about(&["togetherness"], &["social_worker"]),
            q(
                "same_chances",
                Kind::Faces,
                "How well do you get the same chances as other young people?",
                "Pa mor dda wyt ti'n cael yr un cyfleoedd â phobl ifanc eraill?",
            )
            .about(&["equality"], &[]),
            q(
                "rate_services",
                Kind::ServicePromiseGrid,
                "Choose a service and tell us how well it keeps each promise.",
                "Dewisa wasanaeth, a dywed wrthon ni pa mor dda mae'n cadw pob addewid.",
            ),
            q(
                "more_help_with",
                multi(
                    &[
                        ("school", "School or college", "Ysgol neu goleg"),
                        ("health", "Health and feelings", "Iechyd a theimladau"),
                        ("hobbies", "Hobbies, sport and clubs", "Hobïau, chwaraeon a chlybiau"),
                        ("family_time", "Seeing family and friends", "Gweld teulu a ffrindiau"),
                        ("money", "Money", "Arian"),
                    ],
                    ("None of these", "Dim un o'r rhain"),
                ),
                "Which of these would you like more help with?",
                "Gyda pha rai o'r rhain hoffet ti gael mwy o help?",
            )
            .help("Choose as many as you like.", "Dewisa gymaint ag rwyt ti eisiau."),
            q(
                "who_to_see_more",
                single(&[
                    ("parents", "My mum or dad", "Fy mam neu fy nhad"),
                    ("siblings", "My brothers or sisters", "Fy mrodyr neu fy chwiorydd"),
                    ("other_family", "Other family", "Teulu arall"),
                    ("friends", "Friends", "Ffrindiau"),
                ]),
                "Who would you like to see more?",
                "Pwy hoffet ti eu gweld yn amlach?",
            )
            .show_if("more_help_with", &["family_time"])
            .about(&["togetherness"], &[]),
            q(
                "one_change",
                text(500),
                "If you could change one thing about being in care, what would it be?",
                "Petaet ti'n gallu newid un peth am fod mewn gofal, beth fyddai e?",
            )
            .help(NOT_NAMES_EN, NOT_NAMES_TI),
        ],
    }
}

/// Feedback from young people at a participation event.
pub fn event_feedback() -> Form {
    Form {
        code: "event_feedback".into(),
        title: bi("Event feedback", "Adborth am y digwyddiad"),
        intro: bi(
            "Tell us what you thought of today, so the next event is even better. It takes one minute.",
            "Dywed wrthon ni beth oeddet ti'n ei feddwl am heddiw, er mwyn i'r digwyddiad nesaf fod hyd yn oed \
             yn well. Mae'n cymryd munud.",
        ),
        audience: Audience::YoungPeople,
        questions: vec![
            q("how_was_today", Kind::Easy3, "How was today?", "Sut oedd heddiw?").required(),
            q(
                "adults_listened",
                Kind::Faces,
                "How well did the adults listen to you today?",
                "Pa mor dda wnaeth yr oedolion wrando arnat ti heddiw?",
            )
            .about(&["togetherness"], &[]),
            q(
                "best_part",
                single(&[
                    ("activities", "The activities", "Y gweithgareddau"),
                    ("meeting_people", "Meeting other young people", "Cwrdd â phobl ifanc eraill"),
                    (
                        "decision_makers",
                        "Talking to people who make decisions",
                        "Siarad â phobl sy'n gwneud penderfyniadau",
                    ),
                    ("food", "The food", "Y bwyd"),
                    ("something_else", "Something else", "Rhywbeth arall"),
                ]),
                "What was the best part?",
                "Beth oedd y rhan orau?",
            ),
            q("best_part_other", text(300), "What else did you like?", "Beth arall wnest ti ei hoffi?")
                .show_if("best_part", &["something_else"]),
            q(
                "come_again",
                single(&[("yes", "Yes", "Byddwn"), ("maybe", "Maybe", "Efallai"), ("no", "No", "Na fyddwn")]),
                "Would you come to another event like this?",
                "Fyddet ti'n dod i ddigwyddiad arall fel hwn?",
            ),
            q(
                "make_it_better",
                text(500),
                "What would make the next event better?",
                "Beth fyddai'n gwneud y digwyddiad nesaf yn well?",
            ),
        ],
    }
}

/// For young people who have left care: home, money, work and loneliness.
pub fn care_leavers() -> Form {
    Form {
        code: "care_leavers".into(),
        title: bi("Leaving care: how are things?", "Gadael gofal: sut mae pethau?"),
        intro: bi(
            "Questions for young people who have left care, about your home, money, work and how you are \
             feeling. You can skip any question, and you do not need to give your name.",
            "Cwestiynau i bobl ifanc sydd wedi gadael gofal, am dy gartref, arian, gwaith a sut rwyt ti'n \
             teimlo. Gelli di hepgor unrhyw gwestiwn, a does dim angen i ti roi dy enw.",
        ),
        audience: Audience::CareLeavers,
        questions: vec![
            q(
                "home_now",
                single(&[
                    ("own_home", "My own flat or house", "Fy fflat neu fy nhŷ fy hun"),
                    ("supported", "Supported accommodation", "Llety â chymorth"),
                    (
                        "when_i_am_ready",
                        "With my former foster carers (When I am Ready)",
                        "Gyda fy nghyn-ofalwyr maeth (Pan Fydda i'n Barod)",
                    ),
                    ("family_friends", "With family or friends", "Gyda theulu neu ffrindiau"),
                    ("no_settled_home", "I do not have a settled home", "Does gen i ddim cartref sefydlog"),
                ]),
                "Where do you live now?",
                "Ble rwyt ti'n byw nawr?",
            )
            .required()
            .about(&["stable_home"], &["housing"]),
            q("home_feel", Kind::Faces, "How do you feel about your home?", "Sut wyt ti'n teimlo am dy gartref?")
                .about(&["stable_home"], &["housing"]),
            q(
                "housing_help",
                single(&[("yes", "Yes", "Ydw"), ("no", "No", "Nac ydw")]),
                "Do you know who to ask for help with housing?",
                "Wyt ti'n gwybod at bwy i droi am help gyda thai?",
            )
            .show_if("home_now", &["no_settled_home"])
            .about(&["stable_home"], &["housing"]),
            q(
                "money_worry",
                Kind::Frequency,
                "How often do you worry about money?",
                "Pa mor aml wyt ti'n poeni am arian?",
            )
            .about(&["thrive"], &[]),
            q(
                "doing_now",
                multi(
                    &[
                        ("paid_work", "Paid work", "Gwaith cyflogedig"),
                        ("apprenticeship", "An apprenticeship or training", "Prentisiaeth neu hyfforddiant"),
                        ("college", "College or university", "Coleg neu brifysgol"),
                        ("volunteering", "Volunteering", "Gwirfoddoli"),
                    ],
                    ("None of these at the moment", "Dim un o'r rhain ar hyn o bryd"),
                ),
                "Are you doing any of these at the moment?",
                "Wyt ti'n gwneud unrhyw un o'r rhain ar hyn o bryd?",
            )
            .about(&["ambition"], &["employment_skills"]),
            q(
                "adviser_helps_work",
                Kind::Faces,
                "How well does your personal adviser help you look for work or training?",
                "Pa mor dda mae dy gynghorydd personol yn dy helpu i chwilio am waith neu hyfforddiant?",
            )
            .show_if("doing_now", &["none_of_these"])
            .about(&["ambition"], &["personal_adviser"]),
            q("lonely", Kind::Frequency, "How often do you feel lonely?", "Pa mor aml wyt ti'n teimlo'n unig?")
                .help(
                    "If you feel low, Meic is there to talk, free: 080880 23456.",
                    "Os wyt ti'n teimlo'n isel, mae Meic yno i siarad, am ddim: 080880 23456.",
                )
                .about(&["lifelong"], &[]),
            q(
                "someone_to_call",
                single(&[("yes", "Yes", "Oes"), ("not_sure", "Not sure", "Dim yn siŵr"), ("no", "No", "Nac oes")]),
                "Is there someone you can call if things go wrong?",
                "Oes rhywun y gelli di ei ffonio os aiff pethau o chwith?",
            )
            .about(&["lifelong"], &[]),
            q(
                "biggest_difference",
                text(1000),
                "What would make the biggest difference to you right now?",
                "Beth fyddai'n gwneud y gwahaniaeth mwyaf i ti ar hyn o bryd?",
            )
            .help(NOT_NAMES_EN, NOT_NAMES_TI),
        ],
    }
}
