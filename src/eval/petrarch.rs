//! Parsers for the PETRARCH validation formats: the record files
//! (`PETR2_GSR_validation.xml`, `PETR.UnitTest.records.xml`), the CAMEO to
//! PLOVER table (`CAMEO2PLOVER-2021.txt`) and TABARI actor dictionaries
//! (`PETR.Validate.actors.txt`), plus the conversion of such a dictionary into
//! a user lexicon `actors.tsv`.
//!
//! The record files are not well-formed XML (`#` comment blocks outside
//! comments, `<Sentence .../>` tags closed again by `</Sentence>`, dependency
//! or constituency parses), so they are read by careful string scanning:
//! comments are removed, the text is cut at each `<Sentence ` tag, and each
//! block yields its attributes, its `<EventCoding>` tags and its `<Text>`.

use std::collections::BTreeMap;

use crate::model::slug;

/// One `<EventCoding>` tag.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EventCoding {
    /// CAMEO event code (`042`).
    pub eventcode: String,
    /// Source actor code (`USAGOV`), or a quoted name for new actors.
    pub source: String,
    /// Target actor code.
    pub target: String,
}

/// One validation record.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PetrRecord {
    /// `id` attribute.
    pub id: String,
    /// `category` attribute (`AFP`, `PASSIVE`, `COMPOUND`, ...; empty when absent).
    pub category: String,
    /// `date` attribute.
    pub date: String,
    /// False when `evaluate="false"`.
    pub evaluate: bool,
    /// The sentence text, wrapped lines joined by single spaces.
    pub text: String,
    /// Expected events (with a source, target and event code).
    pub events: Vec<EventCoding>,
    /// True when an `<EventCoding noevents="True">` says nothing is to be coded.
    pub no_events: bool,
    /// The `error` attribute of an `<EventCoding error=..>` (error-handling tests).
    pub error: Option<String>,
}

impl PetrRecord {
    /// True for records that say what should be coded: some events, or explicitly none.
    pub fn is_scorable(&self) -> bool {
        self.evaluate && self.error.is_none() && (!self.events.is_empty() || self.no_events)
    }
}

/// Removes `<!...-->` comments (also the malformed `<! -- ... -->`). An
/// unterminated comment runs to the end of the input.
pub fn strip_xml_comments(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut rest = input;
    while let Some(pos) = rest.find("<!") {
        // Keep declarations such as <!DOCTYPE ..>: only strip comment-like ones.
        let after = &rest[pos + 2..];
        if !(after.starts_with("--") || after.trim_start().starts_with("--")) {
            out.push_str(&rest[..pos + 2]);
            rest = after;
            continue;
        }
        out.push_str(&rest[..pos]);
        match after.find("-->") {
            Some(end) => rest = &after[end + 3..],
            None => rest = "",
        }
    }
    out.push_str(rest);
    out
}

/// Parses the attributes of a tag body (`a="1" b = 'x' c=y`): double or single
/// quotes, spaces around `=`, bare values. Names are returned lowercased.
pub fn parse_attributes(tag: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let chars: Vec<char> = tag.chars().collect();
    let mut i = 0;
    let n = chars.len();
    while i < n {
        while i < n && !(chars[i].is_alphanumeric() || chars[i] == '_') {
            i += 1;
        }
        let start = i;
        while i < n && (chars[i].is_alphanumeric() || chars[i] == '_' || chars[i] == '-' || chars[i] == ':') {
            i += 1;
        }
        let name: String = chars[start..i].iter().collect::<String>().to_lowercase();
        while i < n && chars[i].is_whitespace() {
            i += 1;
        }
        if i >= n || chars[i] != '=' {
            continue;
        }
        i += 1;
        while i < n && chars[i].is_whitespace() {
            i += 1;
        }
        if i >= n {
            break;
        }
        let value: String = if chars[i] == '"' || chars[i] == '\'' {
            let q = chars[i];
            i += 1;
            let vs = i;
            while i < n && chars[i] != q {
                i += 1;
            }
            let v = chars[vs..i].iter().collect();
            i += 1;
            v
        } else {
            let vs = i;
            while i < n && !chars[i].is_whitespace() && chars[i] != '/' && chars[i] != '>' {
                i += 1;
            }
            chars[vs..i].iter().collect()
        };
        if !name.is_empty() {
            out.insert(name, decode_entities(&value));
        }
    }
    out
}

