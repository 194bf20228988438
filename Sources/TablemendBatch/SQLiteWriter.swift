import Foundation
import GRDB
import Tablemend

/// Writes documents into a new SQLite database: tables `documents`, `forms`, `indicators` and
/// `diagnostics`, linked by foreign keys, all in one transaction committed by `finish()`.
///
/// Schema (one row per document, form, indicator, diagnostic):
/// - `documents(id, path UNIQUE, sha256, encoding, dialect, model, tables, forms, indicators,
///   diagnostics)`;
/// - `forms(id, document_id → documents, ordinal, kind, title, year, name, fields (JSON),
///   line, column, part)`;
/// - `indicators(id, form_id → forms, document_id → documents, ordinal, period, level1,
///   level2, level3, raw, kind, op, value, unit, standard, value_json, line, column, part)`;
/// - `diagnostics(id, document_id → documents, ordinal, severity, code, message, line,
///   column, part)`.
public final class SQLiteWriter {
  private let queue: DatabaseQueue
  private var finished = false

  /// Creates the database at `url` (which must not exist) and its schema, and opens the
  /// transaction the documents go into.
  /// - Throws: `BatchError` when the database cannot be created.
  public init(url: URL) throws(BatchError) {
    do {
      var configuration = Configuration()
      // One transaction spans every insert, across `inDatabase` calls.
      configuration.allowsUnsafeTransactions = true
      queue = try DatabaseQueue(path: url.path, configuration: configuration)
      try queue.inDatabase { db in
        try db.execute(sql: SQLiteWriter.schema)
        try db.beginTransaction()
      }
    } catch {
      throw BatchError(path: url.path, message: "cannot create database: \(error)")
    }
  }

  /// The statements that create the tables.
  public static let schema = """
    PRAGMA foreign_keys = ON;
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

  /// Inserts one document with its forms, indicators and diagnostics.
  /// - Throws: `BatchError` naming the document when SQLite refuses a row.
  public func insert(_ document: Document) throws(BatchError) {
    do {
      try queue.inDatabase { db in try SQLiteWriter.insert(document, into: db) }
    } catch {
      throw BatchError(
        path: document.source.path, message: "cannot write to the database: \(error)")
    }
  }

  private static func insert(_ document: Document, into db: Database) throws {
    let indicatorCount = document.forms.reduce(0) { $0 + $1.indicators.count }
    try db.cachedStatement(
      sql: """
        INSERT INTO documents (path, sha256, encoding, dialect, model, tables, forms, indicators,
          diagnostics) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      document.source.path, document.source.sha256, document.source.encoding,
      document.source.dialect, document.model, document.tables.count, document.forms.count,
      indicatorCount, document.diagnostics.count,
    ])
    let documentID = db.lastInsertedRowID
    let formStatement = try db.cachedStatement(
      sql: """
        INSERT INTO forms (document_id, ordinal, kind, title, year, name, fields, line, "column",
          part) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    let indicatorStatement = try db.cachedStatement(
      sql: """
        INSERT INTO indicators (form_id, document_id, ordinal, period, level1, level2, level3,
          raw, kind, op, value, unit, standard, value_json, line, "column", part)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    for (formIndex, form) in document.forms.enumerated() {
      let fields = String(decoding: try JSONOutput.encode(form.fields), as: UTF8.self)
      try formStatement.execute(arguments: [
        documentID, formIndex, form.kind.rawValue, form.title, form.year,
        IndicatorRow.name(of: form), fields, form.location.line, form.location.column,
        form.location.part,
      ])
      let formID = db.lastInsertedRowID
      for (index, indicator) in form.indicators.enumerated() {
        let value = indicator.value
        let valueJSON = String(decoding: try JSONOutput.encode(value), as: UTF8.self)
        try indicatorStatement.execute(arguments: [
          formID, documentID, index, indicator.period, indicator.level1, indicator.level2,
          indicator.level3, value.raw, value.kind.rawValue, value.op?.rawValue, value.value,
          value.unit, indicator.standard, valueJSON, indicator.location.line,
          indicator.location.column, indicator.location.part,
        ])
      }
    }
    let diagnosticStatement = try db.cachedStatement(
      sql: """
        INSERT INTO diagnostics (document_id, ordinal, severity, code, message, line, "column",
          part) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """)
    for (index, diagnostic) in document.diagnostics.enumerated() {
      try diagnosticStatement.execute(arguments: [
        documentID, index, diagnostic.severity.rawValue, diagnostic.code, diagnostic.message,
        diagnostic.location?.line, diagnostic.location?.column, diagnostic.location?.part,
      ])
    }
  }

  /// Commits the transaction, checks the foreign keys and closes the database.
  /// - Throws: `BatchError` when the commit or the check fails.
  public func finish(path: String) throws(BatchError) {
    do {
      try queue.inDatabase { db in
        try db.commit()
        let broken = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
        if !broken.isEmpty {
          throw BatchError(path: path, message: "\(broken.count) rows break a foreign key")
        }
      }
      finished = true
      try queue.close()
    } catch let error as BatchError {
      throw error
    } catch {
      throw BatchError(path: path, message: "cannot finish the database: \(error)")
    }
  }

  /// Rolls back and closes the database (after a failure); the caller removes the file.
  public func abandon() {
    guard !finished else { return }
    finished = true
    try? queue.inDatabase { db in
      if db.isInsideTransaction { try db.rollback() }
    }
    try? queue.close()
  }
}
