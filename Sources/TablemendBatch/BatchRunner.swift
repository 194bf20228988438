import Foundation
import Tablemend

/// Converts folders of files into `documents.jsonl`, `indicators.csv`, `tablemend.sqlite`,
/// `report.json` and `manifest.json` in one output folder.
///
/// - Files are converted in parallel (`BatchOptions.jobs` at once) and written in path order
///   as they finish; at most a few documents per worker are held in memory at any time.
/// - A file that cannot be converted is recorded in the report and never stops the batch.
/// - Every output is written to a temporary file in the output folder and renamed into place
///   only when all are complete: a failed or interrupted run leaves the earlier outputs as
///   they were, and removes its temporary files.
/// - A file whose SHA-256 and `TablemendVersion.current` match the earlier run is skipped and
///   its earlier document kept; documents of earlier files that are not among this run's
///   inputs are kept too.
public struct BatchRunner: Sendable {
  /// Folders to walk and files to take.
  public var arguments: [URL]
  /// The output folder (created if missing).
  public var output: URL
  public var options: BatchOptions

  /// Makes a runner.
  public init(arguments: [URL], output: URL, options: BatchOptions = BatchOptions()) {
    self.arguments = arguments
    self.output = output.standardizedFileURL
    self.options = options
  }

  /// Runs the batch.
  /// - Returns: the report, also written to `report.json`.
  /// - Throws: `BatchError` when the outputs cannot be written, `CancellationError` when the
  ///   task is cancelled; in both cases the earlier outputs are intact and no temporary file
  ///   is left.
  public func run() async throws -> BatchReport {
    let clock = ContinuousClock()
    let start = clock.now
    var staging = OutputStaging(folder: output)
    try staging.prepare(names: BatchOutputs.all)
    staging.removeStale()

    let walked = options.walker.walk(arguments, skipping: output)
    let previous = BatchManifest.load(folder: output)
    // Nothing changed since the last run: the outputs stand as they are, nothing is written.
    if var report = unchangedReport(walked: walked, previous: previous) {
      let elapsed = clock.now - start
      report.seconds =
        Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
      report.unchanged = true
      return report
    }
    let items = BatchRunner.plan(
      inputs: walked.inputs, previous: previous, prune: options.prune,
      moved: BatchRunner.moved(inputs: walked.inputs, previous: previous))
    let byContent = BatchRunner.byContent(previous)
    let previousDocuments =
      previous.entries.isEmpty ? nil : output.appendingPathComponent(BatchOutputs.documents)

    // Outputs the earlier run wrote whole, by this tablemend: documents that did not change
    // are copied from them, and their database is patched, instead of reading every document
    // again.
    let patch =
      previous.entries.allSatisfy { $0.version == TablemendVersion.current }
      && previous.describesOutputs(in: output)
    let sink: BatchSink
    do {
      let earlier = patch ? try EarlierOutputs(folder: output) : nil
      sink = try BatchSink(
        staging: &staging, earlier: earlier, earlierFolder: previousDocuments == nil ? nil : output)
    } catch {
      staging.discard()
      throw error
    }
    do {
      sink.failures = walked.failures
      try await convert(
        items, total: walked.inputs.count, previousDocuments: previousDocuments,
        byContent: byContent, patch: patch, into: sink)
      let elapsed = clock.now - start
      var report = sink.report(
        output: output.path, inputs: walked.inputs.count,
        seconds: Double(elapsed.components.seconds)
          + Double(elapsed.components.attoseconds) / 1e18)
      report.failures.sort { $0.path < $1.path }
      report.notInputs = walked.notInputs
      if patch { report.patched = true }
      try sink.finish(report: report)
      try staging.commit()
      staging.discard()
      return report
    } catch {
      sink.abandon()
      staging.discard()
      throw error
    }
  }

  /// The report of a run that would change nothing, or nil: every input is at a path the
  /// manifest knows, with the same SHA-256 and this tablemend version, no walked folder failed,
  /// every output is there, and (with `prune`) every earlier file still exists. Only the
  /// inputs are read (to hash them); the counts come from the earlier `report.json`.
  func unchangedReport(walked: WalkResult, previous: BatchManifest) -> BatchReport? {
    guard walked.failures.isEmpty, !previous.entries.isEmpty,
      BatchOutputs.all.allSatisfy({
        FileManager.default.fileExists(atPath: output.appendingPathComponent($0).path)
      }),
      let data = try? Data(contentsOf: output.appendingPathComponent(BatchOutputs.report)),
      var report = try? JSONDecoder().decode(BatchReport.self, from: data),
      report.failed == 0
    else { return nil }
    let earlier = previous.byPath
    for input in walked.inputs {
      guard let entry = earlier[input.path], entry.version == TablemendVersion.current,
        let bytes = try? Data(contentsOf: input.url, options: .mappedIfSafe),
        bytes.count <= options.maxInputBytes
      else { return nil }
      let sha = Converter.sha256(bytes)
      guard sha == entry.sha256 else { return nil }
    }
    let inputPaths = Set(walked.inputs.map(\.path))
    let kept = earlier.keys.filter { !inputPaths.contains($0) }
    if options.prune, kept.contains(where: { !FileManager.default.fileExists(atPath: $0) }) {
      return nil
    }
    report.inputs = walked.inputs.count
    report.converted = 0
    report.skipped = walked.inputs.count
    report.kept = kept.count
    report.recognised = []
    report.notInputs = walked.notInputs
    report.dropped = []
    report.failures = []
    return report
  }

