//! `gen-corpus`: writes a deterministic corpus of invented, news-like articles
//! about real public figures and countries as JSONL (`id`, `date`, `title`,
//! `text`), for benchmarks and scale tests.
//!
//! ```text
//! cargo run --release --bin gen-corpus -- --mb 100 --seed 1 > corpus.jsonl
//! cargo run --release --bin gen-corpus -- --docs 500 --seed 7 > small.jsonl
//! ```
//!
//! `--full-names` never shortens a name to the surname (`Prime Minister
//! Johnson`): every person mention then resolves to the fixed cast, so the
//! graph has the same nodes at every corpus size (a clean memory test).
//!
//! The same seed and size give the same bytes on every machine: the random
//! numbers come from a SplitMix64 generator written below, and every choice
//! is an index into the fixed tables of this file. The cast of actors is
//! fixed too, so a bigger corpus repeats the same actors in new sentences
//! (the graph stays the same size while the evidence grows).
//!
//! Sentences mix the constructions the extractor handles: meetings and talks,
//! support, criticism and accusations, attacks, sanctions, passives,
//! negations, modality (may, plans to), coordination (`A and B met C`),
//! pronouns and titles, with filler sentences that carry no relation.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

/// `--full-names`: never shorten a name to the surname.
static FULL_NAMES: AtomicBool = AtomicBool::new(false);

/// SplitMix64: tiny, fast and good enough for picking words.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// A public figure: full name, surname, title, country index.
struct Person {
    name: &'static str,
    surname: &'static str,
    title: &'static str,
    country: usize,
    he: bool,
}

/// A country: name, demonym, capital.
struct Country {
    name: &'static str,
    demonym: &'static str,
    capital: &'static str,
}

const fn person(
    name: &'static str,
    surname: &'static str,
    title: &'static str,
    country: usize,
    he: bool,
) -> Person {
    Person {
        name,
        surname,
        title,
        country,
        he,
    }
}

const fn country(name: &'static str, demonym: &'static str, capital: &'static str) -> Country {
    Country {
        name,
        demonym,
        capital,
    }
}

const COUNTRIES: &[Country] = &[
    country("Russia", "Russian", "Moscow"),
    country("the United States", "American", "Washington"),
    country("China", "Chinese", "Beijing"),
    country("Germany", "German", "Berlin"),
    country("France", "French", "Paris"),
    country("Turkey", "Turkish", "Ankara"),
    country("Ukraine", "Ukrainian", "Kyiv"),
    country("India", "Indian", "New Delhi"),
    country("Japan", "Japanese", "Tokyo"),
    country("Iran", "Iranian", "Tehran"),
    country("Israel", "Israeli", "Jerusalem"),
    country("Brazil", "Brazilian", "Brasilia"),
    country("Britain", "British", "London"),
    country("Egypt", "Egyptian", "Cairo"),
    country("Saudi Arabia", "Saudi", "Riyadh"),
    country("South Africa", "South African", "Pretoria"),
    country("Mexico", "Mexican", "Mexico City"),
    country("Syria", "Syrian", "Damascus"),
    country("Poland", "Polish", "Warsaw"),
    country("Canada", "Canadian", "Ottawa"),
];

const PEOPLE: &[Person] = &[
    person("Vladimir Putin", "Putin", "President", 0, true),
    person("Sergei Lavrov", "Lavrov", "Foreign Minister", 0, true),
    person("Joe Biden", "Biden", "President", 1, true),
    person("Antony Blinken", "Blinken", "Secretary of State", 1, true),
    person("Barack Obama", "Obama", "President", 1, true),
    person("Xi Jinping", "Xi", "President", 2, true),
    person("Wang Yi", "Wang", "Foreign Minister", 2, true),
    person("Angela Merkel", "Merkel", "Chancellor", 3, false),
    person("Olaf Scholz", "Scholz", "Chancellor", 3, true),
    person("Emmanuel Macron", "Macron", "President", 4, true),
    person("Recep Tayyip Erdogan", "Erdogan", "President", 5, true),
    person("Volodymyr Zelensky", "Zelensky", "President", 6, true),
    person("Narendra Modi", "Modi", "Prime Minister", 7, true),
    person("Shinzo Abe", "Abe", "Prime Minister", 8, true),
    person("Hassan Rouhani", "Rouhani", "President", 9, true),
    person("Benjamin Netanyahu", "Netanyahu", "Prime Minister", 10, true),
    person(
        "Luiz Inacio Lula da Silva",
        "Lula da Silva",
        "President",
        11,
        true,
    ),
    person("Theresa May", "May", "Prime Minister", 12, false),
    person("Boris Johnson", "Johnson", "Prime Minister", 12, true),
    person("Abdel Fattah al-Sisi", "Sisi", "President", 13, true),
    person("Cyril Ramaphosa", "Ramaphosa", "President", 15, true),
    person("Bashar al-Assad", "Assad", "President", 17, true),
    person("Andrzej Duda", "Duda", "President", 18, true),
    person("Justin Trudeau", "Trudeau", "Prime Minister", 19, true),
];

