import Foundation
import Testing

@testable import Tablemend

/// Whether MuPDF's `mutool` is installed (the PDF reader runs it).
let mutoolInstalled = MutoolRunner.locate() != nil

/// The Wanli PDF read directly: glyph boxes and rulings to grids, then the forms stage.
@Suite(
  .enabled(
    if: hasReal && mutoolInstalled, "needs ../shared/real and mutool (mupdf-tools)"))
struct WanliPDFTests {
  static let name = "wanli-2023-budget-performance-targets.pdf"
  let document: Document

  init() throws {
    document = try Converter().convert(
      fileAt: realRoot.appendingPathComponent("pdf/\(Self.name)"))
  }

  @Test func fiveProjectFormsWithTheirIndicators() {
    #expect(document.source.dialect == "pdf")
    #expect(document.tables.count == 14)
    expectWanliProjectForms(document)
  }

  @Test func valuesLevelsAndPlaces() throws {
    let all = document.forms.flatMap(\.indicators)
    let area = try #require(all.first { $0.level3 == "规划建筑面积" })
    #expect((area.level1, area.level2) == ("产出指标", "数量指标"))
    #expect(area.value.raw == "≥13459.00(平方米)")
    #expect(area.value.op == .greaterOrEqual)
    #expect(area.value.value == 13459)
    #expect(area.value.unit == "平方米")
    #expect(area.location.page == 31)
    #expect(area.location.box != nil)
    let improved = try #require(all.first { $0.level3 == "补贴对象生活改善度" })
    #expect(improved.value.raw == "补贴对象生活改善度不低于80%")
    let satisfaction = try #require(all.first { $0.level3 == "补贴对象满意度" })
    #expect((satisfaction.level1, satisfaction.level2) == ("满意度指标", "服务对象满意度指标"))
    #expect(satisfaction.value.raw == "≥80.00(%)")
    let visits = try #require(all.first { $0.level3 == "中心全年活动人次" })
    #expect(visits.value.op == .equal)
    #expect(visits.value.value == 5)
    #expect(visits.value.unit == "万人次")
    let funds = try #require(document.forms.first).funds
    #expect(funds.contains { $0.label == "项目资金总额" && $0.amount == 4_100_000 && $0.unit == "元" })
  }

  @Test func budgetTableKeepsItsMergedHeaders() throws {
    let table = try #require(
      document.tables.first { $0.cells.contains { $0.text == "2023年“三公”经费预算数" } })
    let top = try #require(table.cells.first { $0.text == "2023年“三公”经费预算数" })
    #expect((top.row, top.column, top.rowSpan, top.columnSpan) == (0, 0, 1, 6))
    let running = try #require(table.cells.first { $0.text == "2023年机关运行经费预算数" })
    #expect((running.row, running.column, running.rowSpan, running.columnSpan) == (0, 6, 3, 1))
    let cars = try #require(table.cells.first { $0.text == "公务用车购置及运行费" })
    #expect((cars.rowSpan, cars.columnSpan) == (1, 3))
    #expect(top.location.page == 28)
  }

  @Test func tablesOverPageBreaksAreJoined() {
    let codes = document.diagnostics.map(\.code)
    #expect(codes.filter { $0 == "pdf-table-continued" }.count == 10)
    // Pages 21–23 repeat a three-row header.
    #expect(codes.filter { $0 == "pdf-header-repeated" }.count == 3)
    // Budget tables of pages 11–27 run over page breaks; the forms (pages 31–35) do not.
    let spanning = document.tables.filter { table in
      Set(table.cells.compactMap(\.location.page)).count > 1
    }
    #expect(spanning.count == 4)
    #expect(spanning.map(\.rowCount) == [70, 70, 70, 34])
    let formTables = Set(document.forms.flatMap(\.tables))
    #expect(spanning.allSatisfy { !formTables.contains($0.id) })
  }

  /// The layout-text path's indicators (pdftotext -layout), white space ignored: the PDF path
  /// agrees on all but the one 三级 whose quotation marks the PDF draws and the text path
  /// drops.
  @Test(.enabled(if: pdftotext != nil, "needs pdftotext (poppler-utils)"))
  func agreesWithTheLayoutTextPath() throws {
    let data = try #require(try layoutText(Self.name))
    let layout = try Converter().convert(data: data, path: Self.name)
    typealias Key = WanliReadingOrderTests.Key
    let fromText = layout.forms.map { Set($0.indicators.map(Key.init)) }
    let fromPDF = document.forms.map { Set($0.indicators.map(Key.init)) }
    #expect(fromText.map(\.count) == fromPDF.map(\.count))
    let shared = zip(fromText, fromPDF).map { $0.intersection($1).count }.reduce(0, +)
    #expect(shared >= 64)
  }

  @Test func pagesSelectsPages() throws {
    let url = realRoot.appendingPathComponent("pdf/\(Self.name)")
    let selected = try Converter(options: ConvertOptions(pages: PageSelection("31-32")))
      .convert(fileAt: url)
    #expect(selected.forms.count == 2)
    #expect(Set(selected.tables.flatMap { $0.cells.compactMap(\.location.page) }) == [31, 32])
  }
}