/// Decodes the five predefined XML entities and numeric character references.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(pos) = rest.find('&') {
        out.push_str(&rest[..pos]);
        let after = &rest[pos..];
        let Some(semi) = after.find(';').filter(|&k| k <= 10) else {
            out.push('&');
            rest = &after[1..];
            continue;
        };
        let ent = &after[1..semi];
        let decoded = match ent {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => ent
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| ent.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &after[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Joins wrapped lines with single spaces (and trims).
pub fn join_lines(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Finds the first `<name` tag (followed by whitespace, `>` or `/`) at or after `from`.
fn find_tag(hay: &str, name: &str, from: usize) -> Option<usize> {
    let pat = format!("<{name}");
    let mut at = from;
    while let Some(rel) = hay.get(at..)?.find(&pat) {
        let pos = at + rel;
        let next = hay[pos + pat.len()..].chars().next();
        if matches!(next, Some(c) if c.is_whitespace() || c == '>' || c == '/') || next.is_none() {
            return Some(pos);
        }
        at = pos + pat.len();
    }
    None
}

/// Parses a PETRARCH validation file into records, in file order. Never fails:
/// what cannot be read is skipped.
pub fn parse_records(input: &str) -> Vec<PetrRecord> {
    let clean = strip_xml_comments(input);
    // Drop '#' comment lines (the GSR file has them outside XML comments).
    let clean: String = clean
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n");
    let mut starts = Vec::new();
    let mut at = 0;
    while let Some(pos) = find_tag(&clean, "Sentence", at) {
        starts.push(pos);
        at = pos + 1;
    }
    let mut out = Vec::new();
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(clean.len());
        if let Some(r) = parse_block(&clean[start..end]) {
            out.push(r);
        }
    }
    out
}

/// Parses one `<Sentence ...> ... ` block.
fn parse_block(block: &str) -> Option<PetrRecord> {
    let tag_end = block.find('>')?;
    let attrs = parse_attributes(&block[..tag_end]);
    let mut rec = PetrRecord {
        id: attrs.get("id").cloned().unwrap_or_default(),
        category: attrs.get("category").cloned().unwrap_or_default(),
        date: attrs.get("date").cloned().unwrap_or_default(),
        evaluate: !attrs
            .get("evaluate")
            .is_some_and(|v| v.eq_ignore_ascii_case("false")),
        ..Default::default()
    };
    // The text ends where the parse starts, so a parse never contributes tags.
    let body_end = find_tag(block, "Parse", 0).unwrap_or(block.len());
    let body = &block[..body_end];
    let mut at = 0;
    while let Some(pos) = find_tag(body, "EventCoding", at) {
        let Some(close) = body[pos..].find('>') else { break };
        let ev = parse_attributes(&body[pos + "<EventCoding".len()..pos + close]);
        at = pos + close;
        if let Some(err) = ev.get("error") {
            rec.error = Some(err.clone());
        } else if ev.get("noevents").is_some_and(|v| v.eq_ignore_ascii_case("true")) {
            rec.no_events = true;
        } else if let (Some(s), Some(t), Some(e)) =
            (ev.get("sourcecode"), ev.get("targetcode"), ev.get("eventcode"))
        {
            rec.events.push(EventCoding {
                eventcode: e.trim().to_string(),
                source: s.trim().to_string(),
                target: t.trim().to_string(),
            });
        }
    }
    if let Some(t) = body.find("<Text>") {
        let after = &body[t + "<Text>".len()..];
        let end = after.find("</Text>").unwrap_or(after.len());
        rec.text = join_lines(&decode_entities(&after[..end]));
    }
    if rec.text.is_empty() {
        // Some records have an empty <Text>: rebuild it from a CoNLL-U parse.
        let parse = &block[body_end..];
        let parse = parse.find("</Parse>").map_or(parse, |e| &parse[..e]);
        rec.text = text_from_conllu(parse);
    }
    if rec.text.is_empty() {
        return None;
    }
    Some(rec)
}

/// Rebuilds a sentence from CoNLL-U token lines (form in column 2, no space
/// after a token whose last column has `SpaceAfter=No`).
pub fn text_from_conllu(parse: &str) -> String {
    let mut out = String::new();
    for line in parse.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 10 || !cols[0].trim().chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        out.push_str(cols[1]);
        if !cols[9].contains("SpaceAfter=No") {
            out.push(' ');
        }
    }
    out.trim_end().to_string()
}

/// One row of the CAMEO to PLOVER table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PloverEntry {
    /// PLOVER category as written in the table (`AGREE`, `ACCUSE`, `REQUEST`, ...).
    pub category: String,
    /// The mode column (`investigate`, `visit`, ...; may be empty).
    pub mode: String,
}

