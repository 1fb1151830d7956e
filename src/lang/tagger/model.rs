//! The tagger's weights and their binary file format: a checked header, then
//! a table of (feature hash, one i16 weight per tag) sorted by hash, read
//! into a bucketed index so a lookup is a short search. The hashes are kept
//! apart from the weights: the index (under 1 MB) stays in cache, and a
//! feature the model does not know (most context n-grams) costs no load
//! of weights.
//!
//! Format (all integers little-endian):
//!
//! | bytes | what |
//! |---|---|
//! | 4 | magic `DSTG` |
//! | 2 | version, 1 |
//! | 2 | number of tags `T` (17) |
//! | 4 | number of rows `N` |
//! | 4 | scale, an `f32`: a weight is its `i16` times the scale |
//! | N × (4 + 2T) | rows: feature hash `u32`, then `T` weights `i16`, hashes strictly ascending |
//! | 4 | FNV-1a (32-bit) of every byte before it |
//!
//! A file of another length, magic, version or tag count, with hashes out
//! of order or a wrong checksum is an error, never a panic.

use super::tags::N_TAGS;

pub const MAGIC: &[u8; 4] = b"DSTG";
pub const VERSION: u16 = 1;
const HEADER: usize = 16;
const ROW: usize = 4 + 2 * N_TAGS;
/// Index buckets: the top bits of a hash pick a bucket of rows (about two
/// rows per bucket for the bundled model).
const BUCKET_BITS: u32 = 16;

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ModelError {
    #[error("tagger model: {0} bytes is too short for the header")]
    Short(usize),
    #[error("tagger model: bad magic (not a dossier tagger file)")]
    Magic,
    #[error("tagger model: version {0}, this build reads version {VERSION}")]
    Version(u16),
    #[error("tagger model: {0} tags, this build has {N_TAGS}")]
    Tags(u16),
    #[error("tagger model: {rows} rows need {want} bytes, the file has {have}")]
    Length {
        rows: usize,
        want: usize,
        have: usize,
    },
    #[error("tagger model: feature hashes out of order at row {0}")]
    Order(usize),
    #[error("tagger model: checksum mismatch (file damaged)")]
    Checksum,
}

/// One feature's weights, next to its hash.
struct Row {
    hash: u32,
    weights: [i16; N_TAGS],
}

/// Weights, one row per feature.
pub struct Model {
    /// Feature hashes, ascending; `weights[i]` belongs to `hashes[i]`.
    hashes: Vec<u32>,
    weights: Vec<[i16; N_TAGS]>,
    scale: f32,
    /// `buckets[b]..buckets[b + 1]` are the rows whose hash has top bits `b`.
    buckets: Vec<u32>,
}

