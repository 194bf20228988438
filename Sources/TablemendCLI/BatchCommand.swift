import ArgumentParser
import TablemendBatch

struct BatchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "batch", abstract: "Convert folders of files into JSONL, CSV and SQLite.")
}
