import ArgumentParser
import Foundation
import Tablemend
import TablemendBatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

struct BatchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "batch", abstract: "Convert folders of files into JSONL, CSV and SQLite.",
    discussion: """
      Walks each DIR recursively (files named directly are always taken) and converts every
      .pdf, .txt, .text, .tsv, .csv, .docx, .xml, .html, .htm, .md, .xlsx, .xls and .et file, or
      those matching --include, in parallel; other files are counted by type in the report.
      Writes into OUTDIR: documents.jsonl (one Document per line), indicators.csv, funds.csv and
      fields.csv (UTF-8 with a BOM, formula-safe), tablemend.sqlite (every part of the model,
      relational), report.json and manifest.json. Each is written whole or not at all.
      A re-run skips files whose SHA-256 and tablemend version are unchanged: their rows are
      copied from the earlier outputs and the database is patched, so it costs what changed (a
      run where nothing changed writes nothing). Documents of earlier files that are not among
      the inputs are kept; --prune drops those whose files are gone. A file moved or copied is
      recognised by its content. A broken file never stops the batch.

      Examples:
        tablemend batch forms/ -o out/
        tablemend batch forms/ -o out/ --include '**/*2022*' --exclude 'drafts/**'
        sqlite3 out/tablemend.sqlite 'select level2, count(*) from indicators group by 1'

      Exit codes:
        0   every file was converted or skipped
        1   at least one file (or DIR) failed; the outputs hold all the others
        2   the outputs could not be written; earlier outputs are intact
        3   --strict, and a file converted but gave no form
        64  bad usage
        130 interrupted; earlier outputs are intact
      """)

  @Argument(help: "Folders to walk (and files to take).")
  var dirs: [String]

  @Option(name: [.customShort("o"), .long], help: "The output folder.")
  var out: String

  @Option(help: "Take only files matching this glob (repeatable; * ** ? [..]).")
  var include: [String] = []

  @Option(help: "Leave out files and folders matching this glob (repeatable).")
  var exclude: [String] = []

  @Option(name: [.customShort("j"), .long], help: "Files converted at once (default: all cores).")
  var jobs: Int?

  @Flag(name: .shortAndLong, help: "Print nothing on stderr but fatal errors.")
  var quiet = false

  @Flag(help: "Exit 3 when a file converted but gave no form (they are listed either way).")
  var strict = false

  @Flag(help: "Drop earlier documents whose files no longer exist (kept otherwise).")
  var prune = false

  @OptionGroup var reader: ReaderOptions

  func validate() throws {
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
  }

  func run() throws {
    let printer = quiet ? nil : ProgressPrinter(terminal: isatty(STDERR_FILENO) == 1)
    var progress: (@Sendable (BatchProgress) -> Void)?
    if let printer {
      progress = { printer.show($0) }
    }
    let walker = InputWalker(
      include: include.map { Glob($0) }, exclude: exclude.map { Glob($0) })
    var options = BatchOptions(
      converter: Converter(options: try reader.convertOptions()),
      jobs: jobs,
      walker: walker, progress: progress)
    options.prune = prune
    let runner = BatchRunner(
      arguments: dirs.map { URL(fileURLWithPath: $0) }, output: URL(fileURLWithPath: out),
      options: options)

    let outcome = Outcome()
    let done = DispatchSemaphore(value: 0)
    let task = Task<Void, Never> {
      let result: Result<BatchReport, any Error>
      do {
        result = .success(try await runner.run())
      } catch {
        result = .failure(error)
      }
      outcome.set(result)
      done.signal()
    }
    var sources: [any DispatchSourceSignal] = []
    for number in [SIGINT, SIGTERM] {
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler { task.cancel() }
      source.resume()
      sources.append(source)
    }
    done.wait()
    sources.forEach { $0.cancel() }
    printer?.clear()

    switch outcome.get() {
    case .success(let report)?:
      if let printer { Self.stderr(report.summary(omitting: printer.reported)) }
      if !report.succeeded { throw ExitCode(1) }
      if strict && !report.withoutForms.isEmpty {
        for path in report.withoutForms {
          Self.stderr("tablemend: \(path): no form recognised (--strict)")
        }
        throw ExitCode(3)
      }
    case .failure(let error as BatchError)?:
      Self.stderr("tablemend: \(error.description)")
      throw ExitCode(2)
    case .failure(is CancellationError)?:
      Self.stderr("tablemend: interrupted; earlier outputs left as they were")
      throw ExitCode(130)
    case .failure(let error)?:
      Self.stderr("tablemend: \(error)")
      throw ExitCode(2)
    case nil:
      throw ExitCode(2)
    }
  }

  static func stderr(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }
}

/// The result handed from the batch task to the waiting command.
private final class Outcome: @unchecked Sendable {
  private let lock = NSLock()
  private var result: Result<BatchReport, any Error>?

  func set(_ result: Result<BatchReport, any Error>) {
    lock.lock()
    self.result = result
    lock.unlock()
  }

  func get() -> Result<BatchReport, any Error>? {
    lock.lock()
    defer { lock.unlock() }
    return result
  }
}

/// Shows progress on stderr: a redrawn bar on a terminal, plain lines (at most one a second,
/// plus one per failed file) otherwise.
private final class ProgressPrinter: @unchecked Sendable {
  private let terminal: Bool
  private let lock = NSLock()
  private var lastDraw = Date()
  private var drawn = false
  private var failed: Set<String> = []

  /// Paths whose failure was already printed.
  var reported: Set<String> {
    lock.lock()
    defer { lock.unlock() }
    return failed
  }

  init(terminal: Bool) { self.terminal = terminal }

  func show(_ progress: BatchProgress) {
    lock.lock()
    defer { lock.unlock() }
    if case .failed(let failure) = progress.event {
      write((drawn ? "\r\u{1B}[K" : "") + "tablemend: failed: \(failure.error)\n")
      failed.insert(failure.path)
      drawn = false
    }
    let now = Date()
    let last = progress.done == progress.total
    if terminal {
      guard last || now.timeIntervalSince(lastDraw) >= 0.1 || !drawn else { return }
      write("\r\u{1B}[K" + progress.bar())
      drawn = true
    } else {
      guard last || now.timeIntervalSince(lastDraw) >= 1 else { return }
      write(progress.line + "\n")
    }
    lastDraw = now
  }

  /// Ends the bar's line before the summary.
  func clear() {
    lock.lock()
    defer { lock.unlock() }
    if drawn { write("\n") }
    drawn = false
  }

  private func write(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }
}
