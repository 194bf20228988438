import Foundation
import GRDB
import Tablemend

/// Writes documents into a new SQLite database, relational: every part of the model has its
/// table, linked by foreign keys, all in one transaction committed by `finish()`. The schema is
/// built by `SQLiteSchema.migrator` (GRDB migrations), which also carries a database an older
/// tablemend wrote forward; `schema_version` holds its version.
///
/// Tables (see `docs/batch.md` for every column and example queries): `documents`, `forms`,
/// `fields` (name/value per form), `funds`, `goals` (one row per goal item), `records` and
/// `record_fields`, `indicators` (with the typed value's columns: `op`, `value`, `min`, `max`,
/// `unit`, `per`, base value and unit), `indicator_history` (上年 / 前年 values),
/// `evaluations` (实际完成值, 分值, 得分, 偏差原因 … of self-evaluation forms) and `diagnostics`.
public final class SQLiteWriter {
  private let queue: DatabaseQueue
  private var finished = false
  /// Documents written so far by the SHA-256 of their input.
  private var bySHA: [String: Int64] = [:]
  /// True when the database is an earlier run's, patched.
  private let patching: Bool

  /// Creates the database at `url` (which must not exist) and its schema, and opens the
  /// transaction the documents go into.
  /// - Throws: `BatchError` when the database cannot be created.
  public init(url: URL) throws(BatchError) {
    patching = false
    do {
      queue = try Self.openForWriting(url)
    } catch {
      throw BatchError(path: url.path, message: "cannot create database: \(error)")
    }
  }

  /// The database at `url` (created if missing) with the current schema, foreign keys on, and
  /// the transaction the run's writes go into open.
  private static func openForWriting(_ url: URL) throws -> DatabaseQueue {
    var configuration = Configuration()
    // One transaction spans every insert, across `inDatabase` calls.
    configuration.allowsUnsafeTransactions = true
    let queue = try DatabaseQueue(path: url.path, configuration: configuration)
    try SQLiteSchema.migrator.migrate(queue)
    try queue.inDatabase { db in
      try db.execute(sql: "PRAGMA foreign_keys = ON")
      try db.beginTransaction()
    }
    return queue
  }

  /// Opens a copy of the earlier run's database at `url` to patch it: documents this run keeps
  /// stay (`keep`), documents it writes replace those at their path (`insert`), and the others
  /// go when the run finishes; the copies' paths are written again. The earlier database is
  /// only read.
  /// - Throws: `BatchError` when the copy cannot be made or opened.
  public init(patching earlier: URL, url: URL) throws(BatchError) {
    patching = true
    do {
      try? FileManager.default.removeItem(at: url)
      try FileManager.default.copyItem(at: earlier, to: url)
      queue = try Self.openForWriting(url)
      try queue.inDatabase { db in
        // The copies' paths are written again as the run meets them; each document's own
        // path stays with it.
        try db.execute(
          sql: """
            DELETE FROM document_paths
            WHERE path <> (SELECT path FROM documents WHERE documents.id = document_id)
            """)
        try db.execute(sql: "CREATE TEMPORARY TABLE kept_documents (id INTEGER PRIMARY KEY)")
      }
    } catch {
      throw BatchError(path: url.path, message: "cannot copy the earlier database: \(error)")
    }
  }

