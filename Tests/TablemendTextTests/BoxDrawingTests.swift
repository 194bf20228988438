import TablemendModel
import Testing

@testable import TablemendText

@Suite struct BoxDrawingTests {
  // As `w3m -dump` draws a bordered HTML table: a label merged over two rows has no border
  // between them; CJK characters are two columns wide.
  let drawn = """
    ┌──────┬──────┬──────┐
    │一级  │二级  │三级  │
    ├──────┼──────┼──────┤
    │产出  │数量  │培训  │
    │      ├──────┼──────┤
    │      │质量  │合格  │
    └──────┴──────┴──────┘
    """

  @Test func bordersBecomeAnASCIIGridOneCharacterForOne() {
    #expect(BoxDrawing.drawsTables(drawn))
    let ascii = BoxDrawing.asciiGrid(drawn)
    #expect(ascii.hasPrefix("+------+------+------+\n|一级  |"))
    #expect(ascii.split(separator: "\n").map(\.count) == drawn.split(separator: "\n").map(\.count))
    #expect(!BoxDrawing.drawsTables("一级指标 ─ 二级指标\n三级指标"))
  }

  @Test func aDrawnTableIsReadWithItsSpans() throws {
    let tokens = try TextReader.tokenize(drawn, dialect: nil, limits: .standard)
    #expect(tokens.dialect == "pandoc-grid")
    guard
      case .rows(let rows)? = tokens.segments.first(where: {
        if case .rows = $0 { return true } else { return false }
      })
    else {
      Issue.record("no table")
      return
    }
    #expect(rows.count == 3)
    let label = rows[1].cells.first
    #expect(label?.text == "产出")
    #expect(label?.rowSpan == 2)
    #expect(rows[2].cells.map(\.text).contains("合格"))
  }
}
