//! Word shingles: the normaliser, the shingle hash and the [`Shingles`] set.
//!
//! A word is a maximal run of alphanumeric characters (Unicode), lower-cased;
//! everything else (punctuation, apostrophes, quotes of any style, white
//! space) separates words. So `Rubio’s` and `Rubio's` both give `rubio`, `s`,
//! and a curly/straight quote change or a re-wrapped line does not change a
//! shingle. Diacritics are kept: `café` and `cafe` differ (a copy keeps its
//! spelling; folding would cost time for no measured gain).
//!
//! Each word is hashed once (FNV-1a over its lower-cased UTF-8 bytes, then a
//! 64-bit finaliser); a shingle's hash mixes its [`SHINGLE_WORDS`] word hashes
//! in order. The set keeps the high 32 bits of each shingle hash, sorted and
//! de-duplicated: two different shingles of two ~700-shingle articles share a
//! 32-bit value with probability ~700²/2³² ≈ 10⁻⁴, which moves a Jaccard value
//! by at most 1/700, while the set costs half the memory of 64-bit hashes.

use serde::{Deserialize, Serialize};

/// Words per shingle (w = 5, the usual choice for web near-duplicates; see
/// `METHODS.md` §4).
pub(crate) const SHINGLE_WORDS: usize = 5;

/// The shingle set of one article: sorted, distinct 32-bit shingle hashes.
///
/// Build it with [`shingles`] from the body text, or with
/// [`Shingles::from_words`] from words normalised elsewhere (for instance the
/// `norm` of `parallax-text` tokens). Texts with fewer than five words get a
/// single element, the hash of the whole word sequence, so they match only an
/// identical short text; a text with no word gets the empty set and always
/// starts its own group.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Shingles {
    set: Vec<u32>,
}

impl Shingles {
    /// Shingles of a sequence of already-normalised words (each should be
    /// lower-cased; nothing else is done to them).
    pub fn from_words<'a, I: IntoIterator<Item = &'a str>>(words: I) -> Shingles {
        let mut b = Builder::new(256);
        for w in words {
            b.push_word(word_hash_bytes(w.as_bytes()));
        }
        b.finish()
    }

    /// Number of distinct shingles.
    pub fn len(&self) -> usize {
        self.set.len()
    }

    /// True when the text had no word.
    pub fn is_empty(&self) -> bool {
        self.set.is_empty()
    }

    /// The sorted, distinct shingle hashes.
    pub(crate) fn as_slice(&self) -> &[u32] {
        &self.set
    }

    /// Rebuilds a set from stored hashes (sorted and de-duplicated here, so a
    /// damaged snapshot cannot break the merge in [`intersection_len`]).
    pub(crate) fn from_hashes(mut set: Vec<u32>) -> Shingles {
        set.sort_unstable();
        set.dedup();
        Shingles { set }
    }

    /// The hashes, moved out.
    pub(crate) fn into_vec(self) -> Vec<u32> {
        self.set
    }

    /// Heap bytes held.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.set.capacity() * 4
    }
}

/// Word 5-shingles of `text` under the crate's own normaliser (see the
/// [module doc](crate#shingles)): lower-cased alphanumeric runs.
///
/// About 3 µs for a 4 KB English article on one core.
pub fn shingles(text: &str) -> Shingles {
    let mut b = Builder::new(text.len() / 5 + 8);
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut h = FNV_OFFSET;
    let mut in_word = false;
    while i < bytes.len() {
        let c = bytes[i];
        if c < 0x80 {
            i += 1;
            if c.is_ascii_alphanumeric() {
                h = fnv_step(h, c.to_ascii_lowercase());
                in_word = true;
            } else if in_word {
                b.push_word(finish_word(h));
                h = FNV_OFFSET;
                in_word = false;
            }
            continue;
        }
        // Non-ASCII: decode one char.
        let Some(ch) = text.get(i..).and_then(|s| s.chars().next()) else { break };
        i += ch.len_utf8();
        if ch.is_alphanumeric() {
            for lc in ch.to_lowercase() {
                let mut buf = [0u8; 4];
                for &byte in lc.encode_utf8(&mut buf).as_bytes() {
                    h = fnv_step(h, byte);
                }
            }
            in_word = true;
        } else if in_word {
            b.push_word(finish_word(h));
            h = FNV_OFFSET;
            in_word = false;
        }
    }
    if in_word {
        b.push_word(finish_word(h));
    }
    b.finish()
}

/// Exact Jaccard similarity and containment of two shingle sets.
///
/// Returns `(jaccard, containment)`, both in `[0, 1]`: Jaccard is
/// |A∩B| / |A∪B|; containment is |A∩B| / min(|A|, |B|), how much of the
/// shorter text is found in the longer (Broder 1997). Two empty sets give
/// `(0, 0)`: an empty text is nobody's copy.
pub fn pair_similarity(a: &Shingles, b: &Shingles) -> (f32, f32) {
    similarity(a.as_slice(), b.as_slice())
}

pub(crate) fn similarity(a: &[u32], b: &[u32]) -> (f32, f32) {
    if a.is_empty() || b.is_empty() {
        return (0.0, 0.0);
    }
    let inter = intersection_len(a, b);
    let union = a.len() + b.len() - inter;
    let shorter = a.len().min(b.len());
    (inter as f32 / union as f32, inter as f32 / shorter as f32)
}

/// Size of the intersection of two sorted, distinct slices (a linear merge).
pub(crate) fn intersection_len(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        n += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    n
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

#[inline]
fn fnv_step(h: u64, byte: u8) -> u64 {
    (h ^ u64::from(byte)).wrapping_mul(FNV_PRIME)
}

#[inline]
fn finish_word(h: u64) -> u64 {
    mix64(h)
}

fn word_hash_bytes(bytes: &[u8]) -> u64 {
    finish_word(bytes.iter().fold(FNV_OFFSET, |h, &b| fnv_step(h, b)))
}

/// A 64-bit finaliser with full avalanche (the MurmurHash3 `fmix64` constants).
#[inline]
pub(crate) fn mix64(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^= x >> 33;
    x
}

/// Collects word hashes and emits one shingle hash per window of
/// [`SHINGLE_WORDS`] consecutive words.
struct Builder {
    ring: [u64; SHINGLE_WORDS],
    words: usize,
    out: Vec<u32>,
}

impl Builder {
    fn new(cap: usize) -> Builder {
        Builder { ring: [0; SHINGLE_WORDS], words: 0, out: Vec::with_capacity(cap) }
    }

    #[inline]
    fn push_word(&mut self, h: u64) {
        self.ring[self.words % SHINGLE_WORDS] = h;
        self.words += 1;
        if self.words >= SHINGLE_WORDS {
            self.out.push(self.window_hash(SHINGLE_WORDS));
        }
    }

    /// Hash of the last `n` words in order.
    #[inline]
    fn window_hash(&self, n: usize) -> u32 {
        let mut h: u64 = 0x9e37_79b9_7f4a_7c15 ^ n as u64;
        for k in 0..n {
            let w = self.ring[(self.words - n + k) % SHINGLE_WORDS];
            h = (h.rotate_left(23) ^ w).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
        (mix64(h) >> 32) as u32
    }

    fn finish(mut self) -> Shingles {
        if (1..SHINGLE_WORDS).contains(&self.words) {
            let h = self.window_hash(self.words);
            self.out.push(h);
        }
        self.out.sort_unstable();
        self.out.dedup();
        Shingles { set: self.out }
    }
}
