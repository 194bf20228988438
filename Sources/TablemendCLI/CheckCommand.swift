import ArgumentParser
import Foundation
import TablemendBatch

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check", abstract: "Convert a corpus and compare every file with its golden.",
    discussion: """
      Every file under CORPUS with a golden beside it (the file's name plus .json, e.g.
      seeds/000_x.txt.json) is converted and compared with the golden. Each changed file is
      listed as a reviewer reads it: indicators matched by period and levels, fields by name
      and funds by label (one removed indicator is one line, `- form 1 indicator removed: …`),
      then any other difference by its JSON path (tables[0].cells[3].text), old and new.
      Goldens hold source.path relative to the corpus root, so a subfolder or a single file
      of a corpus can be checked alone. Inputs without a golden are listed. --bless rewrites
      only the goldens that changed and names them.

      Examples:
        tablemend check corpus
        tablemend check corpus/real                 (one folder of the corpus)
        tablemend check corpus/seeds/000_x.txt      (one file)
        tablemend check corpus --bless              (after reading the differences)
        tablemend check corpus --bless --add-missing

      Exit codes:
        0   every golden matched (or was rewritten with --bless)
        1   at least one file differs from its golden or could not be converted
        2   CORPUS cannot be read or holds no golden
        64  bad usage
      """)

  @Argument(help: "The corpus folder, or folders and files inside a corpus.")
  var corpus: [String] = ["corpus"]

  @Flag(help: "Rewrite the goldens from the current conversion instead of comparing.")
  var bless = false

  @Flag(help: "With --bless, also write goldens for inputs that have none.")
  var addMissing = false

  @Option(help: "The most differences listed per file.")
  var limit: Int = 50

  func validate() throws {
    if addMissing && !bless { throw ValidationError("--add-missing needs --bless") }
  }

  func run() throws {
    let report: CheckReport
    do {
      if addMissing || corpus.count == 1 && Self.isCorpusRoot(corpus[0]) {
        guard corpus.count == 1 else {
          throw BatchError(
            path: corpus.joined(separator: " "), message: "--add-missing takes one corpus folder")
        }
        report = try CorpusChecker.check(
          root: URL(fileURLWithPath: corpus[0]), bless: bless, addMissing: addMissing)
      } else {
        report = try CorpusChecker.check(
          paths: corpus.map { URL(fileURLWithPath: $0) }, bless: bless)
      }
    } catch {
      BatchCommand.stderr("tablemend: \(error)")
      throw ExitCode(2)
    }
    if report.results.isEmpty {
      BatchCommand.stderr(
        "tablemend: no goldens under \(corpus.joined(separator: " ")) (write them with --bless --add-missing)"
      )
      throw ExitCode(2)
    }
    print(report.text(limit: limit))
    if !report.passed { throw ExitCode(1) }
  }

  /// True when `path` is a folder whose goldens' paths are relative to it (a corpus root), or
  /// a folder with no golden found by walking up from it.
  static func isCorpusRoot(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
      isDirectory.boolValue
    else { return false }
    let url = URL(fileURLWithPath: path).standardizedFileURL
    guard let enumerator = FileManager.default.enumerator(atPath: url.path) else { return true }
    for case let name as String in enumerator where name.hasSuffix(CorpusChecker.goldenSuffix) {
      let input = url.appendingPathComponent(
        String(name.dropLast(CorpusChecker.goldenSuffix.count)))
      guard let root = CorpusChecker.corpusRoot(input) else { continue }
      return root.standardizedFileURL.path == url.path
    }
    return true
  }
}
