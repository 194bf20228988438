import ArgumentParser
import Foundation
import Tablemend

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `tablemend show FILE`: the forms as aligned text tables in the terminal.
struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show the forms of a file as aligned text tables.",
    discussion: """
      Prints each form's title, fields and funds, then its indicators one row each (period, \
      一级, 二级, 三级, target as written, its kind), columns aligned by display width; \
      warnings last. Headers are bold only when standard output is a terminal.

      Examples:
        tablemend show form.docx
        tablemend show --tables page.txt | less -S
      """)

  @Argument(help: "A file to convert (`-` for standard input).")
  var file: String

  @Flag(help: "Also print every table's grid as read.")
  var tables = false

  @OptionGroup var reader: ReaderOptions

  func run() throws {
    let converter = Converter(options: try reader.convertOptions())
    let document: Document
    do {
      document =
        file == "-"
        ? try converter.convert(data: FileHandle.standardInput.readDataToEndOfFile(), path: "-")
        : try converter.convert(fileAt: URL(fileURLWithPath: file))
    } catch {
      FileHandle.standardError.write(Data("tablemend: \(error.description)\n".utf8))
      throw ExitCode(1)
    }
    let text = TerminalView.render(
      document, tables: tables, bold: isatty(STDOUT_FILENO) == 1)
    FileHandle.standardOutput.write(Data(text.utf8))
  }
}