  /// Keeps the earlier document at `path` as it is (its file did not change).
  /// - Throws: `BatchError` when the database holds no document at that path.
  public func keep(path: String, sha256: String) throws(BatchError) {
    do {
      let id = try queue.inDatabase { db -> Int64? in
        guard
          let id = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM documents WHERE path = ? AND sha256 = ?"),
            arguments: [path, sha256])
        else { return nil }
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO kept_documents (id) VALUES (?)")
          .execute(arguments: [id])
        return id
      }
      guard let id else {
        throw BatchError(
          path: path,
          message:
            "the earlier database has no document for this path and SHA-256; delete manifest.json "
            + "to write every output again")
      }
      if bySHA[sha256] == nil { bySHA[sha256] = id }
    } catch let error as BatchError {
      throw error
    } catch {
      throw BatchError(path: path, message: "cannot read the earlier database: \(error)")
    }
  }

  /// Inserts one document with its forms, indicators and diagnostics (in a patched database,
  /// in place of the document at its path).
  /// - Throws: `BatchError` naming the document when SQLite refuses a row.
  public func insert(_ document: Document) throws(BatchError) {
    do {
      let patching = self.patching
      let id = try queue.inDatabase { db in
        if patching {
          try db.cachedStatement(sql: "DELETE FROM documents WHERE path = ?")
            .execute(arguments: [document.source.path])
        }
        let id = try SQLiteWriter.insert(document, into: db)
        if patching {
          try db.cachedStatement(sql: "INSERT INTO kept_documents (id) VALUES (?)")
            .execute(arguments: [id])
        }
        return id
      }
      if bySHA[document.source.sha256] == nil { bySHA[document.source.sha256] = id }
    } catch {
      throw BatchError(
        path: document.source.path, message: "cannot write to the database: \(error)")
    }
  }

  /// Records `path` as one more place where the bytes of a document already written were found
  /// (a copy of the file): a row of `document_paths`, no second document.
  /// - Throws: `BatchError` naming `path` when no document has that SHA-256 or SQLite refuses.
  public func addPath(_ path: String, sha256: String) throws(BatchError) {
    guard let id = bySHA[sha256] else {
      throw BatchError(path: path, message: "no document with SHA-256 \(sha256) was written")
    }
    do {
      let patching = self.patching
      try queue.inDatabase { db in
        // An earlier document at this path (it was a file of its own) is one with this one now.
        if patching {
          try db.cachedStatement(sql: "DELETE FROM documents WHERE path = ?")
            .execute(arguments: [path])
        }
        try db.cachedStatement(
          sql: "INSERT INTO document_paths (document_id, path) VALUES (?, ?)"
        ).execute(arguments: [id, path])
      }
    } catch {
      throw BatchError(path: path, message: "cannot write to the database: \(error)")
    }
  }

  private static func insert(_ document: Document, into db: Database) throws -> Int64 {
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
    try db.cachedStatement(sql: "INSERT INTO document_paths (document_id, path) VALUES (?, ?)")
      .execute(arguments: [documentID, document.source.path])
    let formStatement = try db.cachedStatement(
      sql: """
        INSERT INTO forms (document_id, ordinal, kind, title, year, name, fields, line, "column",
          part) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    let indicatorStatement = try db.cachedStatement(
      sql: """
        INSERT INTO indicators (form_id, document_id, ordinal, period, level1, level2, level3,
          raw, kind, op, value, unit, standard, value_json, line, "column", part, min, max, per,
          base_value, base_unit, year)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    let fieldStatement = try db.cachedStatement(
      sql: "INSERT INTO fields (form_id, document_id, name, value) VALUES (?, ?, ?, ?)")
    let fundStatement = try db.cachedStatement(
      sql: """
        INSERT INTO funds (form_id, document_id, ordinal, label, period, amount, unit, category)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """)
    let goalStatement = try db.cachedStatement(
      sql: "INSERT INTO goals (form_id, document_id, period, ordinal, text) VALUES (?, ?, ?, ?, ?)")
    let recordStatement = try db.cachedStatement(
      sql: "INSERT INTO records (form_id, document_id, ordinal, section) VALUES (?, ?, ?, ?)")
    let recordFieldStatement = try db.cachedStatement(
      sql: "INSERT INTO record_fields (record_id, name, value) VALUES (?, ?, ?)")
    let historyStatement = try db.cachedStatement(
      sql: """
        INSERT INTO indicator_history (indicator_id, ordinal, label, raw, kind, op, value, unit)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """)
    let evaluationStatement = try db.cachedStatement(
      sql: "INSERT INTO evaluations (indicator_id, label, value) VALUES (?, ?, ?)")
    for (formIndex, form) in document.forms.enumerated() {
      let fields = String(decoding: try JSONOutput.encode(form.fields), as: UTF8.self)
      try formStatement.execute(arguments: [
        documentID, formIndex, form.kind.rawValue, form.title, form.year,
        IndicatorRow.name(of: form), fields, form.location.line, form.location.column,
        form.location.part,
      ])
      let formID = db.lastInsertedRowID
      for name in form.fields.keys.sorted() {
        try fieldStatement.execute(arguments: [formID, documentID, name, form.fields[name]])
      }
      for (index, fund) in form.funds.enumerated() {
        try fundStatement.execute(arguments: [
          formID, documentID, index, fund.label, fund.period, fund.amount, fund.unit,
          fund.category,
        ])
      }
      for goal in form.goals {
        for (index, item) in goal.items.enumerated() {
          try goalStatement.execute(arguments: [formID, documentID, goal.period, index, item])
        }
      }
      for (index, record) in form.records.enumerated() {
        try recordStatement.execute(arguments: [formID, documentID, index, record.section])
        let recordID = db.lastInsertedRowID
        for name in record.fields.keys.sorted() {
          try recordFieldStatement.execute(arguments: [recordID, name, record.fields[name]])
        }
      }
      for (index, indicator) in form.indicators.enumerated() {
        let value = indicator.value
        let valueJSON = String(decoding: try JSONOutput.encode(value), as: UTF8.self)
        try indicatorStatement.execute(arguments: [
          formID, documentID, index, indicator.period, indicator.level1, indicator.level2,
          indicator.level3, value.raw, value.kind.rawValue, value.op?.rawValue, value.value,
          value.unit, indicator.standard, valueJSON, indicator.location.line,
          indicator.location.column, indicator.location.part, value.min, value.max, value.per,
          value.baseValue, value.baseUnit, form.year,
        ])
        let indicatorID = db.lastInsertedRowID
        for (n, history) in indicator.history.enumerated() {
          let v = history.value
          try historyStatement.execute(arguments: [
            indicatorID, n, history.label, v.raw, v.kind.rawValue, v.op?.rawValue, v.value, v.unit,
          ])
        }
        for label in (indicator.evaluation ?? [:]).keys.sorted() {
          try evaluationStatement.execute(arguments: [
            indicatorID, label, indicator.evaluation?[label],
          ])
        }
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
    return documentID
  }

  /// Commits the transaction, checks the foreign keys and closes the database.
  /// - Throws: `BatchError` when the commit or the check fails.
  public func finish(path: String) throws(BatchError) {
    do {
      let patching = self.patching
      try queue.inDatabase { db in
        if patching {
          // Documents this run neither kept nor wrote: changed, failed, pruned or moved.
          try db.execute(
            sql: "DELETE FROM documents WHERE id NOT IN (SELECT id FROM kept_documents)")
          try db.execute(sql: "DROP TABLE kept_documents")
        }
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