const ORGS: &[&str] = &[
    "NATO",
    "the United Nations",
    "the European Union",
    "the International Monetary Fund",
    "the World Health Organization",
    "the African Union",
];

const GROUPS: &[&str] = &[
    "Hamas",
    "Hezbollah",
    "the Taliban",
    "Islamic State",
    "Boko Haram",
    "al-Shabaab",
];

const TOPICS: &[&str] = &[
    "energy supplies",
    "the nuclear program",
    "trade tariffs",
    "the ceasefire",
    "climate finance",
    "grain exports",
    "border security",
    "refugee flows",
    "arms control",
    "debt relief",
    "cyber security",
    "the gas pipeline",
];

const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

const SAID: &[&str] = &[
    "officials said",
    "according to a statement from the foreign ministry",
    "a spokesman said",
    "state media reported",
    "diplomats said on condition of anonymity",
];

const FILLER: &[&str] = &[
    "Markets were little changed in early trading, and analysts said investors were waiting for clearer signals on interest rates.",
    "The talks came after weeks of shuttle diplomacy and a series of phone calls between senior aides.",
    "Neither side released details of the discussions, which lasted more than three hours.",
    "Protesters gathered outside the venue, holding banners and chanting slogans against the war.",
    "Oil prices rose slightly after the announcement, with crude trading above 80 dollars a barrel.",
    "The summit is expected to end with a joint declaration on Friday evening.",
    "Analysts cautioned that the agreement leaves many questions unanswered, including how it will be enforced.",
    "Opposition lawmakers called the deal a mistake and demanded a parliamentary debate.",
    "The visit was the first by a head of government in more than a decade.",
    "Local newspapers described the atmosphere as tense but businesslike.",
];

/// How a person is named: in full the first time in an article, then often
/// by surname only (as news style does), so every short reference has a full
/// name before it in the same article.
fn refer(rng: &mut Rng, introduced: &mut [bool], i: usize) -> &'static str {
    let short = rng.chance(50);
    if introduced[i] && short && !FULL_NAMES.load(Ordering::Relaxed) {
        PEOPLE[i].surname
    } else {
        introduced[i] = true;
        PEOPLE[i].name
    }
}

