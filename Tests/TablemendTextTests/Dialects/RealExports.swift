import Foundation
import TablemendModel
import Testing

@testable import TablemendText

/// Access to `/work/shared/real` (the package root's `../shared/real`) and to `pdftotext`.
enum RealExports {
  /// `../shared/real` next to the package root, found from this file's path.
  static let root: URL = {
    var url = URL(fileURLWithPath: #filePath)
    // Tests/TablemendTextTests/Dialects/RealExports.swift -> package root
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("../shared/real").standardizedFileURL
  }()

  static var available: Bool { FileManager.default.fileExists(atPath: root.path) }

  static let pdftotextPath: String? = {
    for dir in ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"] {
      let path = dir + "/pdftotext"
      if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
  }()

  static var pdfAvailable: Bool { available && pdftotextPath != nil }

  /// A page file's text; a multi-byte character cut by the 2,000-byte excerpt becomes U+FFFD.
  static func page(_ name: String) throws -> String {
    let data = try Data(contentsOf: root.appendingPathComponent("pages/\(name)"))
    return String(decoding: data, as: UTF8.self)
  }

  /// `pdftotext <mode> file -` for a PDF under `pdf/`.
  static func pdftotext(_ name: String, mode: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: pdftotextPath ?? "/usr/bin/pdftotext")
    process.arguments = [mode, root.appendingPathComponent("pdf/\(name)").path, "-"]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  static func lines(_ text: String) -> [Substring] {
    text.split(separator: "\n", omittingEmptySubsequences: false)
  }

  /// The dialect with the highest score, as `TextReader` picks it.
  static func detect(_ text: String) -> String? {
    let ls = lines(text)
    var best: (String, Double)?
    for d in DialectRegistry.all {
      let s = d.score(ls)
      if best == nil || s > (best?.1 ?? 0) { best = (d.name, s) }
    }
    return best?.0
  }

  /// Rows of every segment, flattened.
  static func rows(_ tokens: TokenizedText) -> [RawRow] {
    tokens.segments.flatMap { segment -> [RawRow] in
      if case .rows(let rows) = segment { return rows }
      return []
    }
  }

  /// A readable dump of tokens, for looking at by hand.
  static func dump(_ tokens: TokenizedText) -> String {
    var out = ""
    for segment in tokens.segments {
      switch segment {
      case .paragraph(let text, let loc): out += "P \(loc): \(text)\n"
      case .rows(let rows):
        out += "TABLE\n"
        for row in rows {
          out +=
            "  R \(row.location): "
            + row.cells.map { c in
              var s = "[\(c.column.map(String.init) ?? "-")"
              if let span = c.rowSpan { s += "↓\(span)" }
              return s + "] " + c.paragraphs.joined(separator: "⏎")
            }.joined(separator: " | ") + "\n"
        }
      }
    }
    for d in tokens.diagnostics { out += "D \(d.severity) \(d.code) \(d.location.map { "\($0)" } ?? "-"): \(d.message)\n" }
    return out
  }
}

@Suite("Dialect dumps", .enabled(if: ProcessInfo.processInfo.environment["DIALECT_DUMP"] != nil))
struct DialectDumps {
  @Test func dumpAll() throws {
    let dir = ProcessInfo.processInfo.environment["DIALECT_DUMP"] ?? "/tmp/dialect-dumps"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let layout = try RealExports.pdftotext("wanli-2023-budget-performance-targets.pdf", mode: "-layout")
    let tokens = try PdftotextLayoutDialect.tokenize(RealExports.lines(layout), limits: .standard)
    try RealExports.dump(tokens).write(toFile: dir + "/wanli-layout.txt", atomically: true, encoding: .utf8)
    let pages = try FileManager.default.contentsOfDirectory(atPath: RealExports.root.appendingPathComponent("pages").path)
    var scores = ""
    for p in pages.sorted() {
      let text = try RealExports.page(p)
      let ls = RealExports.lines(text)
      scores += p + ": " + DialectRegistry.all.map { "\($0.name)=\(String(format: "%.2f", $0.score(ls)))" }.joined(separator: " ") + "\n"
      if let name = RealExports.detect(text), let d = DialectRegistry.dialect(named: name) {
        let t = try d.tokenize(ls, limits: .standard)
        try RealExports.dump(t).write(toFile: dir + "/" + p, atomically: true, encoding: .utf8)
      }
    }
    try scores.write(toFile: dir + "/scores.txt", atomically: true, encoding: .utf8)
  }
}
