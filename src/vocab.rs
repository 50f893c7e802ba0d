//! The relation vocabulary: every relation key with its display phrase, PLOVER
//! category, polarity and symmetry, read from the embedded `data/relations.tsv`.

use std::sync::OnceLock;

use crate::lexicon::FastMap;

/// Whether a relation is friendly, hostile or neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Polarity {
    /// Meetings, agreements, support, aid.
    Cooperative,
    /// Criticism, threats, sanctions, attacks.
    Conflictual,
    /// Neither (investigation, affiliation).
    Neutral,
}

impl Polarity {
    /// The contract's lowercase name.
    pub const fn name(self) -> &'static str {
        match self {
            Polarity::Cooperative => "cooperative",
            Polarity::Conflictual => "conflictual",
            Polarity::Neutral => "neutral",
        }
    }

    fn from_name(name: &str) -> Option<Self> {
        match name {
            "cooperative" => Some(Polarity::Cooperative),
            "conflictual" => Some(Polarity::Conflictual),
            "neutral" => Some(Polarity::Neutral),
            _ => None,
        }
    }
}

/// One relation of the vocabulary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    /// snake_case key (`met_with`).
    pub key: String,
    /// Human phrase for labels (`met with`).
    pub phrase: String,
    /// PLOVER category in capitals, or `AFFILIATION`.
    pub category: String,
    /// Cooperative, conflictual or neutral.
    pub polarity: Polarity,
    /// True when `A r B` implies `B r A` (written once per pair, undirected).
    pub symmetric: bool,
}

/// The key of the person-to-country/organization office or membership relation.
pub const AFFILIATED_WITH: &str = "affiliated_with";

/// All relations, in file order.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    relations: Vec<Relation>,
    /// Position of each key in `relations` (the first, if a key repeats).
    by_key: FastMap<String, usize>,
}

impl Vocabulary {
    /// Parses the TSV format of `data/relations.tsv`
    /// (`key phrase category polarity symmetric`, `#` comments).
    pub fn parse(tsv: &str) -> Result<Self, String> {
        let mut relations = Vec::new();
        for (n, line) in tsv.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let [key, phrase, category, polarity, symmetric] = cols.as_slice() else {
                return Err(format!("line {}: expected 5 tab-separated columns", n + 1));
            };
            let polarity = Polarity::from_name(polarity)
                .ok_or_else(|| format!("line {}: unknown polarity {polarity:?}", n + 1))?;
            let symmetric = match *symmetric {
                "true" => true,
                "false" => false,
                other => {
                    return Err(format!(
                        "line {}: symmetric must be true or false, not {other:?}",
                        n + 1
                    ))
                }
            };
            relations.push(Relation {
                key: key.to_string(),
                phrase: phrase.to_string(),
                category: category.to_string(),
                polarity,
                symmetric,
            });
        }
        let mut by_key = FastMap::default();
        for (i, r) in relations.iter().enumerate() {
            by_key.entry(r.key.clone()).or_insert(i);
        }
        Ok(Self { relations, by_key })
    }

    /// The vocabulary shipped with the binary.
    pub fn builtin() -> &'static Vocabulary {
        static VOCAB: OnceLock<Vocabulary> = OnceLock::new();
        VOCAB.get_or_init(|| {
            #[allow(clippy::expect_used)] // embedded data, checked by a unit test
            Vocabulary::parse(include_str!("../data/relations.tsv")).expect("data/relations.tsv is valid")
        })
    }

    /// Looks a relation up by key.
    pub fn get(&self, key: &str) -> Option<&Relation> {
        self.by_key.get(key).and_then(|&i| self.relations.get(i))
    }

    /// All relations.
    pub fn iter(&self) -> impl Iterator<Item = &Relation> {
        self.relations.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_vocabulary_covers_every_plover_category() {
        let v = Vocabulary::builtin();
        for cat in [
            "AGREE",
            "CONSULT",
            "SUPPORT",
            "CONCEDE",
            "COOPERATE",
            "AID",
            "RETREAT",
            "INVESTIGATE",
            "DEMAND",
            "DISAPPROVE",
            "REJECT",
            "THREATEN",
            "PROTEST",
            "CRIME",
            "SANCTION",
            "MOBILIZE",
            "COERCE",
            "ASSAULT",
            "FIGHT",
            "AFFILIATION",
        ] {
            assert!(v.iter().any(|r| r.category == cat), "no relation for {cat}");
        }
        assert!(v
            .get("met_with")
            .is_some_and(|r| r.symmetric && r.category == "CONSULT"));
        assert!(v.get("negotiated_with").is_some_and(|r| r.symmetric));
        assert!(v
            .get("supports")
            .is_some_and(|r| !r.symmetric && r.category == "SUPPORT"));
        assert!(v.get(AFFILIATED_WITH).is_some());
    }

    #[test]
    fn parse_rejects_bad_rows() {
        assert!(Vocabulary::parse("a\tb\tC\tnice\ttrue").is_err());
        assert!(Vocabulary::parse("a\tb\tC").is_err());
        assert!(Vocabulary::parse("a\tb\tC\tneutral\tmaybe").is_err());
    }
}