/// One sentence about the cast, with one of the constructions listed in the module doc.
fn sentence(rng: &mut Rng, out: &mut String, last: &mut usize, introduced: &mut [bool]) {
    let p = rng.below(PEOPLE.len());
    let mut q = rng.below(PEOPLE.len());
    if q == p {
        q = (q + 1) % PEOPLE.len();
    }
    let (a, b) = (&PEOPLE[p], &PEOPLE[q]);
    let template = rng.below(20);
    let (an, bn) = if matches!(template, 0..=3 | 6 | 7 | 9 | 11 | 13 | 16..=18) {
        (refer(rng, introduced, p), refer(rng, introduced, q))
    } else {
        ("", "")
    };
    let (ca, cb) = (&COUNTRIES[a.country], &COUNTRIES[b.country]);
    let c2 = rng.pick(COUNTRIES);
    let topic = rng.pick(TOPICS);
    let day = rng.pick(WEEKDAYS);
    let said = rng.pick(SAID);
    let org = rng.pick(ORGS);
    let group = rng.pick(GROUPS);
    let s = match template {
        0 => format!(
            "{} {} {an} met {} {} {bn} in {} on {day} to discuss {topic}, {said}.",
            ca.demonym, a.title, cb.demonym, b.title, cb.capital
        ),
        1 => format!(
            "{} {} held talks with {} in {} on {day}, the first such meeting since the dispute over {topic} began.",
            a.title, an, bn, ca.capital
        ),
        2 => format!("{} said {} supports {}'s efforts to reach an agreement on {topic}.", an, ca.name, c2.name),
        3 => format!(
            "{} sharply criticized {} over {topic}, calling the decision irresponsible and dangerous.",
            an, bn
        ),
        4 => format!(
            "{} accused {} of violating the agreement on {topic}, {said}.",
            capitalize(ca.name),
            cb.name
        ),
        5 => format!(
            "{} forces attacked positions held by {group} near the border on {day}, killing at least a dozen fighters.",
            ca.demonym
        ),
        6 => format!("{bn} was criticized by {an} for the handling of {topic}."),
        7 => format!("{an} did not meet {bn} during the visit, {said}."),
        8 => format!(
            "{} denied that {} had attacked {}, saying the reports were fabricated.",
            capitalize(ca.name),
            ca.demonym.to_owned() + " troops",
            c2.name
        ),
        9 => format!(
            "{an} and {bn} met {} in {} on {day} to discuss {topic}.",
            refer(rng, introduced, *last),
            c2.capital
        ),
        10 => format!(
            "{} and {} signed an agreement on {topic} after two days of negotiations in {}.",
            capitalize(ca.name),
            cb.name,
            rng.pick(COUNTRIES).capital
        ),
        11 => format!("{an} may visit {} next month to discuss {topic}, {said}.", c2.name),
        12 => format!("{} plans to impose new sanctions on {} over {topic}.", capitalize(ca.name), cb.name),
        13 => format!(
            "{} {} threatened to retaliate if {} did not withdraw its troops.",
            a.title, an, cb.name
        ),
        14 => format!(
            "{} said {} would support {} in talks with {org} on {topic}.",
            if a.he { "He" } else { "She" },
            ca.name,
            cb.name
        ),
        15 => format!(
            "{} condemned the attack by {group} and called for restraint, {said}.",
            capitalize(org)
        ),
        16 => format!(
            "{an} telephoned {bn} on {day} and the two leaders agreed to cooperate on {topic}."
        ),
        17 => format!(
            "{} was unable to persuade {} to sign the declaration on {topic}.",
            an, bn
        ),
        18 => format!(
            "The {} president praised {} for supporting the plan on {topic}.",
            ca.demonym, bn
        ),
        _ => rng.pick(FILLER).to_string(),
    };
    *last = p;
    out.push_str(&s);
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// One article: a title and 6 to 24 sentences in paragraphs.
fn article(rng: &mut Rng, n: u64, seed: u64) -> serde_json::Value {
    let mut text = String::new();
    let mut last = rng.below(PEOPLE.len());
    let mut introduced = vec![false; PEOPLE.len()];
    let sentences = 6 + rng.below(19);
    for i in 0..sentences {
        if i > 0 {
            text.push_str(if rng.chance(25) { "\n\n" } else { " " });
        }
        sentence(rng, &mut text, &mut last, &mut introduced);
    }
    let a = &PEOPLE[last];
    let title = format!(
        "{} {} on {}",
        a.name,
        rng.pick(&["speaks", "acts", "warns"]),
        rng.pick(TOPICS)
    );
    let date = format!(
        "{}-{:02}-{:02}",
        2015 + rng.below(10),
        1 + rng.below(12),
        1 + rng.below(28)
    );
    serde_json::json!({
        "id": format!("gen-{seed}-{n:08}"),
        "date": date,
        "title": title,
        "text": text,
    })
}

struct Args {
    mb: Option<f64>,
    docs: Option<u64>,
    seed: u64,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        mb: None,
        docs: None,
        seed: 1,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--mb" => args.mb = Some(value("--mb")?.parse().map_err(|e| format!("--mb: {e}"))?),
            "--docs" => args.docs = Some(value("--docs")?.parse().map_err(|e| format!("--docs: {e}"))?),
            "--seed" => args.seed = value("--seed")?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--full-names" => FULL_NAMES.store(true, Ordering::Relaxed),
            "-h" | "--help" => {
                return Err(
                    "usage: gen-corpus [--mb MB | --docs N] [--seed S] [--full-names]  (JSONL on standard output)".into(),
                )
            }
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if args.mb.is_none() && args.docs.is_none() {
        args.mb = Some(1.0);
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("gen-corpus: {e}");
            return ExitCode::from(2);
        }
    };
    let limit_bytes = args.mb.map(|mb| (mb * 1e6) as u64);
    let mut rng = Rng(args.seed);
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let (mut written, mut n) = (0u64, 0u64);
    loop {
        if args.docs.is_some_and(|d| n >= d) || limit_bytes.is_some_and(|l| written >= l) {
            break;
        }
        let line = article(&mut rng, n, args.seed).to_string();
        if writeln!(out, "{line}").is_err() {
            return ExitCode::SUCCESS; // closed pipe
        }
        written += line.len() as u64 + 1;
        n += 1;
    }
    if out.flush().is_err() {
        return ExitCode::SUCCESS;
    }
    ExitCode::SUCCESS
}
