import ArgumentParser
import Foundation
import Tablemend
import TablemendValues

/// `tablemend value TEXT...`: one compact JSON `Value` per argument, one per line.
struct ValueCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "value",
    abstract: "Normalise indicator values into typed JSON values.",
    discussion: """
      Prints one JSON value per argument, one per line. The argument `-` reads values from
      standard input, one per line; the two characters \\n inside a line stand for a line break.
      """)

  @Argument(help: "Indicator values, or - to read them from standard input.")
  var texts: [String] = []

  func run() throws {
    var out = Data()
    for text in texts {
      if text == "-" {
        while let line = readLine(strippingNewline: true) {
          try emit(Self.unescape(line), into: &out)
          if out.count > 1 << 16 { flush(&out) }
        }
      } else {
        try emit(text, into: &out)
      }
    }
    flush(&out)
  }

  /// `\n` written as two characters inside a stdin line means a line break.
  static func unescape(_ line: String) -> String {
    var s = line
    if s.hasSuffix("\r") { s.removeLast() }
    return s.replacingOccurrences(of: "\\n", with: "\n")
  }

  private func emit(_ text: String, into out: inout Data) throws {
    out.append(try JSONOutput.encode(ValueParser.parse(text)))
    out.append(0x0A)
  }

  private func flush(_ out: inout Data) {
    FileHandle.standardOutput.write(out)
    out.removeAll(keepingCapacity: true)
  }
}