pub fn fnv32(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in bytes {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

fn u16_at(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

impl Model {
    /// A model from rows (hash, weights) in any order, for training.
    pub fn from_rows(mut rows: Vec<(u32, [i16; N_TAGS])>, scale: f32) -> Model {
        rows.sort_unstable_by_key(|r| r.0);
        rows.dedup_by_key(|r| r.0);
        let rows = rows
            .into_iter()
            .map(|(hash, weights)| Row { hash, weights })
            .collect();
        Model::indexed(rows, scale)
    }

    fn indexed(rows: Vec<Row>, scale: f32) -> Model {
        let n = 1usize << BUCKET_BITS;
        let mut buckets = Vec::with_capacity(n + 1);
        let mut row = 0;
        for b in 0..n {
            while row < rows.len() && ((rows[row].hash >> (32 - BUCKET_BITS)) as usize) < b {
                row += 1;
            }
            buckets.push(row as u32);
        }
        buckets.push(rows.len() as u32);
        let (hashes, weights) = rows.into_iter().map(|r| (r.hash, r.weights)).unzip();
        Model {
            hashes,
            weights,
            scale,
            buckets,
        }
    }

    /// Reads a model file, checking everything the format says.
    pub fn parse(bytes: &[u8]) -> Result<Model, ModelError> {
        if bytes.len() < HEADER + 4 {
            return Err(ModelError::Short(bytes.len()));
        }
        if &bytes[..4] != MAGIC {
            return Err(ModelError::Magic);
        }
        let version = u16_at(bytes, 4);
        if version != VERSION {
            return Err(ModelError::Version(version));
        }
        let tags = u16_at(bytes, 6);
        if tags as usize != N_TAGS {
            return Err(ModelError::Tags(tags));
        }
        let rows = u32_at(bytes, 8) as usize;
        let want = rows
            .checked_mul(ROW)
            .and_then(|r| r.checked_add(HEADER + 4));
        if want != Some(bytes.len()) {
            return Err(ModelError::Length {
                rows,
                want: want.unwrap_or(usize::MAX),
                have: bytes.len(),
            });
        }
        let body = bytes.len() - 4;
        if fnv32(&bytes[..body]) != u32_at(bytes, body) {
            return Err(ModelError::Checksum);
        }
        let scale = f32::from_le_bytes([bytes[12], bytes[13], bytes[14], bytes[15]]);
        let mut out: Vec<Row> = Vec::with_capacity(rows);
        for r in 0..rows {
            let at = HEADER + r * ROW;
            let hash = u32_at(bytes, at);
            if out.last().is_some_and(|last| last.hash >= hash) {
                return Err(ModelError::Order(r));
            }
            let mut weights = [0i16; N_TAGS];
            for (t, x) in weights.iter_mut().enumerate() {
                *x = u16_at(bytes, at + 4 + 2 * t) as i16;
            }
            out.push(Row { hash, weights });
        }
        Ok(Model::indexed(out, scale))
    }

    /// The file bytes of this model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER + 4 + self.rows() * ROW);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&(N_TAGS as u16).to_le_bytes());
        out.extend_from_slice(&(self.rows() as u32).to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        for (hash, weights) in self.hashes.iter().zip(&self.weights) {
            out.extend_from_slice(&hash.to_le_bytes());
            for x in weights {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
        let sum = fnv32(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    pub fn rows(&self) -> usize {
        self.hashes.len()
    }

    pub fn scale(&self) -> f32 {
        self.scale
    }

    fn row(&self, h: u32) -> Option<&[i16; N_TAGS]> {
        let b = (h >> (32 - BUCKET_BITS)) as usize;
        let (lo, hi) = (self.buckets[b] as usize, self.buckets[b + 1] as usize);
        let i = self.hashes[lo..hi].iter().position(|&x| x >= h)?;
        (self.hashes[lo + i] == h).then(|| &self.weights[lo + i])
    }

    /// Adds the weights of every feature to `scores` (unscaled).
    pub fn add_scores(&self, features: &[u32], scores: &mut [i32; N_TAGS]) {
        for &f in features {
            if let Some(w) = self.row(f) {
                for (s, &x) in scores.iter_mut().zip(w) {
                    *s += i32::from(x);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Model {
        let mut a = [0i16; N_TAGS];
        a[1] = 7;
        let mut b = [0i16; N_TAGS];
        b[0] = -3;
        Model::from_rows(vec![(0xdead_beef, a), (5, b)], 0.5)
    }

    #[test]
    fn round_trips_and_scores() {
        let bytes = sample().to_bytes();
        let m = Model::parse(&bytes).unwrap();
        assert_eq!(m.rows(), 2);
        assert_eq!(m.scale(), 0.5);
        let mut s = [0i32; N_TAGS];
        m.add_scores(&[5, 0xdead_beef, 99], &mut s);
        assert_eq!((s[0], s[1], s[2]), (-3, 7, 0));
        assert_eq!(m.to_bytes(), bytes);
    }

    #[test]
    fn damaged_files_are_errors() {
        let bytes = sample().to_bytes();
        assert_eq!(
            Model::parse(&bytes[..10]).err(),
            Some(ModelError::Short(10))
        );
        assert!(matches!(
            Model::parse(&bytes[..bytes.len() - 1]),
            Err(ModelError::Length { .. })
        ));
        let mut bad = bytes.clone();
        bad[0] = b'X';
        assert_eq!(Model::parse(&bad).err(), Some(ModelError::Magic));
        let mut bad = bytes.clone();
        bad[4] = 9;
        assert_eq!(Model::parse(&bad).err(), Some(ModelError::Version(9)));
        let mut bad = bytes.clone();
        bad[20] ^= 1;
        assert_eq!(Model::parse(&bad).err(), Some(ModelError::Checksum));
        let mut bad = bytes.clone();
        bad[8] = 200;
        assert!(matches!(Model::parse(&bad), Err(ModelError::Length { .. })));
        assert!(Model::parse(&[]).is_err());
    }
}
