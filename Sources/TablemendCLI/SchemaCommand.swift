import ArgumentParser
import Foundation
import Tablemend

struct SchemaCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schema", abstract: "Print the JSON Schema (draft 2020-12) of the output model.",
    discussion: """
      Examples:
        tablemend schema > tablemend.schema.json
        tablemend convert form.docx | check-jsonschema --schemafile tablemend.schema.json -
      """)

  func run() throws {
    FileHandle.standardOutput.write(try Schema.data())
  }
}
