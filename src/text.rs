//! Text stage: sentence splitting and tokenization with byte offsets.
//!
//! (Placeholder splitter: replaced by the full implementation.)

use crate::model::Span;

/// Coarse token class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (possibly with inner periods or apostrophes: `U.S.`, `O'Brien`).
    Word,
    /// Digits (possibly with `,` `.` inside: `1,000`, `3.5`).
    Number,
    /// Anything else, one character per token (`,` `-` `“`), or a clitic such as `'s`.
    Punct,
}

/// A token: a byte span and its class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token {
    /// Byte span in the document text.
    pub span: Span,
    /// Class.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, doc: &'a str) -> &'a str {
        self.span.slice(doc)
    }
}

/// A sentence: its index, span and tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// 0-based index in the document.
    pub index: usize,
    /// Byte span (trimmed of surrounding whitespace).
    pub span: Span,
    /// Tokens in order.
    pub tokens: Vec<Token>,
}

/// Splits `text` into sentences of tokens.
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = None;
    let mut tokens = Vec::new();
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < bytes.len() {
        let c = text[i..].chars().next().unwrap_or(' ');
        let len = c.len_utf8();
        if c.is_alphanumeric() {
            let s = i;
            while i < bytes.len() {
                let c = text[i..].chars().next().unwrap_or(' ');
                if !c.is_alphanumeric() {
                    break;
                }
                i += c.len_utf8();
            }
            start.get_or_insert(s);
            tokens.push(Token {
                span: Span::new(s, i),
                kind: TokenKind::Word,
            });
            continue;
        }
        if !c.is_whitespace() {
            start.get_or_insert(i);
            tokens.push(Token {
                span: Span::new(i, i + len),
                kind: TokenKind::Punct,
            });
        }
        i += len;
        if matches!(c, '.' | '!' | '?') || (c == '\n' && text[i..].starts_with('\n')) {
            if let Some(s) = start.take() {
                let end = tokens.last().map_or(i, |t: &Token| t.span.end);
                out.push(Sentence {
                    index: out.len(),
                    span: Span::new(s, end),
                    tokens: std::mem::take(&mut tokens),
                });
            }
        }
    }
    if let Some(s) = start {
        let end = tokens.last().map_or(text.len(), |t| t.span.end);
        out.push(Sentence {
            index: out.len(),
            span: Span::new(s, end),
            tokens,
        });
    }
    out
}
