//! The catalogue a new installation starts with: the 11 principles of the Welsh Government's Corporate
//! Parenting Charter ("A Promise from Wales"; in Welsh "Siarter Rhianta Corfforaethol – Addewid Cymru") and
//! the services PRODUCT.md names. The Welsh follows the Welsh Government's own wording where it has one
//! ("plant a phobl ifanc sydd â phrofiad o ofal").
//!
//! Names and "We will…" statements follow the Charter; the one-line explanations were written for this app
//! in plain words a ten-year-old can read. Welsh text should be checked by the council's Welsh language
//! officer before go-live; the officer can edit every word from the console without touching past answers.

use super::{Bilingual, Catalogue, CatalogueItem};

/// (code, English name, Welsh name, English line, Welsh line)
type Row = (&'static str, &'static str, &'static str, &'static str, &'static str);

const PRINCIPLES: [Row; 11] = [
    (
        "equality",
        "Equality",
        "Cydraddoldeb",
        "You get the same chances as every other young person in Wales.",
        "Rwyt ti'n cael yr un cyfleoedd â phob person ifanc arall yng Nghymru.",
    ),
    (
        "eradicate_stigma",
        "Eradicate stigma",
        "Dileu stigma",
        "People see you for who you are, not just for being in care.",
        "Mae pobl yn dy weld di am bwy wyt ti, nid dim ond am fod mewn gofal.",
    ),
    (
        "togetherness",
        "Togetherness",
        "Gyda'n gilydd",
        "Your views and ideas are heard and change the help you get.",
        "Mae dy farn a'th syniadau'n cael eu clywed ac yn newid y cymorth rwyt ti'n ei gael.",
    ),
    (
        "support",
        "Support",
        "Cefnogaeth",
        "The adults who work with you understand what you need.",
        "Mae'r oedolion sy'n gweithio gyda ti'n deall beth sydd ei angen arnat ti.",
    ),
    (
        "ambition",
        "Ambition",
        "Uchelgais",
        "You get help to reach your goals and to try sport, culture and fun things to do.",
        "Rwyt ti'n cael help i gyrraedd dy nodau a rhoi cynnig ar chwaraeon, diwylliant a phethau hwyl i'w gwneud.",
    ),
    (
        "nurture",
        "Nurture",
        "Meithrin",
        "You feel valued, respected, cared for and loved.",
        "Rwyt ti'n teimlo dy fod yn cael dy werthfawrogi, dy barchu, dy garu a bod rhywun yn gofalu amdanat ti.",
    ),
    (
        "good_health",
        "Good health",
        "Iechyd da",
        "You get the right help for your body and your mind.",
        "Rwyt ti'n cael y cymorth iawn i dy gorff a dy feddwl.",
    ),
    (
        "stable_home",
        "A stable home",
        "Cartref sefydlog",
        "You have a safe, settled home that is right for you.",
        "Mae gen ti gartref diogel a sefydlog sy'n iawn i ti.",
    ),
    (
        "good_education",
        "A good education",
        "Addysg dda",
        "You get help to learn and grow into who you want to be.",
        "Rwyt ti'n cael help i ddysgu a thyfu i fod pwy rwyt ti eisiau bod.",
    ),
    (
        "thrive",
        "Thrive",
        "Ffynnu",
        "You are ready for the future and for living on your own.",
        "Rwyt ti'n barod ar gyfer y dyfodol ac i fyw'n annibynnol.",
    ),
    (
        "lifelong",
        "Lifelong",
        "Gydol oes",
        "After care, you still know where to get help and information.",
        "Ar ôl gadael gofal, rwyt ti'n dal i wybod ble i gael help a gwybodaeth.",
    ),
];

/// (code, English "We will…", Welsh "We will…"): the Charter's own words, for carers and the officer.
const STATEMENTS: [(&str, &str, &str); 11] = [
    ("equality",
     "We will support care experienced children and care leavers to have the same life chances as every other young person in Wales.",
     "Byddwn yn cefnogi plant sydd â phrofiad o ofal a phobl sy'n gadael gofal i gael yr un cyfleoedd bywyd â phob person ifanc arall yng Nghymru."),
    ("eradicate_stigma",
     "We will recognise our care experienced children and young people for who they are, not just by their experience of being in care.",
     "Byddwn yn cydnabod ein plant a'n pobl ifanc sydd â phrofiad o ofal am bwy ydyn nhw, nid dim ond am eu profiad o fod mewn gofal."),
    ("togetherness",
     "We will work alongside our care experienced children and young people to ensure their views, wishes, feelings and ideas are heard, actively considered, are integral to, and influence and inform the services they receive and the way they receive those services.",
     "Byddwn yn gweithio ochr yn ochr â'n plant a'n pobl ifanc sydd â phrofiad o ofal i sicrhau bod eu barn, eu dymuniadau, eu teimladau a'u syniadau'n cael eu clywed a'u hystyried o ddifrif, a'u bod yn llywio'r gwasanaethau a gânt a'r ffordd y maen nhw'n eu cael."),
    ("support",
     "We will ensure professionals working with care experienced children and young people understand their needs and/or have access to information and training to support their needs.",
     "Byddwn yn sicrhau bod gweithwyr proffesiynol sy'n gweithio gyda phlant a phobl ifanc sydd â phrofiad o ofal yn deall eu hanghenion a/neu'n cael gwybodaeth a hyfforddiant i ddiwallu eu hanghenion."),
    ("ambition",
     "We will support all our care experienced children and young people to reach their potential and enjoy a wide experience of leisure, cultural, sport and social activities.",
     "Byddwn yn cefnogi ein holl blant a phobl ifanc sydd â phrofiad o ofal i gyrraedd eu potensial a mwynhau amrywiaeth eang o weithgareddau hamdden, diwylliannol, chwaraeon a chymdeithasol."),
    ("nurture",
     "We will make all our care experienced children and young people feel valued, respected, cared for and loved.",
     "Byddwn yn gwneud i'n holl blant a phobl ifanc sydd â phrofiad o ofal deimlo eu bod yn cael eu gwerthfawrogi, eu parchu, eu caru a bod rhywun yn gofalu amdanynt."),
    ("good_health",
     "We will provide support to access the right health care and advice needed to support the best physical, mental health and general well-being for all our care experienced children and young people.",
     "Byddwn yn darparu cymorth i gael y gofal iechyd a'r cyngor cywir er mwyn sicrhau'r iechyd corfforol a meddyliol a'r llesiant gorau i'n holl blant a phobl ifanc sydd â phrofiad o ofal."),
    ("stable_home",
     "We will seek out and provide safe, stable and nurturing places to live that are right for all care experienced children and young people.",
     "Byddwn yn chwilio am lefydd diogel, sefydlog a meithringar i fyw sy'n iawn i bob plentyn a pherson ifanc sydd â phrofiad o ofal, ac yn eu darparu."),
    ("good_education",
     "We will provide opportunities and support for all care-experienced children and young people to learn and grow to help them become who they want to be.",
     "Byddwn yn darparu cyfleoedd a chymorth i bob plentyn a pherson ifanc sydd â phrofiad o ofal ddysgu a thyfu er mwyn eu helpu i ddod yn bwy maen nhw eisiau bod."),
    ("thrive",
     "We will ensure all care-experienced children and young people are prepared for the future and are able to make positive choices for independent living and adulthood.",
     "Byddwn yn sicrhau bod pob plentyn a pherson ifanc sydd â phrofiad o ofal yn barod ar gyfer y dyfodol ac yn gallu gwneud dewisiadau cadarnhaol ar gyfer byw'n annibynnol a bod yn oedolyn."),
    ("lifelong",
     "We will work to provide access to and raise awareness of the support and information available to care leavers after leaving care.",
     "Byddwn yn gweithio i roi mynediad at y cymorth a'r wybodaeth sydd ar gael i bobl sy'n gadael gofal, ac yn codi ymwybyddiaeth ohonynt."),
];

const SERVICES: [Row; 14] = [
    (
        "social_worker",
        "Social worker",
        "Gweithiwr cymdeithasol",
        "The person from the council who helps plan your care.",
        "Y person o'r cyngor sy'n helpu i gynllunio dy ofal.",
    ),
    (
        "personal_adviser",
        "Personal adviser",
        "Cynghorydd personol",
        "Helps care leavers plan their next steps.",
        "Yn helpu pobl sy'n gadael gofal i gynllunio'r camau nesaf.",
    ),
    (
        "foster_placement",
        "Foster carer or placement",
        "Gofalwr maeth neu leoliad",
        "The family or carer you live with.",
        "Y teulu neu'r gofalwr rwyt ti'n byw gyda nhw.",
    ),
    (
        "residential_home",
        "Residential home",
        "Cartref preswyl",
        "A children's home where staff look after you.",
        "Cartref plant lle mae staff yn gofalu amdanat ti.",
    ),
    (
        "school_education",
        "School and education",
        "Ysgol ac addysg",
        "School, college and help with learning.",
        "Ysgol, coleg a help gyda dysgu.",
    ),
    (
        "health",
        "Health",
        "Iechyd",
        "Nurses, doctors and CAMHS (help with feelings and mental health).",
        "Nyrsys, meddygon a CAMHS (help gyda theimladau ac iechyd meddwl).",
    ),
    ("housing", "Housing", "Tai", "Help to find and keep a place to live.", "Help i ddod o hyd i le i fyw a'i gadw."),
    (
        "advocacy",
        "Advocacy",
        "Eiriolaeth",
        "Someone on your side who helps you have your say.",
        "Rhywun ar dy ochr di sy'n dy helpu i ddweud dy ddweud.",
    ),
    (
        "reviewing_officer",
        "Independent reviewing officer",
        "Swyddog adolygu annibynnol",
        "Checks that your care plan is working for you.",
        "Yn gwirio bod dy gynllun gofal yn gweithio i ti.",
    ),
    (
        "leisure_activities",
        "Leisure and activities",
        "Hamdden a gweithgareddau",
        "Sport, clubs, trips and things to do.",
        "Chwaraeon, clybiau, tripiau a phethau i'w gwneud.",
    ),
    (
        "youth_service",
        "Youth service",
        "Gwasanaeth ieuenctid",
        "Youth workers and youth clubs.",
        "Gweithwyr ieuenctid a chlybiau ieuenctid.",
    ),
    (
        "family_support",
        "Family support",
        "Cymorth i deuluoedd",
        "Help for you and your family to stay in touch and get on.",
        "Help i ti a dy deulu gadw mewn cysylltiad a chyd-dynnu.",
    ),
    (
        "employment_skills",
        "Employment and skills",
        "Cyflogaeth a sgiliau",
        "Help to find work, training or an apprenticeship.",
        "Help i gael gwaith, hyfforddiant neu brentisiaeth.",
    ),
    (
        "council_panel",
        "The council and its Corporate Parenting Panel",
        "Y cyngor a'i Banel Rhianta Corfforaethol",
        "The councillors and leaders who make decisions about care.",
        "Y cynghorwyr a'r arweinwyr sy'n gwneud penderfyniadau am ofal.",
    ),
];

fn items(rows: &[Row]) -> Vec<CatalogueItem> {
    rows.iter()
        .map(|&(code, en, cy, line_en, line_cy)| CatalogueItem {
            code: code.to_owned(),
            name: Bilingual::new(en, cy),
            line: Bilingual::new(line_en, line_cy),
            statement: None,
            retired: false,
        })
        .collect()
}

/// What a device needs before it has ever reached the server: names and plain lines, without the long
/// "We will…" statements young people's screens never show (they arrive with the server's catalogue).
pub fn device_catalogue() -> Catalogue {
    Catalogue { version: 0, promises: items(&PRINCIPLES), services: items(&SERVICES) }
}

/// The catalogue a new installation's database is seeded with.
pub fn default_catalogue() -> Catalogue {
    let mut catalogue = device_catalogue();
    catalogue.version = 1;
    for (item, &(code, en, cy)) in catalogue.promises.iter_mut().zip(STATEMENTS.iter()) {
        debug_assert_eq!(item.code, code);
        item.statement = Some(Bilingual::new(en, cy));
    }
    catalogue
}