/// The mutool runner's limits, with stand-in programs; page lists; routing by magic.
@Suite struct PDFInputTests {
  /// Runs `draw`, again while the fake program is still open for writing in a child that
  /// another test started at the same moment (`Text file busy`).
  static func draw(_ runner: MutoolRunner, format: String, in dir: TemporaryDirectory)
    throws(MutoolRunner.Failure) -> Data
  {
    var attempt = 0
    while true {
      do {
        return try runner.draw(
          format: format, pdf: dir.url.appendingPathComponent("input.pdf"), pages: nil,
          folder: dir.url
        ).output
      } catch {
        attempt += 1
        guard error.message.contains("Text file busy"), attempt < 50 else { throw error }
        usleep(100_000)
      }
    }
  }

  /// An executable shell script in `dir`.
  static func script(_ body: String, in dir: TemporaryDirectory) throws -> String {
    let url = dir.url.appendingPathComponent("fake-mutool")
    try Data("#!/bin/sh\n\(body)\n".utf8).write(to: url)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
    return url.path
  }

  @Test func missingMutoolSaysWhatToInstall() throws {
    let dir = try TemporaryDirectory()
    let runner = MutoolRunner(
      seconds: 5, memoryBytes: 1 << 30, outputBytes: 1 << 20, executable: nil)
    #expect(throws: MutoolRunner.Failure.self) {
      try runner.draw(format: "stext", pdf: dir.url, pages: nil, folder: dir.url)
    }
    #expect(MutoolRunner.missing.contains("install mupdf-tools"))
  }

  @Test func endlessChildIsStoppedAtTheTimeLimit() throws {
    let dir = try TemporaryDirectory()
    let fake = try Self.script("sleep 30", in: dir)
    let runner = MutoolRunner(
      seconds: 1, memoryBytes: 1 << 30, outputBytes: 1 << 20, executable: fake)
    let start = Date()
    do {
      _ = try Self.draw(runner, format: "stext", in: dir)
      Issue.record("a sleeping child was not stopped")
    } catch {
      #expect(error.message.contains("maxPDFSeconds"))
    }
    #expect(Date().timeIntervalSince(start) < 10)
  }

  @Test func childWritingTooMuchIsStopped() throws {
    let dir = try TemporaryDirectory()
    // Writes to the file after -o without end.
    let fake = try Self.script(
      "while [ \"$1\" != -o ]; do shift; done; yes tablemend > \"$2\"", in: dir)
    let runner = MutoolRunner(
      seconds: 20, memoryBytes: 1 << 30, outputBytes: 1 << 20, executable: fake)
    do {
      _ = try Self.draw(runner, format: "trace", in: dir)
      Issue.record("an endless output was not stopped")
    } catch {
      #expect(error.message.contains("maxPDFOutputBytes"))
    }
  }

  @Test func failingChildGivesItsErrorWithoutTheTemporaryPath() throws {
    let dir = try TemporaryDirectory()
    let fake = try Self.script(
      "echo 'error: no objects found' >&2; echo \"error: cannot draw '$7'\" >&2; exit 1", in: dir)
    let runner = MutoolRunner(
      seconds: 5, memoryBytes: 1 << 30, outputBytes: 1 << 20, executable: fake)
    do {
      _ = try Self.draw(runner, format: "trace", in: dir)
      Issue.record("a failing child gave output")
    } catch {
      #expect(error.message == "broken or unreadable PDF (mutool error: no objects found)")
    }
  }

  @Test func pageLists() {
    #expect(PageSelection("3-7")?.ranges == [3...7])
    #expect(PageSelection("1,4-5")?.description == "1,4-5")
    #expect(PageSelection("0") == nil)
    #expect(PageSelection("7-3") == nil)
    #expect(PageSelection("3-") == nil)
    #expect(PageSelection("a") == nil)
    #expect(PageSelection("") == nil)
    #expect(PageSelection("1;rm") == nil)
  }

  @Test func pdfIsRecognisedByItsMagicNotItsName() {
    #expect(PDFInput.accepts(Data("%PDF-1.7\n".utf8)))
    #expect(PDFInput.accepts(Data("\n\n%PDF-1.4\n".utf8)))
    #expect(!PDFInput.accepts(Data("一级指标\t二级指标\n".utf8)))
    #expect(!PDFInput.accepts(Data("see %PDF-1.4 below".utf8)))
    #expect(!PDFInput.accepts(Data("%PDF".utf8)))
    #expect(Converter.dialects.contains("pdf"))
  }

  @Test func forcingThePDFReaderOnTextIsAnError() {
    let converter = Converter(options: ConvertOptions(dialect: "pdf"))
    do {
      _ = try converter.convert(data: Data("一级指标\t二级指标\n".utf8), path: "form.txt")
      Issue.record("text read as PDF")
    } catch {
      #expect(
        error.description
          == "form.txt: --dialect pdf needs a PDF (%PDF- header), and this input is not one")
    }
  }
}

