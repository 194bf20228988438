import ArgumentParser
import Tablemend

@main
struct TablemendCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tablemend",
    abstract: "Turn flattened exports of Chinese budget-performance forms back into data.",
    subcommands: [
      ConvertCommand.self, ValueCommand.self, SchemaCommand.self, BatchCommand.self,
      CheckCommand.self,
    ],
    defaultSubcommand: nil)
}
