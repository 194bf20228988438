import ArgumentParser
import Foundation
import Tablemend

/// `tablemend cells FILE`: how the typed row aligner reads a text export, cell by cell.
struct CellsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cells",
    abstract: "Show how a text export is cut into cells and aligned into indicator rows.",
    discussion: """
      Prints every cell with its line:column, the row evidence before it (# a row starts, \
      ~ a line starts, - same line), its kind (level1, level2, header(role), value, verdict, \
      text …) and its text; then each indicator block's columns and the rows the aligner \
      placed its cells in. Use it to see why an indicator came out as it did.

      Examples:
        tablemend cells page.txt | less
        tablemend cells --encoding gb18030 export.txt
      """)

  @Argument(help: "A text export (UTF-8, UTF-16 or GB18030).")
  var file: String

  @Option(help: "Force the text encoding (utf-8, utf-16le, utf-16be, gb18030, big5).")
  var encoding: String?

  func validate() throws { try ReaderOptions.check(encoding: encoding, dialect: nil) }

  func run() throws {
    let converter = Converter(options: ConvertOptions(encoding: encoding))
    do {
      let trace = try converter.alignmentTrace(fileAt: URL(fileURLWithPath: file))
      FileHandle.standardOutput.write(Data(trace.utf8))
    } catch {
      FileHandle.standardError.write(Data("tablemend: \(error.description)\n".utf8))
      throw ExitCode(1)
    }
  }
}
