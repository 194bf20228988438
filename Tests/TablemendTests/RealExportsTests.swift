import Foundation
import TablemendBatch
import Testing

@testable import Tablemend

/// The real third-party documents in `../shared/real/` (never copied into this repository):
/// the Wanli PDF through `pdftotext -layout`, and the web-page excerpts. Their goldens live in
/// `corpus/real/`; run with `TABLEMEND_BLESS=1` to rewrite them, then read the diff.
let realRoot = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/real")
let hasReal = FileManager.default.fileExists(atPath: realRoot.path)

/// The Wanli PDF's five project forms, by name, kind, year and indicator count: what every path
/// that reads it (the PDF reader, `pdftotext -layout` text) must give.
func expectWanliProjectForms(
  _ document: Document, sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(
    document.forms.map { $0.fields["项目名称"] ?? "" } == [
      "新建万里街道社区公共服务中心", "就业援助基地补贴", "社区环境整治和建设经费", "各类工作经费",
      "公共服务设施运行经费",
    ], sourceLocation: sourceLocation)
  #expect(
    document.forms.allSatisfy { $0.kind == .projectTargets && $0.year == 2023 },
    sourceLocation: sourceLocation)
  #expect(
    document.forms.map(\.indicators.count) == [5, 4, 4, 43, 9], sourceLocation: sourceLocation)
}
let pdftotext = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first {
  FileManager.default.isExecutableFile(atPath: $0)
}

/// `pdftotext -layout` of a real PDF, or nil when the tool or the file is missing.
func layoutText(_ pdf: String) throws -> Data? {
  try pdftotextOutput(pdf, options: ["-layout"])
}

/// `pdftotext OPTIONS` of a real PDF (no option: its reading order), or nil when the tool or
/// the file is missing.
func pdftotextOutput(_ pdf: String, options: [String]) throws -> Data? {
  guard let pdftotext else { return nil }
  let process = Process()
  process.executableURL = URL(fileURLWithPath: pdftotext)
  process.arguments = options + [realRoot.appendingPathComponent("pdf/\(pdf)").path, "-"]
  let pipe = Pipe()
  process.standardOutput = pipe
  try process.run()
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return process.terminationStatus == 0 ? data : nil
}

@Suite(
  .enabled(if: hasReal && pdftotext != nil, "needs ../shared/real and pdftotext (poppler-utils)"))
struct WanliLayoutTests {
  let document: Document

  init() throws {
    let data = try #require(try layoutText("wanli-2023-budget-performance-targets.pdf"))
    document = try Converter().convert(
      data: data, path: "wanli-2023-budget-performance-targets.pdf")
  }

  @Test func fiveProjectFormsWithTheirIndicators() {
    #expect(document.source.dialect == "pdftotext-layout")
    expectWanliProjectForms(document)
  }

  @Test func valuesAndLevels() throws {
    let all = document.forms.flatMap(\.indicators)
    let area = try #require(all.first { $0.level3 == "规划建筑面积" })
    #expect((area.level1, area.level2) == ("产出指标", "数量指标"))
    #expect(area.value.op == .greaterOrEqual)
    #expect(area.value.value == 13459)
    #expect(area.value.unit == "平方米")
    let satisfaction = try #require(all.first { $0.level3 == "补贴对象满意度" })
    #expect((satisfaction.level1, satisfaction.level2) == ("满意度指标", "服务对象满意度指标"))
    #expect(satisfaction.value.op == .greaterOrEqual)
    #expect(satisfaction.value.value == 80)
    #expect(satisfaction.value.unit == "%")
    let visits = try #require(all.first { $0.level3 == "中心全年活动人次" })
    #expect(visits.value.op == .equal)
    #expect(visits.value.value == 5)
    #expect(visits.value.unit == "万人次")
  }

  @Test func fundsInYuan() throws {
    let funds = try #require(document.forms.first).funds
    #expect(funds.contains { $0.label == "项目资金总额" && $0.amount == 4_100_000 && $0.unit == "元" })
  }
}

/// The same PDF through `pdftotext -raw` (reading order, one table row per line, labels on
/// lines of their own) and through `pdftotext` with no option (reading order, a blank line
/// between cells): their indicators measured against the layout text's.
@Suite(
  .enabled(if: hasReal && pdftotext != nil, "needs ../shared/real and pdftotext (poppler-utils)"))