  /// One unit of work: an input to convert (or skip), or an earlier document to keep.
  enum WorkItem: Sendable {
    case input(BatchInput, previous: BatchManifest.Entry?)
    case kept(BatchManifest.Entry)

    var path: String {
      switch self {
      case .input(let input, _): input.path
      case .kept(let entry): entry.path
      }
    }
  }

  /// What a worker made of one item.
  enum WorkResult: Sendable {
    case converted(Document, line: Data, sha256: String)
    case skipped(Document, line: Data, sha256: String)
    /// An input whose bytes were converted earlier under another path (`from`).
    case recognised(Document, line: Data, sha256: String, from: String)
    case failed(BatchFailure)
    case kept(BatchManifest.Entry, Document, line: Data)
    case dropped(BatchFailure)
    /// An earlier document that did not change (an input's, or kept), copied from the earlier
    /// outputs by the sink without being read here.
    case copied(BatchManifest.Entry, input: Bool)
  }

  /// Inputs and earlier documents of other files, merged in path order. With `prune`, earlier
  /// documents whose files no longer exist are left out.
  static func plan(
    inputs: [BatchInput], previous: BatchManifest, prune: Bool = false,
    moved: Set<String> = []
  ) -> [WorkItem] {
    let earlier = previous.byPath
    var items = inputs.map { WorkItem.input($0, previous: earlier[$0.path]) }
    let inputPaths = Set(inputs.map(\.path))
    for entry in earlier.values where !inputPaths.contains(entry.path) {
      if prune && !FileManager.default.fileExists(atPath: entry.path) { continue }
      // Its file moved: the input at the new path takes its document.
      if moved.contains(entry.path) { continue }
      items.append(.kept(entry))
    }
    items.sort { $0.path < $1.path }
    return items
  }

  /// Paths of earlier documents whose files are gone and whose bytes are among this run's
  /// inputs at new paths (a moved or renamed folder): those inputs take their documents, so a
  /// moved folder keeps its document count. Only inputs at paths the manifest does not know
  /// are read for this, and only when some earlier file is gone.
  static func moved(inputs: [BatchInput], previous: BatchManifest) -> Set<String> {
    let known = Set(previous.entries.map(\.path))
    var gone: [String: [String]] = [:]
    for entry in previous.entries where entry.version == TablemendVersion.current {
      if !FileManager.default.fileExists(atPath: entry.path) {
        gone[entry.sha256, default: []].append(entry.path)
      }
    }
    guard !gone.isEmpty else { return [] }
    var out: Set<String> = []
    for input in inputs where !known.contains(input.path) {
      guard let data = try? Data(contentsOf: input.url, options: .mappedIfSafe) else { continue }
      let sha = Converter.sha256(data)
      // One moved file takes one earlier document of its bytes.
      if var paths = gone[sha], let path = paths.popLast() {
        out.insert(path)
        gone[sha] = paths
      }
    }
    return out
  }

  /// Earlier documents by the SHA-256 of their input, converted by this tablemend version: a
  /// file moved or copied to another path is recognised by its content and not converted
  /// again.
  static func byContent(_ previous: BatchManifest) -> [String: BatchManifest.Entry] {
    var out: [String: BatchManifest.Entry] = [:]
    for entry in previous.entries where entry.version == TablemendVersion.current {
      if out[entry.sha256] == nil { out[entry.sha256] = entry }
    }
    return out
  }

  /// Converts `items` on `options.jobs` workers and hands the results to `sink` in order.
  private func convert(
    _ items: [WorkItem], total: Int, previousDocuments: URL?,
    byContent: [String: BatchManifest.Entry], patch: Bool, into sink: BatchSink
  ) async throws {
    let jobs = options.jobs
    let window = jobs * 2
    let convert = options.convert
    let maxInputBytes = options.maxInputBytes
    let progress = options.progress
    let clock = ContinuousClock()
    // Progress rates count from here, after walking and reading the manifest.
    let start = clock.now
    try await withThrowingTaskGroup(of: (Int, WorkResult).self) { group in
      var next = 0
      var emit = 0
      var running = 0
      var ready: [Int: WorkResult] = [:]
      var done = 0
      while emit < items.count {
        while running < jobs, next < items.count, next < emit + window {
          let index = next
          let item = items[index]
          group.addTask {
            let result = BatchRunner.process(
              item, previousDocuments: previousDocuments, maxInputBytes: maxInputBytes,
              byContent: byContent, patch: patch, convert: convert)
            return (index, result)
          }
          next += 1
          running += 1
        }
        guard let (index, result) = try await group.next() else { break }
        running -= 1
        ready[index] = result
        while let result = ready.removeValue(forKey: emit) {
          let event = try sink.accept(result)
          emit += 1
          if let event {
            done += 1
            if let progress {
              let elapsed = clock.now - start
              progress(
                BatchProgress(
                  done: done, total: total,
                  elapsed: Double(elapsed.components.seconds)
                    + Double(elapsed.components.attoseconds) / 1e18, event: event))
            }
          }
        }
        try Task.checkCancellation()
      }
    }
  }

