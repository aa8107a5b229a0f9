//! Schema migrations, applied in order; `PRAGMA user_version` records how many ran.
//! Never edit a migration that has shipped: add a new one.

pub(crate) const MIGRATIONS: &[&str] = &[
    // 1: articles and the reject log.
    r#"
    CREATE TABLE articles (
        id              TEXT PRIMARY KEY,
        url             TEXT,
        outlet          TEXT,
        title           TEXT,
        authors         TEXT NOT NULL DEFAULT '[]',
        published_utc   TEXT,
        published       TEXT,
        language        TEXT,
        lang_confidence REAL NOT NULL DEFAULT 0,
        source          TEXT NOT NULL,
        text            TEXT NOT NULL,
        paragraphs      TEXT NOT NULL,
        sentences       TEXT NOT NULL,
        n_tokens        INTEGER NOT NULL DEFAULT 0,
        meta            TEXT NOT NULL DEFAULT '{}',
        content_hash    TEXT NOT NULL,
        ingested_at     TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        seq             INTEGER NOT NULL
    );
    CREATE INDEX articles_published ON articles(published_utc);
    CREATE INDEX articles_outlet ON articles(outlet);
    CREATE INDEX articles_seq ON articles(seq);
    CREATE TABLE rejects (
        source_key  TEXT NOT NULL,
        reason      TEXT NOT NULL,
        source      TEXT NOT NULL,
        detail      TEXT NOT NULL,
        first_seen  TEXT NOT NULL,
        last_seen   TEXT NOT NULL,
        times       INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (source_key, reason)
    );
    "#,
    // 2: near-duplicate groups, story membership, story aliases, state snapshots.
    r#"
    CREATE TABLE dup_groups (
        article_id  TEXT PRIMARY KEY,
        group_id    TEXT NOT NULL,
        canonical   TEXT NOT NULL,
        similarity  REAL NOT NULL,
        containment REAL NOT NULL
    );
    CREATE INDEX dup_groups_group ON dup_groups(group_id);
    CREATE TABLE story_members (
        article_id    TEXT PRIMARY KEY,
        story_id      INTEGER NOT NULL,
        score         REAL NOT NULL,
        via_duplicate INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX story_members_story ON story_members(story_id);
    CREATE TABLE story_aliases (
        alias    INTEGER PRIMARY KEY,
        story_id INTEGER NOT NULL
    );
    CREATE TABLE snapshots (
        name        TEXT PRIMARY KEY,
        covered_seq INTEGER NOT NULL,
        data        BLOB NOT NULL,
        updated_at  TEXT NOT NULL
    );
    "#,
];