/// The CAMEO to PLOVER table, looked up by longest prefix.
#[derive(Debug, Clone, Default)]
pub struct CameoToPlover {
    entries: BTreeMap<String, PloverEntry>,
}

impl CameoToPlover {
    /// Parses `CODE: CATEGORY, mode, context # comment` lines; `#` lines and
    /// anything else are skipped. When a code appears twice the first row wins.
    pub fn parse(text: &str) -> Self {
        let mut entries = BTreeMap::new();
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            let Some((code, rest)) = line.split_once(':') else {
                continue;
            };
            let code = code.trim();
            if code.is_empty() || !code.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            let mut cols = rest.split(',').map(str::trim);
            let category = cols.next().unwrap_or("").to_string();
            if category.is_empty() {
                continue;
            }
            let mode = cols.next().unwrap_or("").to_string();
            entries
                .entry(code.to_string())
                .or_insert(PloverEntry { category, mode });
        }
        Self { entries }
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the table is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The row of the longest prefix of `cameo` that the table has.
    pub fn lookup(&self, cameo: &str) -> Option<&PloverEntry> {
        let cameo = cameo.trim();
        (1..=cameo.len())
            .rev()
            .filter_map(|n| cameo.get(..n))
            .find_map(|p| self.entries.get(p))
    }

    /// The category in actorgraph's vocabulary (`data/relations.tsv`) for a
    /// CAMEO code, `None` for codes PLOVER dropped (01 statements, 02 appeals).
    ///
    /// The 2021 table renames two categories and merges two: `REQUEST` is the
    /// vocabulary's `DEMAND`; `ACCUSE` is `INVESTIGATE` in mode `investigate`
    /// (CAMEO 09) and `DISAPPROVE` otherwise (CAMEO 11). `ASSAULT` covers
    /// CAMEO 18-20, which the vocabulary splits into ASSAULT and FIGHT: see
    /// [`scoring_category`], which folds FIGHT into ASSAULT on both sides.
    pub fn category(&self, cameo: &str) -> Option<String> {
        let e = self.lookup(cameo)?;
        let cat = match e.category.to_ascii_uppercase().as_str() {
            "REQUEST" => "DEMAND".to_string(),
            "ACCUSE" if e.mode.eq_ignore_ascii_case("investigate") || cameo.trim().starts_with("09") => {
                "INVESTIGATE".to_string()
            }
            "ACCUSE" => "DISAPPROVE".to_string(),
            other => other.to_string(),
        };
        Some(cat)
    }
}

