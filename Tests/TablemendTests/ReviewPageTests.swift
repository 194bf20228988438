import Foundation
import Testing

@testable import Tablemend

/// `tablemend view`: the review page shows every grid as rebuilt, and reading the page back
/// with tablemend's own HTML reader gives the same grids, spans included.
@Suite struct ReviewPageTests {
  /// Each slot of a grid: the text of the cell that starts there (spaces folded), its spans; or
  /// nil for a slot covered by a cell that starts elsewhere or by none.
  func slots(_ table: Table) -> [[String?]] {
    var out = [[String?]](
      repeating: [String?](repeating: nil, count: table.columnCount), count: table.rowCount)
    for cell in table.cells {
      let text = cell.paragraphs.map {
        $0.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      }
      .filter { !$0.isEmpty }.joined(separator: "\n")
      out[cell.row][cell.column] = "\(text) [\(cell.rowSpan)×\(cell.columnSpan)]"
    }
    return out
  }

  /// The grids of `document` against those read back from its review page: the same count and,
  /// slot by slot, the same text and spans (a slot no cell covers reads back as an empty cell).
  func expectSameGrids(_ document: Document, source: String?, _ name: String) throws {
    let page = ReviewPage.render(document, source: source)
    let back = try Converter().convert(data: Data(page.utf8), path: "\(name).html")
    #expect(back.source.dialect == "html", "\(name)")
    try #require(back.tables.count >= document.tables.count, "\(name)")
    for (table, read) in zip(document.tables, back.tables) {
      #expect(
        read.rowCount == table.rowCount && read.columnCount == table.columnCount,
        "\(name) \(table.id)")
      let want = slots(table)
      let got = slots(read)
      for r in 0..<min(want.count, got.count) {
        for c in 0..<min(want[r].count, got[r].count) {
          let expected =
            want[r][c] ?? (table.cell(coveringRow: r, column: c) == nil ? " [1×1]" : nil)
          #expect(
            got[r][c] == expected || (expected == " [1×1]" && got[r][c] == " [1×1]"),
            "\(name) \(table.id) slot \(r),\(c)")
        }
      }
    }
  }

  @Test(arguments: [seed000, seed002])
  func seedPagesReadBackToTheSameGrids(name: String) throws {
    let data = try seed(name)
    let converter = Converter()
    let document = try converter.convert(data: data, path: name)
    let source = try #require(converter.sourceText(data: data))
    try expectSameGrids(document, source: source, name)
    let page = ReviewPage.render(document, source: source)
    // The source lines are shown and linked from the indicators.
    #expect(page.contains("id=\"L1\""))
    #expect(page.contains("href=\"#L"))
    #expect(!page.contains("<script") && !page.contains("http://") && !page.contains("https://"))
  }

  @Test func aDocxPageReadsBackToTheSameGridsAndMarksGuesses() throws {
    let url = packageRoot.appendingPathComponent("corpus/docx/seed-002-project.docx")
    let data = try Data(contentsOf: url)
    let converter = Converter()
    let document = try converter.convert(data: data, path: url.path)
    #expect(converter.sourceText(data: data) == nil)
    #expect(document.tables.contains { $0.cells.contains { $0.rowSpan > 1 || $0.columnSpan > 1 } })
    try expectSameGrids(document, source: nil, "seed-002-project.docx")
  }

  @Test(.enabled(if: hasReal, "needs ../shared/real"))
  func aRealPageReadsBackToTheSameGrids() throws {
    let pages = try FileManager.default.contentsOfDirectory(
      at: realRoot.appendingPathComponent("pages"), includingPropertiesForKeys: nil
    ).sorted { $0.path < $1.path }
    let url = try #require(pages.first)
    let data = try Data(contentsOf: url)
    let converter = Converter()
    let document = try converter.convert(data: data, path: url.lastPathComponent)
    try expectSameGrids(document, source: converter.sourceText(data: data), url.lastPathComponent)
    let page = ReviewPage.render(document, source: converter.sourceText(data: data))
    // Guessed cells are marked, and every indicator is listed with its typed value.
    if document.tables.contains(where: { $0.cells.contains { !$0.inferred.isEmpty } }) {
      #expect(page.contains("class=\"inferred\""))
    }
    for indicator in document.forms.flatMap(\.indicators) {
      #expect(page.contains(ReviewPage.escape(indicator.level3)))
    }
  }

  @Test func textIsEscapedAndTheIndexListsFailures() {
    #expect(ReviewPage.escape("<b>&") == "&lt;b&gt;&amp;")
    let index = ReviewPage.index([
      ReviewPage.IndexEntry(path: "a.txt", page: "a.txt.html", forms: 1, indicators: 3),
      ReviewPage.IndexEntry(path: "b.png", page: nil, error: "a PNG image, not a text export"),
    ])
    #expect(index.contains("<a href=\"a.txt.html\">a.txt</a>"))
    #expect(index.contains("a PNG image, not a text export"))
  }
}

/// Headless Chromium, where installed.
let chromium: URL? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
  .map { URL(fileURLWithPath: $0) }.first { FileManager.default.isExecutableFile(atPath: $0.path) }

/// The review page as a browser draws it: headless Chromium renders seed 000's page to a PNG,
/// which must not be blank (a blank 1400×1000 page compresses to a few kilobytes; text and
/// table rules make it tens of kilobytes).
@Suite(.enabled(if: chromium != nil, "needs Chromium (Debian chromium)"))
struct ReviewScreenshotTests {
  @Test func seedPageRendersToANonBlankScreenshot() throws {
    let browser = try #require(chromium)
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tablemend-shot-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let data = try seed(seed000)
    let converter = Converter()
    let page = ReviewPage.render(
      try converter.convert(data: data, path: seed000), source: converter.sourceText(data: data))
    let html = dir.appendingPathComponent("review.html")
    try Data(page.utf8).write(to: html)
    let shot = dir.appendingPathComponent("shot.png")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
    process.arguments = [
      "60", browser.path, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
      "--user-data-dir=\(dir.appendingPathComponent("profile").path)",
      "--window-size=1400,1000", "--screenshot=\(shot.path)", html.absoluteString,
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    let png = try Data(contentsOf: shot)
    #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    #expect(png.count > 40_000, "the screenshot is \(png.count) bytes: blank?")
  }
}
