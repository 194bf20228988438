import ArgumentParser
import Foundation
import Tablemend

struct SchemaCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schema", abstract: "Print the JSON Schema (draft 2020-12) of the output model.")

  func run() throws {
    FileHandle.standardOutput.write(try Schema.data())
  }
}