struct WanliReadingOrderTests {
  struct Key: Hashable {
    var level1, level2, level3, value: String
    init(_ i: Indicator) {
      let squeeze = { (s: String) in s.filter { !$0.isWhitespace } }
      (level1, level2) = (i.level1, i.level2)
      (level3, value) = (squeeze(i.level3), squeeze(i.value.raw))
    }
  }

  func forms(_ options: [String]) throws -> [Set<Key>] {
    let pdf = "wanli-2023-budget-performance-targets.pdf"
    let data = try #require(try pdftotextOutput(pdf, options: options))
    return try Converter().convert(data: data, path: pdf).forms.map {
      Set($0.indicators.map(Key.init))
    }
  }

  @Test func rawTextGivesTheLayoutIndicators() throws {
    let layout = try forms(["-layout"])
    let raw = try forms(["-raw"])
    #expect(raw.count == 5)
    #expect(layout.count == 5)
    guard raw.count == 5, layout.count == 5 else { return }
    // Forms 1, 2, 3 and 5 whole; in form 4 a quoted 三级 cell wrapped over three lines and a
    // wrapped 三级 whose value is on its first line are not rebuilt.
    for k in [0, 1, 2, 4] { #expect(raw[k] == layout[k], "form \(k + 1)") }
    #expect(raw[3].intersection(layout[3]).count >= 41)
  }

  @Test func readingOrderGivesTheFirstThreeFormsWhole() throws {
    let layout = try forms(["-layout"])
    let stream = try forms([])
    #expect(stream.count == 5)
    guard stream.count == 5, layout.count == 5 else { return }
    // Forms 4 and 5 run over pages whose reading order prints whole columns one after the
    // other: not rebuilt.
    for k in [0, 1, 2] { #expect(stream[k] == layout[k], "form \(k + 1)") }
  }
}

@Suite(.enabled(if: hasReal, "needs ../shared/real"))
struct RealGoldenTests {
  /// Every real input: the PDF as layout text, as raw text and in pdftotext's reading order,
  /// and each web-page excerpt as it is.
  static func inputs() throws -> [(name: String, data: Data)] {
    var out: [(String, Data)] = []
    let pdf = "wanli-2023-budget-performance-targets"
    for (suffix, options) in [("layout", ["-layout"]), ("raw", ["-raw"]), ("reading-order", [])] {
      if let text = try pdftotextOutput(pdf + ".pdf", options: options) {
        out.append(("\(pdf).\(suffix).txt", text))
      }
    }
    let pages = realRoot.appendingPathComponent("pages")
    for name in try FileManager.default.contentsOfDirectory(atPath: pages.path).sorted() {
      out.append((name, try Data(contentsOf: pages.appendingPathComponent(name))))
    }
    return out
  }

  @Test func everyRealInputMatchesItsGolden() throws {
    let goldens = packageRoot.appendingPathComponent("corpus/real")
    let bless = ProcessInfo.processInfo.environment["TABLEMEND_BLESS"] == "1"
    var checked = 0
    var missing = 0
    for (name, data) in try Self.inputs() {
      let fresh = try CorpusChecker.golden(of: data, relativePath: "real/\(name)")
      let golden = goldens.appendingPathComponent(name + ".json")
      if bless {
        try FileManager.default.createDirectory(at: goldens, withIntermediateDirectories: true)
        try fresh.write(to: golden, options: .atomic)
        continue
      }
      guard let old = try? Data(contentsOf: golden) else {
        // ../shared/real/pages grows: a page added after the goldens were blessed has been
        // converted above (it must not throw) and is named here, without failing the run.
        let message =
          "note: no golden for \(name) (a page new in ../shared/real/pages): read "
          + "`tablemend convert` of it, then bless with "
          + "TABLEMEND_BLESS=1 swift test --disable-xctest --filter RealGoldenTests\n"
        FileHandle.standardError.write(Data(message.utf8))
        missing += 1
        continue
      }
      let same =
        try JSONSerialization.jsonObject(with: old) as? NSDictionary
        == JSONSerialization.jsonObject(with: fresh) as? NSDictionary
      #expect(same, "\(name) differs from corpus/real/\(name).json")
      checked += 1
    }
    #expect(bless || checked >= 20)
    if missing > 0 {
      FileHandle.standardError.write(Data("note: \(missing) real input(s) have no golden\n".utf8))
    }
  }
}
