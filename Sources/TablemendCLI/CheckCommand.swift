import ArgumentParser
import TablemendBatch

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check", abstract: "Convert a corpus and compare every file with its golden.")
}