/// DOCX fixtures printed to PDF by LibreOffice (`corpus/pdf/libreoffice/`): each gives the
/// DOCX's grid (cell boxes and texts, white space ignored) and the DOCX's indicators.
@Suite(.enabled(if: mutoolInstalled, "needs mutool (mupdf-tools)"))
struct LibreOfficePDFTests {
  struct CellKey: Hashable {
    var table, row, column, rowSpan, columnSpan: Int
    var text: String
  }

  static func grid(_ document: Document) -> Set<CellKey> {
    Set(
      document.tables.enumerated().flatMap { index, table in
        table.cells.map {
          CellKey(
            table: index, row: $0.row, column: $0.column, rowSpan: $0.rowSpan,
            columnSpan: $0.columnSpan, text: $0.text.filter { !$0.isWhitespace })
        }
      })
  }

  /// LibreOffice's PDF export and Chromium's print of LibreOffice's HTML export.
  @Test(
    arguments: ["libreoffice", "chromium"],
    ["seed-000-department", "seed-002-project", "adjacent", "hmerge", "sdt", "nested"])
  func pdfGivesTheDocxGrid(_ producer: String, _ name: String) throws {
    try Self.compare(producer, name)
  }

  /// Fixtures that only LibreOffice's PDF export draws as the DOCX's grid (Chromium prints
  /// `spans` from an HTML export that ends every rowspan at its row).
  @Test(arguments: ["spans"])
  func libreOfficePDFGivesTheDocxGrid(_ name: String) throws {
    try Self.compare("libreoffice", name)
  }

  static func compare(_ producer: String, _ name: String) throws {
    let docx = try Converter().convert(
      fileAt: packageRoot.appendingPathComponent("corpus/docx/\(name).docx"))
    let pdf = try Converter().convert(
      fileAt: packageRoot.appendingPathComponent("corpus/pdf/\(producer)/\(name).pdf"))
    #expect(pdf.source.dialect == "pdf")
    #expect(pdf.tables.count == docx.tables.count)
    let expected = grid(docx)
    let found = grid(pdf)
    #expect(found == expected, "\(expected.subtracting(found)) vs \(found.subtracting(expected))")
    typealias Key = WanliReadingOrderTests.Key
    #expect(
      pdf.forms.map { $0.indicators.map(Key.init) }
        == docx.forms.map { $0.indicators.map(Key.init) }
    )
  }

  @Test func unruledTableIsGuessedAndSaysSo() throws {
    let pdf = try Converter().convert(
      fileAt: packageRoot.appendingPathComponent("corpus/pdf/libreoffice/unruled-indicators.pdf"))
    #expect(pdf.tables.count == 1)
    #expect(pdf.tables.first?.rowCount == 5)
    #expect(pdf.tables.first?.columnCount == 4)
    #expect(pdf.diagnostics.map(\.code).contains("pdf-stream-table"))
    let indicators = pdf.forms.flatMap(\.indicators)
    #expect(indicators.map(\.level3) == ["规划建筑面积", "完工及时率", "完善社区基础设施建设", "居民满意度"])
    #expect(indicators.first?.value.raw == "≥13459平方米")
    #expect(indicators.first?.value.value == 13459)
  }
}