/// The category used for comparison: FIGHT is folded into ASSAULT (the
/// PLOVER README maps CAMEO 18, 19 and 20 to ASSAULT), anything else as is.
pub fn scoring_category(cat: &str) -> String {
    let up = cat.to_ascii_uppercase();
    if up == "FIGHT" {
        "ASSAULT".to_string()
    } else {
        up
    }
}

/// One actor of a TABARI dictionary.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TabariActor {
    /// Names as written (`UNITED_STATES`), the first being the primary one.
    pub names: Vec<String>,
    /// The chosen code (the first undated one, else the first).
    pub code: String,
}

/// Parses a TABARI/PETRARCH actor dictionary: `NAME [CODE]` lines, `+ALIAS`
/// lines, indented `[CODE date-restriction]` lines, `#` comments and
/// `<!-- -->` blocks. Alternatives (`[ELR/GAL]`) keep the first code; entries
/// whose code is unknown (`---`, `+++`) or missing are dropped.
pub fn parse_tabari_actors(text: &str) -> Vec<TabariActor> {
    let clean = strip_xml_comments(text);
    let mut out: Vec<TabariActor> = Vec::new();
    // (names, undated codes, dated codes)
    let mut cur: Option<(Vec<String>, Vec<String>, Vec<String>)> = None;
    let finish = |cur: Option<(Vec<String>, Vec<String>, Vec<String>)>, out: &mut Vec<TabariActor>| {
        if let Some((names, undated, dated)) = cur {
            let code = undated.into_iter().chain(dated).next().unwrap_or_default();
            let valid = code.len() >= 3 && code.chars().all(|c| c.is_ascii_alphanumeric());
            if valid && !names.is_empty() {
                out.push(TabariActor { names, code });
            }
        }
    };
    for raw in clean.lines() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let (name_part, codes_part) = match line.find('[') {
            Some(p) => (line[..p].trim(), &line[p..]),
            None => (line, ""),
        };
        if let Some(alias) = name_part.strip_prefix('+') {
            if let Some((names, _, _)) = cur.as_mut() {
                let alias = alias.trim();
                if !alias.is_empty() {
                    names.push(alias.to_string());
                }
            }
        } else if !name_part.is_empty() {
            finish(cur.take(), &mut out);
            cur = Some((vec![name_part.to_string()], Vec::new(), Vec::new()));
        }
        let mut rest = codes_part;
        while let Some(open) = rest.find('[') {
            let Some(close) = rest[open..].find(']') else {
                break;
            };
            let inner = rest[open + 1..open + close].trim();
            rest = &rest[open + close + 1..];
            let mut words = inner.split_whitespace();
            let code = words.next().unwrap_or("");
            let dated = words.next().is_some();
            let code = code.split('/').next().unwrap_or("").to_ascii_uppercase();
            if let Some((_, undated, dated_codes)) = cur.as_mut() {
                if dated {
                    dated_codes.push(code);
                } else {
                    undated.push(code);
                }
            }
        }
    }
    finish(cur, &mut out);
    out
}

/// Codes of international and non-governmental bodies: three-letter codes
/// that are not countries, and prefixes that make a code an organization.
const ORG_CODES: [&str; 9] = ["IGO", "NGO", "NGM", "IMG", "IMF", "UNO", "EEC", "IBR", "MNC"];

/// Role suffixes that make a longer code an organization rather than a group.
const ORG_ROLES: [&str; 12] = [
    "GOV", "MIL", "LEG", "JUD", "MED", "EDU", "BUS", "COP", "SPY", "TV", "RAD", "ELI",
];

/// The country part of an actor code: its first three letters, unless they
/// are an international/non-governmental prefix or not letters (`---`).
pub fn code_country(code: &str) -> Option<String> {
    let prefix = code.get(..3)?.to_ascii_uppercase();
    if !prefix.chars().all(|c| c.is_ascii_alphabetic()) || ORG_CODES.contains(&prefix.as_str()) {
        return None;
    }
    Some(prefix)
}

