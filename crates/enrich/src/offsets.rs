//! Byte offsets → Unicode code point offsets.

/// Maps byte offsets of one text to code point offsets (the unit of the JSON
/// contract and of the gold corpora) and back. Built once per text; a lookup
/// is a binary search over the non-ASCII chars only.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Every non-ASCII char: (byte offset, code point index, UTF-8 width).
    wide: Vec<(usize, usize, usize)>,
    len_bytes: usize,
    len_chars: usize,
}

impl CharIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut wide = Vec::new();
        let mut n = 0usize;
        for (b, c) in text.char_indices() {
            if !c.is_ascii() {
                wide.push((b, n, c.len_utf8()));
            }
            n += 1;
        }
        CharIndex { wide, len_bytes: text.len(), len_chars: n }
    }

    /// The code point offset of byte offset `byte` (a char boundary; offsets
    /// past the end map to the length in chars).
    pub fn char_of(&self, byte: usize) -> usize {
        if byte >= self.len_bytes {
            return self.len_chars;
        }
        let i = self.wide.partition_point(|&(b, _, _)| b < byte);
        match i.checked_sub(1).and_then(|j| self.wide.get(j)) {
            None => byte,
            // ASCII (one byte a char) from the end of that wide char on.
            Some(&(b, c, w)) => c + 1 + byte.saturating_sub(b + w),
        }
    }

    /// The byte offset of code point offset `ch` (offsets past the end map
    /// to the length in bytes).
    pub fn byte_of(&self, ch: usize) -> usize {
        if ch >= self.len_chars {
            return self.len_bytes;
        }
        let i = self.wide.partition_point(|&(_, c, _)| c < ch);
        match i.checked_sub(1).and_then(|j| self.wide.get(j)) {
            None => ch,
            Some(&(b, c, w)) => b + w + (ch - c - 1),
        }
    }

    /// Length of the text in code points.
    pub fn len_chars(&self) -> usize {
        self.len_chars
    }
}

#[cfg(test)]
mod tests {
    use super::CharIndex;

    #[test]
    fn round_trips_every_boundary() {
        let text = "«Hysteria» – Løkke said 5 % … 日本 ok";
        let ix = CharIndex::new(text);
        for (n, (b, _)) in text.char_indices().enumerate() {
            assert_eq!(ix.char_of(b), n, "byte {b}");
            assert_eq!(ix.byte_of(n), b, "char {n}");
        }
        assert_eq!(ix.char_of(text.len()), text.chars().count());
        assert_eq!(ix.byte_of(ix.len_chars()), text.len());
        let ascii = CharIndex::new("plain");
        assert_eq!((ascii.char_of(3), ascii.byte_of(3)), (3, 3));
    }
}
