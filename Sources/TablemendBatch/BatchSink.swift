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

  init(staging: inout OutputStaging) throws(BatchError) {
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
    database = try SQLiteWriter(url: databaseURL)
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
    }
  }

  private func write(_ document: Document, line: Data, sha256: String, version: String?)
    throws(BatchError)
  {
    // Bytes already written under another path: one document, one more path.
    if let first = firstBySHA[sha256] {
      entries.append(
        BatchManifest.Entry(
          path: document.source.path, sha256: sha256, version: version, offset: first.offset,
          length: first.length))
      duplicates.append(BatchDuplicate(path: document.source.path, sameAs: first.path))
      try database.addPath(document.source.path, sha256: sha256)
      return
    }
    let entry = BatchManifest.Entry(
      path: document.source.path, sha256: sha256, version: version,
      offset: documents.offset, length: line.count)
    entries.append(entry)
    firstBySHA[sha256] = entry
    lines += 1
    try documents.write(line)
    try documents.write([0x0A])
    for row in IndicatorRow.rows(of: document) {
      try csv.write(CSVFormat.record(row.fields))
      indicatorCount += 1
    }
    for row in FormRows.funds(of: document) { try fundsCSV.write(CSVFormat.record(row)) }
    for row in FormRows.fields(of: document) { try fieldsCSV.write(CSVFormat.record(row)) }
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
    closed = true
    do {
      var reportData = try JSONOutput.encode(report, pretty: true)
      reportData.append(0x0A)
      try reportData.write(to: reportURL)
      let manifest = BatchManifest(documentsBytes: size, entries: entries)
      try JSONOutput.encode(manifest).write(to: manifestURL)
    } catch {
      throw BatchError(path: reportURL.path, message: "cannot write: \(error)")
    }
  }

  /// Closes everything after a failure; the staging removes the files.
  func abandon() {
    guard !closed else { return }
    closed = true
    documents.abandon()
    csv.abandon()
    fundsCSV.abandon()
    fieldsCSV.abandon()
    database.abandon()
  }
}
