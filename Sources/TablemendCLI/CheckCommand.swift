import ArgumentParser
import Foundation
import TablemendBatch

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check", abstract: "Convert a corpus and compare every file with its golden.",
    discussion: """
      Every file under CORPUS with a golden beside it (the file's name plus .json, e.g.
      seeds/000_x.txt.json) is converted and compared with the golden as JSON values. Each
      changed file is listed with every difference: its JSON path
      (forms[0].indicators[3].value.op), the old value and the new one. Goldens hold
      source.path relative to CORPUS.

      Examples:
        tablemend check corpus
        tablemend check corpus --bless              (after reading the differences)
        tablemend check corpus --bless --add-missing

      Exit codes:
        0   every golden matched (or was rewritten with --bless)
        1   at least one file differs from its golden or could not be converted
        2   CORPUS cannot be read or holds no golden
        64  bad usage
      """)

  @Argument(help: "The corpus folder.")
  var corpus: String = "corpus"

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
      report = try CorpusChecker.check(
        root: URL(fileURLWithPath: corpus), bless: bless, addMissing: addMissing)
    } catch {
      BatchCommand.stderr("tablemend: \(error.description)")
      throw ExitCode(2)
    }
    if report.results.isEmpty {
      BatchCommand.stderr(
        "tablemend: no goldens under \(corpus) (write them with --bless --add-missing)")
      throw ExitCode(2)
    }
    print(report.text(limit: limit))
    if !report.passed { throw ExitCode(1) }
  }
}
