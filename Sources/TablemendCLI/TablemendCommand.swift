import ArgumentParser
import Foundation
import Tablemend

@main
struct TablemendCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tablemend",
    abstract: "Turn flattened exports of Chinese budget-performance forms back into data.",
    version: Converter.version,
    subcommands: [
      ConvertCommand.self, ValueCommand.self, SchemaCommand.self, BatchCommand.self,
      CheckCommand.self, CellsCommand.self, ShowCommand.self, ViewCommand.self,
    ],
    defaultSubcommand: nil)

  /// `tablemend convert FILE…` without options is run directly, and exits without freeing the
  /// document (its teardown is 6 M instructions of the 2,000-row benchmark); everything else
  /// goes through ArgumentParser.
  static func main() {
    if let files = ConvertCommand.plainFiles(Array(CommandLine.arguments.dropFirst())) {
      do {
        let result = try ConvertCommand.convert(
          files, output: nil, pretty: false, options: ConvertOptions())
        withExtendedLifetime(result) { Foundation.exit(result.status) }
      } catch {
        exit(withError: error)
      }
    }
    main(nil)
  }
}
