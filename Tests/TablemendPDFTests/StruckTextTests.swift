import TablemendModel
import Testing

@testable import TablemendPDF

/// Hand-built glyphs and lines: a line through characters at half their height is a
/// strike-through (deleted text, left out), one along their foot an underline (kept), and a
/// table's line crossing a character is neither.
@Suite struct StruckTextTests {
  typealias G = GlyphLinesTests

  @Test func lineThroughTheMiddleOfCharactersStrikesThem() {
    // 保留删除文字 from x 0, 10 pt characters, y 100–110: 删除 (x 20–40) struck at y 105.6;
    // 保留 (x 0–20) underlined at y 109.
    let glyphs = G.glyphs("保留删除文字", x: 0, y: 100)
    let strike = Ruling(.horizontal, at: 105.6, from: 20, to: 40)
    let underline = Ruling(.horizontal, at: 109, from: 0, to: 20)
    let kept = StruckText().removing(glyphs: glyphs, rulings: [strike, underline])
    #expect(kept.struck == 2)
    #expect(kept.glyphs.map(\.text).joined() == "保留文字")
    #expect(kept.rulings == [underline])
  }

  @Test func tableLineCrossingACharacterIsNoStrike() {
    // A row line (x 0–300) through one character's middle: the text covers a tenth of it.
    let glyphs = G.glyphs("一", x: 50, y: 100)
    let line = Ruling(.horizontal, at: 105, from: 0, to: 300)
    let kept = StruckText().removing(glyphs: glyphs, rulings: [line])
    #expect(kept.struck == 0 && kept.glyphs.count == 1 && kept.rulings == [line])
    // A vertical line is never one.
    let vertical = Ruling(.vertical, at: 55, from: 100, to: 110)
    #expect(StruckText().removing(glyphs: glyphs, rulings: [vertical]).struck == 0)
  }

  @Test func readerLeavesStruckTextOutOfItsCellAndSaysSo() throws {
    let glyphs = G.glyphs("保留删除", x: 55, y: 105)
    var page = PDFTableReaderTests.page(1, top: 100, texts: [["一级", "二级"]], extra: glyphs)
    page.glyphs.removeAll { $0.text == "一" || $0.text == "级" && $0.box.x0 < 100 }
    page.rulings.append(Ruling(.horizontal, at: 110.2, from: 75, to: 95))
    let read = PDFTableReader().read([page])
    guard case .table(let table) = read.blocks.first else {
      Issue.record("a table")
      return
    }
    #expect(table.cells.first?.text == "保留")
    #expect(read.diagnostics.map(\.code) == ["pdf-struck-text"])
    // Without the finder the struck text stays.
    let kept = PDFTableReader(struckText: nil).read([page])
    guard case .table(let whole) = kept.blocks.first else {
      Issue.record("a table")
      return
    }
    #expect(whole.cells.first?.text == "保留删除")
  }
}
