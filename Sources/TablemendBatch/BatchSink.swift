import Foundation
import Tablemend

/// Receives documents in path order and streams them into the temporary output files.
final class BatchSink {
  private let documents: BufferedFileWriter
  private let documentsURL: URL
  private let csv: BufferedFileWriter
  private let fundsCSV: BufferedFileWriter
  private let fieldsCSV: BufferedFileWriter
  private let database: SQLiteWriter
  private let databaseURL: URL
  private let reportURL: URL
  private let manifestURL: URL
  private var entries: [BatchManifest.Entry] = []
  private var closed = false

  var failures: [BatchFailure] = []
  private var dropped: [BatchFailure] = []
  private var converted = 0
  private var skipped = 0
  private var recognised: [String] = []
  private var kept = 0
  private var formCount = 0
  private var indicatorCount = 0
  private var withoutForms: [String] = []
  /// The first document written for each input SHA-256: its path and manifest entry.
  private var firstBySHA: [String: BatchManifest.Entry] = [:]
  private var duplicates: [BatchDuplicate] = []
  private var lines = 0
  /// The earlier run's outputs, when this run patches them.
  private let earlier: EarlierOutputs?
  private let earlierDocuments: URL?

  /// Opens the temporary outputs; with `earlier`, the database starts as a copy of the earlier
  /// one and documents that did not change are copied from the earlier files (`copied`).
  init(staging: inout OutputStaging, earlier: EarlierOutputs? = nil, earlierFolder: URL? = nil)
    throws(BatchError)
  {
    self.earlier = earlier
    earlierDocuments = earlierFolder?.appendingPathComponent(BatchOutputs.documents)
    documentsURL = try staging.stage(BatchOutputs.documents)
    let csvURL = try staging.stage(BatchOutputs.indicators)
    let fundsURL = try staging.stage(BatchOutputs.funds)
    let fieldsURL = try staging.stage(BatchOutputs.fields)
    databaseURL = try staging.stage(BatchOutputs.database)
    reportURL = try staging.stage(BatchOutputs.report)
    manifestURL = try staging.stage(BatchOutputs.manifest)
    documents = try BufferedFileWriter(url: documentsURL)
    csv = try BufferedFileWriter(url: csvURL)
    fundsCSV = try BufferedFileWriter(url: fundsURL)
    fieldsCSV = try BufferedFileWriter(url: fieldsURL)
    // SQLite wants to create its file itself.
    try? FileManager.default.removeItem(at: databaseURL)
    if let earlier {
      database = try SQLiteWriter(patching: earlier.database, url: databaseURL)
    } else {
      database = try SQLiteWriter(url: databaseURL)
    }
    try csv.write(CSVFormat.byteOrderMark)
    try csv.write(CSVFormat.record(IndicatorRow.columns))
    try fundsCSV.write(CSVFormat.byteOrderMark)
    try fundsCSV.write(CSVFormat.record(FormRows.fundColumns))
    try fieldsCSV.write(CSVFormat.byteOrderMark)
    try fieldsCSV.write(CSVFormat.record(FormRows.fieldColumns))
  }

  /// Writes one result; returns the progress event for an input, nil for a kept document.
  func accept(_ result: BatchRunner.WorkResult) throws(BatchError) -> BatchEvent? {
    switch result {
    case .converted(let document, let line, let sha256):
      converted += 1
      try write(document, line: line, sha256: sha256, version: TablemendVersion.current)
      return .converted(path: document.source.path)
    case .skipped(let document, let line, let sha256):
      skipped += 1
      try write(document, line: line, sha256: sha256, version: TablemendVersion.current)
      return .skipped(path: document.source.path)
    case .recognised(let document, let line, let sha256, _):
      skipped += 1
      recognised.append(document.source.path)
      try write(document, line: line, sha256: sha256, version: TablemendVersion.current)
      return .skipped(path: document.source.path)
    case .failed(let failure):
      failures.append(failure)
      return .failed(failure)
    case .kept(let entry, let document, let line):
      kept += 1
      try write(document, line: line, sha256: entry.sha256, version: entry.version)
      return nil
    case .dropped(let failure):
      dropped.append(failure)
      return nil
    case .copied(let entry, let input):
      try copy(entry)
      if input {
        skipped += 1
        return .skipped(path: entry.path)
      }
      kept += 1
      return nil
    }
  }

  /// Writes an earlier document that did not change: its line and rows copied from the earlier
  /// files, its database rows kept. A copy's second path whose first is gone has no rows of
  /// its own: its document is read back and written.
  private func copy(_ entry: BatchManifest.Entry) throws(BatchError) {
    if let first = firstBySHA[entry.sha256] {
      try addDuplicate(path: entry.path, sha256: entry.sha256, version: entry.version, of: first)
      return
    }
    guard let earlier, let rows = entry.rows else {
      switch BatchRunner.readEarlier(entry, from: earlierDocuments) {
      case .success(let (document, line)):
        try write(document, line: line, sha256: entry.sha256, version: entry.version)
        return
      case .failure(let error): throw error
      }
    }
    let line = try earlier.documents.read(.init(offset: entry.offset, length: entry.length))
    var copied = BatchManifest.Entry(
      path: entry.path, sha256: entry.sha256, version: entry.version, offset: documents.offset,
      length: line.count)
    copied.rows = BatchManifest.Rows(
      indicators: try copyRange(rows.indicators, from: earlier.indicators, to: csv),
      funds: try copyRange(rows.funds, from: earlier.funds, to: fundsCSV),
      fields: try copyRange(rows.fields, from: earlier.fields, to: fieldsCSV),
      forms: rows.forms, indicatorRows: rows.indicatorRows)
    try documents.write(line)
    try documents.write([0x0A])
    entries.append(copied)
    firstBySHA[entry.sha256] = copied
    lines += 1
    indicatorCount += rows.indicatorRows
    formCount += rows.forms
    if rows.forms == 0 { withoutForms.append(entry.path) }
    try database.keep(path: entry.path, sha256: entry.sha256)
  }