/// Title-cases a TABARI name: underscores become spaces, each word (and each
/// hyphenated part) is capitalized; words with a dot stay uppercase (`U.S.`).
pub fn tabari_title(name: &str) -> String {
    name.replace('_', " ")
        .split_whitespace()
        .map(|w| {
            if w.contains('.') {
                return w.to_uppercase();
            }
            w.split('-')
                .map(|part| {
                    let mut cs = part.chars();
                    match cs.next() {
                        Some(f) => f.to_uppercase().chain(cs.flat_map(char::to_lowercase)).collect(),
                        None => String::new(),
                    }
                })
                .collect::<Vec<String>>()
                .join("-")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The surface forms of a TABARI name: the title-cased form, except that a
/// single word of at most three letters stays uppercase (`IMF`, `PLO`) and a
/// four-letter one gets both forms (`Oman`, `OMAN`).
fn surface_forms(name: &str) -> Vec<String> {
    let title = tabari_title(name);
    let upper = name.replace('_', " ").trim().to_uppercase();
    let letters = upper.chars().filter(|c| c.is_alphabetic()).count();
    if upper.contains(' ') || title == upper || letters > 4 {
        vec![title]
    } else if letters <= 3 {
        vec![upper]
    } else {
        vec![title, upper]
    }
}

/// One row of a lexicon `actors.tsv`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ActorRow {
    /// `country:ARN`, `organization:hamas-military-command`, `group:hamas`.
    pub id: String,
    /// Actor kind name.
    pub kind: String,
    /// Label.
    pub label: String,
    /// ISO-like country code (the dictionary's three-letter prefix) or empty.
    pub country: String,
    /// Other surface forms.
    pub aliases: Vec<String>,
    /// The dictionary code it came from.
    pub code: String,
}

/// Converts TABARI actors to lexicon rows. A three-letter code that is not an
/// international body becomes `country:CODE` (kind country, all names as
/// aliases, merged across entries); a longer code becomes
/// `organization:<slug>` when it starts with IGO/NGO/... or carries a role
/// such as GOV, MIL or MED, else `group:<slug>`, with the country of its
/// three-letter prefix.
pub fn tabari_to_rows(actors: &[TabariActor]) -> Vec<ActorRow> {
    let mut rows: Vec<ActorRow> = Vec::new();
    for a in actors {
        let Some(first) = a.names.first() else { continue };
        let mut forms: Vec<String> = a.names.iter().flat_map(|n| surface_forms(n)).collect();
        forms.dedup();
        let code = a.code.to_ascii_uppercase();
        let is_country = code.len() == 3 && code_country(&code).is_some();
        let row = if is_country {
            ActorRow {
                id: format!("country:{code}"),
                kind: "country".into(),
                label: surface_forms(first).into_iter().next().unwrap_or_default(),
                country: code.clone(),
                aliases: forms,
                code,
            }
        } else {
            let org = code.get(..3).is_some_and(|p| ORG_CODES.contains(&p))
                || ORG_ROLES
                    .iter()
                    .any(|r| code.get(3..).is_some_and(|rest| rest.contains(r)));
            let kind = if org { "organization" } else { "group" };
            let label = surface_forms(first).into_iter().next().unwrap_or_default();
            ActorRow {
                id: format!("{kind}:{}", slug(&label)),
                kind: kind.into(),
                country: code_country(&code).filter(|_| code.len() > 3).unwrap_or_default(),
                label,
                aliases: forms,
                code,
            }
        };
        if let Some(existing) = rows.iter_mut().find(|r| r.id == row.id) {
            for f in row.aliases {
                if !existing.aliases.contains(&f) {
                    existing.aliases.push(f);
                }
            }
        } else {
            rows.push(row);
        }
    }
    for r in &mut rows {
        let label = r.label.clone();
        r.aliases.retain(|a| *a != label);
    }
    rows
}

/// Renders rows in the `actors.tsv` format of `data/lexicon/README.md`.
pub fn rows_to_actors_tsv(rows: &[ActorRow]) -> String {
    let clean = |s: &str| s.replace(['\t', '\n', '|'], " ");
    let mut out = String::from("id\tkind\tlabel\tcountry\troles\taliases\n");
    for r in rows {
        let aliases: Vec<String> = r.aliases.iter().map(|a| clean(a)).collect();
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t\t{}\n",
            clean(&r.id),
            r.kind,
            clean(&r.label),
            r.country,
            aliases.join("|")
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const GSR: &str = r#"<?xml version='1.0' encoding='utf-8'?>
<Validation>
####################
#   a <EventCoding...> mention in a comment block
####################
<Sentences>
<Sentence category="AFP" date="20080806" id="T_1" evaluate="true"/>
<EventCoding eventcode="042" sourcecode="USAGOV" targetcode="CHN" />
<EventCoding eventcode="036" sourcecode="CHN" targetcode="USA" />
<Text>
Secretary of State John Kerry visited Beijing &amp; met Chinese
officials on Monday.
</Text>
<Parse>
1	Secretary	secretary	PROPN	NNP	_	0	root	_	_
</Parse>
</Sentence>

<Sentence category="TEST" date="20150609" id="T_2" evaluate="true">
<!-- Discard event on "1994" <EventCoding eventcode="111" sourcecode="X" targetcode="Y"/> -->
<EventCoding noevents="True" />
<Text>
Nothing happened.
</Text>
</Sentence>
<Sentence category="X" id="T_3" evaluate="false"/>
<EventCoding eventcode = '190' sourcecode='"THE DARK LORD"' targetcode="GON"></EventCoding>
<Text>Skipped.</Text>
</Sentence>
</Sentences>
</Validation>
"#;

    #[test]
    fn parses_petrarch_records_robustly() {
        let recs = parse_records(GSR);
        assert_eq!(recs.len(), 3);
        let r = &recs[0];
        assert_eq!(r.id, "T_1");
        assert_eq!(r.category, "AFP");
        assert_eq!(
            r.text,
            "Secretary of State John Kerry visited Beijing & met Chinese officials on Monday."
        );
        assert_eq!(r.events.len(), 2);
        assert_eq!(r.events[0].source, "USAGOV");
        assert_eq!(r.events[1].eventcode, "036");
        assert!(r.is_scorable());
        assert!(recs[1].no_events && recs[1].events.is_empty());
        assert!(recs[1].is_scorable());
        assert!(!recs[2].evaluate);
        assert_eq!(recs[2].events[0].source, "\"THE DARK LORD\"");
        assert_eq!(recs[2].events[0].eventcode, "190");
    }

    #[test]
    fn empty_text_is_rebuilt_from_the_parse() {
        let xml = "<Sentence id=\"E\" category=\"OTHER\">\n<EventCoding eventcode=\"190\" sourcecode=\"NGAREB\" targetcode=\"NGA\" />\n<Text>\n</Text>\n<Parse>\n1\tRebels\trebel\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n2\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n</Parse></Sentence>\n";
        let recs = parse_records(xml);
        assert_eq!(recs.len(), 1);
        assert_eq!(recs[0].text, "Rebels attacked.");
    }

    #[test]
    fn attributes_with_spaces_and_quotes() {
        let a = parse_attributes(r#" noevents = "True" b='x y' c=z/"#);
        assert_eq!(a.get("noevents").map(String::as_str), Some("True"));
        assert_eq!(a.get("b").map(String::as_str), Some("x y"));
        assert_eq!(a.get("c").map(String::as_str), Some("z"));
    }

    #[test]
    fn cameo_to_plover_longest_prefix() {
        let t = CameoToPlover::parse(
            "# header\n04: CONSULT\n040: CONSULT, ,  # Consult\n042: CONSULT, visit,   # Make a visit\n\
             09: ACCUSE\n090: ACCUSE, investigate,  # Investigate\n110: ACCUSE, disapprove,  # x\n\
             100: REQUEST,  ,  # y\n190: ASSAULT, , military # z\n",
        );
        assert_eq!(t.category("042").as_deref(), Some("CONSULT"));
        assert_eq!(t.category("0421").as_deref(), Some("CONSULT"));
        assert_eq!(t.category("049").as_deref(), Some("CONSULT"));
        assert_eq!(t.category("091").as_deref(), Some("INVESTIGATE"));
        assert_eq!(t.category("112").as_deref(), None);
        assert_eq!(t.category("110").as_deref(), Some("DISAPPROVE"));
        assert_eq!(t.category("1004").as_deref(), Some("DEMAND"));
        assert_eq!(t.category("013"), None);
        assert_eq!(scoring_category("fight"), "ASSAULT");
    }

    const ACTORS: &str =
        "<!-- header\n# comment -->\nARNOR_  [ARN]\nUNITED_STATES  [USA]\n+U.S.  #JW\n+USA\n\
GOLLUM  # pas\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n\
HAMAS_GUNMEN [PSEHMSMIL]\nAL-QAEDA [IMGMOSALQ]\nBOROMIR  [---]\nLORIEN  [ELR/GAL]\nIMF  [IMF]\n\
ENT  \n\t[ENT]\n<! -- odd comment -->\nPRINCE OF DOL AMROTH\n\t[--- <950630]\n\t[DOL]\n";

    #[test]
    fn parses_tabari_dictionary() {
        let actors = parse_tabari_actors(ACTORS);
        let codes: Vec<&str> = actors.iter().map(|a| a.code.as_str()).collect();
        assert_eq!(
            codes,
            vec![
                "ARN",
                "USA",
                "HOB",
                "PSEHMSMIL",
                "IMGMOSALQ",
                "ELR",
                "IMF",
                "ENT",
                "DOL"
            ]
        );
        assert_eq!(actors[1].names, vec!["UNITED_STATES", "U.S.", "USA"]);
        assert_eq!(actors[2].names, vec!["GOLLUM", "SMEAGOL"]);
    }

    #[test]
    fn converts_tabari_to_actor_rows() {
        let rows = tabari_to_rows(&parse_tabari_actors(ACTORS));
        let usa = rows.iter().find(|r| r.id == "country:USA");
        assert!(usa.is_some_and(
            |r| r.label == "United States" && r.aliases == vec!["U.S.".to_string(), "USA".into()]
        ));
        let hamas = rows.iter().find(|r| r.code == "PSEHMSMIL");
        assert!(hamas.is_some_and(|r| r.id == "organization:hamas-gunmen" && r.country == "PSE"));
        let aq = rows.iter().find(|r| r.code == "IMGMOSALQ");
        assert!(aq.is_some_and(|r| r.label == "Al-Qaeda" && r.country.is_empty() && r.kind == "organization"));
        let imf = rows.iter().find(|r| r.code == "IMF");
        assert!(imf.is_some_and(|r| r.id == "organization:imf" && r.label == "IMF"));
        let tsv = rows_to_actors_tsv(&rows);
        assert!(tsv.starts_with("id\tkind\tlabel\tcountry\troles\taliases\n"));
        assert!(tsv.contains("country:ARN\tcountry\tArnor\tARN\t\t\n"));
    }

    #[test]
    fn comments_and_entities() {
        assert_eq!(
            strip_xml_comments("a<!-- x -->b<! -- y -->c<!DOCTYPE d>"),
            "abc<!DOCTYPE d>"
        );
        assert_eq!(
            decode_entities("a &amp; b &#65;&#x42; &bogus c&"),
            "a & b AB &bogus c&"
        );
        assert_eq!(code_country("USAGOV").as_deref(), Some("USA"));
        assert_eq!(code_country("IGOUNO"), None);
        assert_eq!(code_country("---REB"), None);
    }
}
