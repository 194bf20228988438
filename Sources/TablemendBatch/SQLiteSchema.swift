import GRDB

/// The SQLite schema of `tablemend.sqlite`, as GRDB migrations: a database written by an older
/// tablemend is carried forward, never rebuilt, and `schema_version` says which version a
/// database has.
public enum SQLiteSchema {
  /// The schema version this tablemend writes.
  public static let version = 4

  /// The migrations, oldest first.
  public static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    // Version 1 (tablemend 0.5): documents, forms, indicators, diagnostics.
    migrator.registerMigration("v1") { db in
      try db.execute(sql: v1)
    }
    // Version 2: every part of the model in its table, the typed value's range and scale
    // columns, the form's year on each indicator, indexes on what people filter by, and
    // `schema_version`.
    migrator.registerMigration("v2-relational") { db in
      try db.execute(sql: v2)
    }
    // Version 3: documents keyed by content: every path a document's bytes were found at, in
    // `document_paths` (a copy of a file is one document with two paths).
    migrator.registerMigration("v3-document-paths") { db in
      try db.execute(sql: v3)
    }
    // Version 4: every table that names its document is indexed by it, so that a re-run
    // removes a changed document's rows without scanning whole tables.
    migrator.registerMigration("v4-document-indexes") { db in
      try db.execute(sql: v4)
    }
    return migrator
  }

  static let v1 = """
    CREATE TABLE documents (
      id INTEGER PRIMARY KEY,
      path TEXT NOT NULL UNIQUE,
      sha256 TEXT NOT NULL,
      encoding TEXT NOT NULL,
      dialect TEXT NOT NULL,
      model TEXT NOT NULL,
      tables INTEGER NOT NULL,
      forms INTEGER NOT NULL,
      indicators INTEGER NOT NULL,
      diagnostics INTEGER NOT NULL
    );
    CREATE TABLE forms (
      id INTEGER PRIMARY KEY,
      document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      ordinal INTEGER NOT NULL,
      kind TEXT NOT NULL,
      title TEXT,
      year INTEGER,
      name TEXT,
      fields TEXT NOT NULL,
      line INTEGER NOT NULL,
      "column" INTEGER NOT NULL,
      part TEXT
    );
    CREATE INDEX forms_document ON forms(document_id);
    CREATE TABLE indicators (
      id INTEGER PRIMARY KEY,
      form_id INTEGER NOT NULL REFERENCES forms(id) ON DELETE CASCADE,
      document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      ordinal INTEGER NOT NULL,
      period TEXT NOT NULL,
      level1 TEXT NOT NULL,
      level2 TEXT NOT NULL,
      level3 TEXT NOT NULL,
      raw TEXT NOT NULL,
      kind TEXT NOT NULL,
      op TEXT,
      value REAL,
      unit TEXT,
      standard TEXT,
      value_json TEXT NOT NULL,
      line INTEGER NOT NULL,
      "column" INTEGER NOT NULL,
      part TEXT
    );
    CREATE INDEX indicators_form ON indicators(form_id);
    CREATE INDEX indicators_document ON indicators(document_id);
    CREATE TABLE diagnostics (
      id INTEGER PRIMARY KEY,
      document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      ordinal INTEGER NOT NULL,
      severity TEXT NOT NULL,
      code TEXT NOT NULL,
      message TEXT NOT NULL,
      line INTEGER,
      "column" INTEGER,
      part TEXT
    );
    CREATE INDEX diagnostics_document ON diagnostics(document_id);
    """

  static let v2 = """
    ALTER TABLE indicators ADD COLUMN min REAL;
    ALTER TABLE indicators ADD COLUMN max REAL;
    ALTER TABLE indicators ADD COLUMN per TEXT;
    ALTER TABLE indicators ADD COLUMN base_value REAL;
    ALTER TABLE indicators ADD COLUMN base_unit TEXT;
    ALTER TABLE indicators ADD COLUMN year INTEGER;
    UPDATE indicators SET year = (SELECT year FROM forms WHERE forms.id = indicators.form_id);
    CREATE INDEX indicators_levels ON indicators(level1, level2);
    CREATE INDEX indicators_value ON indicators(kind, op, unit);
    CREATE INDEX indicators_year ON indicators(year);
    CREATE INDEX forms_kind_year ON forms(kind, year);
    CREATE TABLE fields (
      id INTEGER PRIMARY KEY,
      form_id INTEGER NOT NULL REFERENCES forms(id) ON DELETE CASCADE,
      document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      value TEXT NOT NULL
    );
    CREATE INDEX fields_form ON fields(form_id);
    CREATE INDEX fields_name ON fields(name);
    CREATE TABLE funds (
      id INTEGER PRIMARY KEY,
      form_id INTEGER NOT NULL REFERENCES forms(id) ON DELETE CASCADE,
      document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      ordinal INTEGER NOT NULL,
      label TEXT NOT NULL,
      period TEXT NOT NULL,
      amount REAL NOT NULL,
      unit TEXT NOT NULL,
      category TEXT
    );
    CREATE INDEX funds_form ON funds(form_id);
    CREATE INDEX funds_label ON funds(label, period);
    CREATE TABLE goals (
      id INTEGER PRIMARY KEY,
      form_id INTEGER NOT NULL REFERENCES forms(id) ON DELETE CASCADE,
      document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      period TEXT NOT NULL,
      ordinal INTEGER NOT NULL,
      text TEXT NOT NULL
    );
    CREATE INDEX goals_form ON goals(form_id);
    CREATE TABLE records (
      id INTEGER PRIMARY KEY,
      form_id INTEGER NOT NULL REFERENCES forms(id) ON DELETE CASCADE,
      document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      ordinal INTEGER NOT NULL,
      section TEXT NOT NULL
    );
    CREATE INDEX records_form ON records(form_id);
    CREATE TABLE record_fields (
      id INTEGER PRIMARY KEY,
      record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      value TEXT NOT NULL
    );
    CREATE INDEX record_fields_record ON record_fields(record_id);
    CREATE TABLE indicator_history (
      id INTEGER PRIMARY KEY,
      indicator_id INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
      ordinal INTEGER NOT NULL,
      label TEXT NOT NULL,
      raw TEXT NOT NULL,
      kind TEXT NOT NULL,
      op TEXT,
      value REAL,
      unit TEXT
    );
    CREATE INDEX indicator_history_indicator ON indicator_history(indicator_id);
    CREATE TABLE evaluations (
      id INTEGER PRIMARY KEY,
      indicator_id INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
      label TEXT NOT NULL,
      value TEXT NOT NULL
    );
    CREATE INDEX evaluations_indicator ON evaluations(indicator_id);
    CREATE INDEX evaluations_label ON evaluations(label);
    CREATE TABLE schema_version (version INTEGER NOT NULL);
    INSERT INTO schema_version (version) VALUES (2);
    """

  static let v3 = """
    CREATE TABLE document_paths (
      document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      path TEXT NOT NULL UNIQUE
    );
    CREATE INDEX document_paths_document ON document_paths(document_id);
    CREATE INDEX documents_sha256 ON documents(sha256);
    INSERT INTO document_paths (document_id, path) SELECT id, path FROM documents;
    UPDATE schema_version SET version = 3;
    """

  static let v4 = """
    CREATE INDEX fields_document ON fields(document_id);
    CREATE INDEX funds_document ON funds(document_id);
    CREATE INDEX goals_document ON goals(document_id);
    CREATE INDEX records_document ON records(document_id);
    UPDATE schema_version SET version = 4;
    """
}
