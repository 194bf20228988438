import ArgumentParser
import Tablemend

@main
struct TablemendCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tablemend",
    abstract: "Turn flattened exports of Chinese budget-performance forms back into data.")
}