  /// Copies `range` of an earlier file to `writer`; returns where it now is.
  private func copyRange(
    _ range: BatchManifest.ByteRange, from file: EarlierOutputs.File, to writer: BufferedFileWriter
  ) throws(BatchError) -> BatchManifest.ByteRange {
    let start = writer.offset
    try writer.write(try file.read(range))
    return BatchManifest.ByteRange(offset: start, length: range.length)
  }

  /// Records `path` as one more path of the document already written for its bytes.
  private func addDuplicate(
    path: String, sha256: String, version: String?, of first: BatchManifest.Entry
  ) throws(BatchError) {
    entries.append(
      BatchManifest.Entry(
        path: path, sha256: sha256, version: version, offset: first.offset,
        length: first.length))
    duplicates.append(BatchDuplicate(path: path, sameAs: first.path))
    try database.addPath(path, sha256: sha256)
  }

  private func write(_ document: Document, line: Data, sha256: String, version: String?)
    throws(BatchError)
  {
    // Bytes already written under another path: one document, one more path.
    if let first = firstBySHA[sha256] {
      try addDuplicate(path: document.source.path, sha256: sha256, version: version, of: first)
      return
    }
    var entry = BatchManifest.Entry(
      path: document.source.path, sha256: sha256, version: version,
      offset: documents.offset, length: line.count)
    lines += 1
    try documents.write(line)
    try documents.write([0x0A])
    let starts = (csv.offset, fundsCSV.offset, fieldsCSV.offset)
    var indicatorRows = 0
    for row in IndicatorRow.rows(of: document) {
      try csv.write(CSVFormat.record(row.fields))
      indicatorRows += 1
    }
    for row in FormRows.funds(of: document) { try fundsCSV.write(CSVFormat.record(row)) }
    for row in FormRows.fields(of: document) { try fieldsCSV.write(CSVFormat.record(row)) }
    entry.rows = BatchManifest.Rows(
      indicators: .init(offset: starts.0, length: csv.offset - starts.0),
      funds: .init(offset: starts.1, length: fundsCSV.offset - starts.1),
      fields: .init(offset: starts.2, length: fieldsCSV.offset - starts.2),
      forms: document.forms.count, indicatorRows: indicatorRows)
    entries.append(entry)
    firstBySHA[sha256] = entry
    indicatorCount += indicatorRows
    formCount += document.forms.count
    if document.forms.isEmpty { withoutForms.append(document.source.path) }
    try database.insert(document)
  }

  /// The report of what was written.
  func report(output: String, inputs: Int, seconds: Double) -> BatchReport {
    var report = BatchReport(
      tablemendVersion: TablemendVersion.current, model: Document.modelVersion, output: output,
      inputs: inputs, converted: converted, skipped: skipped, failed: failures.count, kept: kept,
      documents: lines, forms: formCount, indicators: indicatorCount, failures: failures,
      dropped: dropped, seconds: seconds)
    report.withoutForms = withoutForms.sorted()
    report.recognised = recognised.sorted()
    report.duplicates = duplicates
    return report
  }

  /// Completes every temporary file: documents, CSV, database, report and manifest.
  func finish(report: BatchReport) throws(BatchError) {
    let size = documents.offset
    try documents.close()
    try csv.close()
    try fundsCSV.close()
    try fieldsCSV.close()
    try database.finish(path: databaseURL.path)
    earlier?.close()
    closed = true
    let databaseBytes =
      (try? FileManager.default.attributesOfItem(atPath: databaseURL.path))?[.size] as? Int ?? -1
    let sizes = BatchManifest.Sizes(
      indicators: csv.offset, funds: fundsCSV.offset, fields: fieldsCSV.offset,
      database: databaseBytes)
    do {
      var reportData = try JSONOutput.encode(report, pretty: true)
      reportData.append(0x0A)
      try reportData.write(to: reportURL)
      let manifest = BatchManifest(documentsBytes: size, entries: entries, sizes: sizes)
      try JSONOutput.encode(manifest).write(to: manifestURL)
    } catch {
      throw BatchError(path: reportURL.path, message: "cannot write: \(error)")
    }
  }

  /// Closes everything after a failure; the staging removes the files.
  func abandon() {
    guard !closed else { return }
    closed = true
    earlier?.close()
    documents.abandon()
    csv.abandon()
    fundsCSV.abandon()
    fieldsCSV.abandon()
    database.abandon()
  }
}
