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
    // 3: who said what (entities and quotes per article), and a revision
    // counter bumped on every insert and update, so a follower (the search
    // index) can catch up on revisions as well as on new articles.
    r#"
    ALTER TABLE articles ADD COLUMN rev INTEGER NOT NULL DEFAULT 0;
    UPDATE articles SET rev = seq;
    CREATE INDEX articles_rev ON articles(rev);
    CREATE TABLE article_entities (
        article_id  TEXT NOT NULL,
        n           INTEGER NOT NULL,
        key         TEXT NOT NULL,
        name        TEXT NOT NULL,
        kind        TEXT NOT NULL,
        roles       TEXT NOT NULL,
        mentions    INTEGER NOT NULL,
        first_start INTEGER NOT NULL,
        first_end   INTEGER NOT NULL,
        PRIMARY KEY (article_id, n)
    );
    CREATE INDEX article_entities_key ON article_entities(key);
    CREATE TABLE article_quotes (
        article_id   TEXT NOT NULL,
        n            INTEGER NOT NULL,
        kind         TEXT NOT NULL,
        text         TEXT NOT NULL,
        start        INTEGER NOT NULL,
        end          INTEGER NOT NULL,
        speaker_text TEXT,
        speaker_name TEXT,
        speaker_key  TEXT,
        cue          TEXT,
        speech       INTEGER NOT NULL,
        PRIMARY KEY (article_id, n)
    );
    CREATE INDEX article_quotes_speaker ON article_quotes(speaker_key);
    "#,
    // 4: a summary row per story, kept current by every write that touches
    // the story, so listing stories does not group every membership.
    r#"
    CREATE TABLE stories (
        id              INTEGER PRIMARY KEY,
        articles        INTEGER NOT NULL,
        outlets         INTEGER NOT NULL,
        first_published TEXT,
        last_published  TEXT,
        title           TEXT,
        languages       TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX stories_last ON stories(last_published);
    CREATE INDEX stories_size ON stories(articles);
    INSERT INTO stories (id, articles, outlets, first_published, last_published, title, languages)
    SELECT m.story_id, COUNT(*), COUNT(DISTINCT a.outlet), MIN(a.published_utc), MAX(a.published_utc),
           (SELECT a2.title FROM story_members m2 JOIN articles a2 ON a2.id = m2.article_id
             WHERE m2.story_id = m.story_id
             ORDER BY a2.published_utc IS NULL, a2.published_utc, a2.seq LIMIT 1),
           COALESCE(group_concat(DISTINCT a.language), '')
    FROM story_members m JOIN articles a ON a.id = m.article_id GROUP BY m.story_id;
    "#,
];