  /// Converts, skips or reads back one item. Runs on a worker; never throws.
  static func process(
    _ item: WorkItem, previousDocuments: URL?, maxInputBytes: Int,
    byContent: [String: BatchManifest.Entry] = [:], patch: Bool = false,
    convert: BatchOptions.Convert
  ) -> WorkResult {
    switch item {
    case .kept(let entry):
      if patch { return .copied(entry, input: false) }
      switch readEarlier(entry, from: previousDocuments) {
      case .success(let (document, line)): return .kept(entry, document, line: line)
      case .failure(let error):
        return .dropped(BatchFailure(path: entry.path, error: error.description))
      }
    case .input(let input, let previous):
      let path = input.path
      let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int ?? 0
      if size > maxInputBytes {
        return .failed(
          BatchFailure(
            path: path,
            error:
              "\(path): file is \(size) bytes, over the input limit of \(maxInputBytes) (maxInputBytes)"
          ))
      }
      let data: Data
      do {
        data = try Data(contentsOf: input.url)
      } catch {
        return .failed(
          BatchFailure(
            path: path, error: "\(path): cannot read file: \(error.localizedDescription)"))
      }
      let sha = Converter.sha256(data)
      if patch, let previous, previous.sha256 == sha,
        previous.version == TablemendVersion.current
      {
        return .copied(previous, input: true)
      }
      if let previous, previous.sha256 == sha, previous.version == TablemendVersion.current,
        case .success(let (document, line)) = readEarlier(previous, from: previousDocuments)
      {
        return .skipped(document, line: line, sha256: sha)
      }
      // The same bytes converted earlier under another path (a moved or renamed folder, a
      // copy): the earlier document, with this path.
      if let earlier = byContent[sha], earlier.path != path,
        case .success(var (document, _)) = readEarlier(
          earlier, from: previousDocuments, whole: true),
        document.source.sha256 == sha
      {
        document.source.path = path
        if let line = try? JSONOutput.encode(document) {
          return .recognised(document, line: line, sha256: sha, from: earlier.path)
        }
      }
      do {
        let document = try convert(data, path)
        let line = try JSONOutput.encode(document)
        return .converted(document, line: line, sha256: sha)
      } catch let error as ConversionError {
        return .failed(BatchFailure(path: path, error: error.description))
      } catch {
        return .failed(BatchFailure(path: path, error: "\(path): cannot encode document: \(error)"))
      }
    }
  }

  /// Reads the earlier document of `entry` from the earlier `documents.jsonl`, checking that
  /// it is the document the manifest says. Unless `whole`, its tables are counted, not decoded:
  /// the line is copied as it was, and the CSV and database rows come from its forms and
  /// diagnostics (decoding every cell of every table was two thirds of a re-run's time). A
  /// copy's entry (another path, the same bytes) is read whole, to be written with its path.
  static func readEarlier(_ entry: BatchManifest.Entry, from url: URL?, whole: Bool = false)
    -> Result<(Document, Data), BatchError>
  {
    guard let url else {
      return .failure(BatchError(path: entry.path, message: "no earlier documents.jsonl"))
    }
    do {
      let handle = try FileHandle(forReadingFrom: url)
      defer { try? handle.close() }
      try handle.seek(toOffset: UInt64(entry.offset))
      let line = try handle.read(upToCount: entry.length) ?? Data()
      let summary = try JSONDecoder().decode(EarlierDocument.self, from: line)
      // A copy's entry points at the line of the document it is one with.
      guard summary.source.path == entry.path || summary.source.sha256 == entry.sha256 else {
        return .failure(
          BatchError(path: entry.path, message: "earlier document does not match the manifest"))
      }
      if summary.source.path != entry.path || whole {
        var document = try JSONDecoder().decode(Document.self, from: line)
        guard document.source.path != entry.path else { return .success((document, line)) }
        document.source.path = entry.path
        return .success((document, try JSONOutput.encode(document)))
      }
      return .success((summary.document, line))
    } catch {
      return .failure(
        BatchError(path: entry.path, message: "cannot read earlier document: \(error)"))
    }
  }
}

/// An earlier document read back without its tables' cells: what the CSV files and the
/// database take from it (source, forms, diagnostics, the number of tables).
struct EarlierDocument: Decodable {
  /// A table, skipped: only counted.
  struct SkippedTable: Decodable {
    init(from decoder: any Decoder) throws {}
  }

  var model: String
  var source: Source
  var tables: [SkippedTable]
  var forms: [Form]
  var diagnostics: [Diagnostic]

  /// The document with as many empty tables as it had tables.
  var document: Document {
    var out = Document(
      source: source,
      tables: tables.map { _ in Table(id: "", rowCount: 0, columnCount: 0, cells: []) },
      forms: forms, diagnostics: diagnostics)
    out.model = model
    return out
  }
}
