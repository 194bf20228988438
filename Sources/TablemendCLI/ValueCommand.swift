import ArgumentParser
import Tablemend

struct ValueCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "value", abstract: "Normalise indicator values into typed JSON values.")
}
